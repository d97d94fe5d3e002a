import Foundation
import Glibc
import GlossCore
import GlossStorage
import Testing

/// Real processes writing the same article at once, and writers killed mid-save.
@Suite struct ConcurrencyTests {
    @Test func twoProcessesAdding200EachKeepAll400() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.file("data")
        let first = try DrillProcess(["add", "--data", data, "--article", "shared.md", "--count", "200", "--tag", "one"])
        let second = try DrillProcess(["add", "--data", data, "--article", "shared.md", "--count", "200", "--tag", "two"])
        let acked = (first.finish() + second.finish()).filter { $0.hasPrefix("ack ") }.map { String($0.dropFirst(4)) }
        #expect(first.process.terminationStatus == 0)
        #expect(second.process.terminationStatus == 0)
        #expect(acked.count == 400)

        let file = try AnnotationStore(dataDirectory: data).load(SampleArticle(path: "shared.md").identity)
        #expect(file.messages.isEmpty)
        #expect(Set(file.liveAnnotations.map(\.id)) == Set(acked))
        #expect(file.liveAnnotations.filter { $0.tags == ["one"] }.count == 200)
        #expect(file.liveAnnotations.filter { $0.tags == ["two"] }.count == 200)
        // No temporary files survive a clean run.
        #expect(!directoryNames(data + "/annotations").contains { $0.contains(".tmp-") })
    }

    @Test func aWriterKilledAtRandomMomentsNeverLosesAnAckedChange() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.file("data")
        let identity = SampleArticle(path: "churn.md").identity
        var generator = SystemRandomNumberGenerator()
        /// What acks promise: the lowest note version each annotation must have, or deletion.
        var minimumVersion: [String: Int] = [:]
        var deleted: Set<String> = []

        for round in 0..<50 {
            let drill = try DrillProcess([
                "churn", "--data", data, "--article", "churn.md", "--count", "100000", "--seed", String(round + 1),
            ])
            // Let it get a few saves done (sometimes none), then kill it at a random moment.
            drill.waitForLines(Int.random(in: 0...4, using: &generator))
            usleep(UInt32.random(in: 0...15_000, using: &generator))
            drill.kill()
            let lines = drill.finish()
            #expect(drill.process.terminationReason == .uncaughtSignal, "round \(round) ended by itself: \(lines)")

            for line in lines {
                let parts = line.split(separator: " ").map(String.init)
                guard parts.count >= 3, parts[0] == "ack" else { continue }
                switch parts[1] {
                case "add": minimumVersion[parts[2]] = 0
                case "edit": minimumVersion[parts[2]] = parts.count > 3 ? Int(parts[3]) ?? 0 : 0
                case "delete": deleted.insert(parts[2])
                default: Issue.record("unexpected line \(line)")
                }
            }

            let file = try AnnotationStore(dataDirectory: data).load(identity)
            #expect(file.messages.isEmpty, "round \(round): \(file.messages)")
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
        #expect(!minimumVersion.isEmpty)
    }
}
