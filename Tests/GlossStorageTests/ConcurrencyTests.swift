import Foundation
import Glibc
import GlossCore
import GlossStorage
import Testing

/// Real processes writing the same article at once, and writers killed mid-save.
@Suite struct ConcurrencyTests {
    /// Four writers on one article and two readers of other articles of the same library (each
    /// annotating its article and recording its reading position in the shared state file), all at once.
    @Test func fourWritersOnOneArticleAndTwoOnTheLibraryLoseNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.file("data")
        let rounds = 50
        let writers = try (0..<4).map { number in
            try DrillProcess(["add", "--data", data, "--article", "shared.md", "--count", String(rounds), "--tag", "w\(number)"])
        }
        let readers = try ["one.md", "two.md"].map { article in
            try DrillProcess(["library", "--data", data, "--article", article, "--count", String(rounds), "--tag", "lib"])
        }
        var acked: [String: Set<String>] = ["shared.md": [], "one.md": [], "two.md": []]
        for (process, article) in zip(writers + readers, Array(repeating: "shared.md", count: 4) + ["one.md", "two.md"]) {
            let lines = process.finish()
            #expect(process.process.terminationStatus == 0, "\(article): \(lines.suffix(3))")
            let ids = lines.filter { $0.hasPrefix("ack ") && !$0.hasPrefix("ack state ") }.map { String($0.dropFirst(4)) }
            #expect(ids.count == rounds)
            acked[article, default: []].formUnion(ids)
            if article != "shared.md" { #expect(lines.last == "ack state \(rounds - 1)") }
        }

        let store = AnnotationStore(dataDirectory: data)
        for (article, ids) in acked {
            let file = try store.load(SampleArticle(path: article).identity)
            #expect(file.messages.isEmpty, "\(article): \(file.messages)")
            #expect(Set(file.liveAnnotations.map(\.id)) == ids, "\(article)")
        }
        #expect(acked["shared.md"]?.count == 4 * rounds)
        let shared = try store.load(SampleArticle(path: "shared.md").identity)
        for number in 0..<4 { #expect(shared.liveAnnotations.filter { $0.tags == ["w\(number)"] }.count == rounds) }
        // Both readers' last positions survive each other's writes to the one state file.
        let state = try StateStore(dataDirectory: data).loadReadingState()
        #expect(state.messages.isEmpty)
        #expect(state.positions["one.md"]?.blockIndex == rounds - 1)
        #expect(state.positions["two.md"]?.blockIndex == rounds - 1)
        // No temporary files survive a clean run.
        #expect(!directoryNames(data + "/annotations").contains { $0.contains(".tmp-") })
        #expect(!directoryNames(data).contains { $0.contains(".tmp-") })
    }

    /// The kill -9 soak: 200 times, a writer adding, editing and deleting annotations is killed
    /// at a random moment. After every kill the file parses and every acknowledged change is there.
    @Test func aWriterKilledAtRandomMomentsNeverLosesAnAckedChange() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.file("data")
        let identity = SampleArticle(path: "churn.md").identity
        var generator = SystemRandomNumberGenerator()
        /// What acks promise: the lowest note version each annotation must have, or deletion.
        var minimumVersion: [String: Int] = [:]
        var deleted: Set<String> = []
        var kills = 0
        var acked: [String: Int] = [:]

        for round in 0..<Self.killRounds {
            let drill = try DrillProcess([
                "churn", "--data", data, "--article", "churn.md", "--count", "100000", "--seed", String(round + 1),
            ])
            // Let it get a few saves done (sometimes none), then kill it at a random moment.
            drill.waitForLines(Int.random(in: 0...3, using: &generator))
            usleep(UInt32.random(in: 0...10_000, using: &generator))
            drill.kill()
            let lines = drill.finish()
            #expect(drill.process.terminationReason == .uncaughtSignal, "round \(round) ended by itself: \(lines)")

            for line in lines {
                let parts = line.split(separator: " ").map(String.init)
                guard parts.count >= 3, parts[0] == "ack" else { continue }
                acked[parts[1], default: 0] += 1
                switch parts[1] {
                case "add": minimumVersion[parts[2]] = 0
                case "edit": minimumVersion[parts[2]] = parts.count > 3 ? Int(parts[3]) ?? 0 : 0
                case "delete": deleted.insert(parts[2])
                default: Issue.record("unexpected line \(line)")
                }
            }

            // The file on disk is whole JSON, read by a parser other than gloss's own.
            let json = AnnotationStore(dataDirectory: data).location(of: identity.path)
            if !minimumVersion.isEmpty {
                #expect((try? jsonObject(at: json))?["annotations"] is [Any], "round \(round): \(json) does not parse")
            }
            let file = try AnnotationStore(dataDirectory: data).load(identity)
            #expect(file.messages.isEmpty, "round \(round): \(file.messages)")
            kills += 1
            for (id, version) in minimumVersion {
                guard let stored = file.annotation(withID: id) else {
                    Issue.record("round \(round): acked annotation \(id) is missing")
                    continue
                }
                if deleted.contains(id) {
                    #expect(stored.deleted, "round \(round): acked deletion of \(id) was lost")
                } else if !stored.deleted {
                    let storedVersion = Int(stored.note.split(separator: "v").last ?? "") ?? -1
                    #expect(storedVersion >= version, "round \(round): \(id) has v\(storedVersion), acked v\(version)")
                }
            }
        }
        #expect(kills == Self.killRounds)
        print("kill soak: \(kills) kills, acknowledged \(acked["add", default: 0]) adds, \(acked["edit", default: 0]) edits, "
            + "\(acked["delete", default: 0]) deletes; every acknowledged change was on disk after every kill")
        #expect(!minimumVersion.isEmpty)
        #expect(!deleted.isEmpty)
        #expect(minimumVersion.values.contains { $0 > 0 })
    }

    static let killRounds = 200
}
