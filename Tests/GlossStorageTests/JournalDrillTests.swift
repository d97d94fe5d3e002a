import Foundation
import Glibc
import GlossCore
import GlossStorage
import Testing

/// The fault drills again with every save going through the journal (`--journal always`: an
/// append per save, a fold every 8): kill -9 at random moments, writers at once, a full disk
/// and a read-only directory.
@Suite struct JournalDrillTests {
    @Test func aJournalingWriterKilledAtRandomMomentsNeverLosesAnAckedChange() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.file("data")
        let identity = SampleArticle(path: "churn.md").identity
        var generator = SystemRandomNumberGenerator()
        var minimumVersion: [String: Int] = [:]
        var deleted: Set<String> = []
        for round in 0..<60 {
            let drill = try DrillProcess([
                "churn", "--data", data, "--article", "churn.md", "--count", "100000", "--seed", String(round + 1),
                "--journal", "always",
            ])
            drill.waitForLines(Int.random(in: 0...12, using: &generator))
            usleep(UInt32.random(in: 0...10_000, using: &generator))
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
        #expect(minimumVersion.count > 8, "too few saves to have folded the journal")
        #expect(!deleted.isEmpty)
    }

    @Test func fourJournalingWritersOnOneArticleLoseNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.file("data")
        let rounds = 30
        let writers = try (0..<4).map { number in
            try DrillProcess([
                "add", "--data", data, "--article", "shared.md", "--count", String(rounds), "--tag", "w\(number)",
                "--journal", "always",
            ])
        }
        var acked: Set<String> = []
        for writer in writers {
            let lines = writer.finish()
            #expect(writer.process.terminationStatus == 0, "\(lines.suffix(3))")
            acked.formUnion(lines.filter { $0.hasPrefix("ack ") }.map { String($0.dropFirst(4)) })
        }
        #expect(acked.count == 4 * rounds)
        let file = try AnnotationStore(dataDirectory: data).load(SampleArticle(path: "shared.md").identity)
        #expect(file.messages.isEmpty)
        #expect(Set(file.liveAnnotations.map(\.id)) == acked)
        #expect(!directoryNames(data + "/annotations").contains { $0.contains(".tmp-") || $0.contains(".corrupt-") })
    }

    /// Three saves through the journal, as a starting point.
    private func seed(_ data: String) throws -> String {
        let drill = try DrillProcess(["add", "--data", data, "--article", "a.md", "--count", "3", "--journal", "always"])
        #expect(drill.finish().filter { $0.hasPrefix("ack ") }.count == 3)
        let annotations = data + "/annotations"
        #expect(directoryNames(annotations).contains { $0.hasSuffix(".json.journal") })
        return annotations
    }

    private func disk(_ directory: String) -> [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        for name in directoryNames(directory) { contents[name] = readBytes(directory + "/" + name) ?? [] }
        return contents
    }

    @Test func aFullDiskDuringAnAppendAcknowledgesNothingAndChangesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.file("data")
        let annotations = try seed(data)
        let before = disk(annotations)
        let journal = try #require(before.first { $0.key.hasSuffix(".json.journal") }?.value.count)
        // The limit falls inside the next line: the append fails part way, as on a full disk.
        let drill = try DrillProcess([
            "add", "--data", data, "--article", "a.md", "--count", "1", "--fsize-limit", String(journal + 40),
            "--journal", "always",
        ])
        let lines = drill.finish()
        #expect(drill.process.terminationStatus == 3, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("error Cannot write \(annotations)/") && $0.contains("size limit") }, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("ack ") })
        #expect(lines.contains("kept 3"))
        #expect(disk(annotations) == before)
        #expect(try AnnotationStore(dataDirectory: data).load(SampleArticle(path: "a.md").identity).annotations.count == 3)
    }

    @Test func aReadOnlyDirectoryRefusesJournaledSavesToo() throws {
        let dir = try TemporaryDirectory(mode: 0o755)
        defer { dir.remove() }
        let data = dir.file("data")
        let annotations = try seed(data)
        var arguments = ["add", "--data", data, "--article", "a.md", "--count", "1", "--journal", "always"]
        if getuid() == 0 {
            let nobody: UInt32 = 65534
            chown(data, nobody, nobody)
            chown(annotations, nobody, nobody)
            for name in directoryNames(annotations) { chown(annotations + "/" + name, nobody, nobody) }
            arguments += ["--user", String(nobody)]
        }
        chmod(annotations, 0o500)
        let before = disk(annotations)
        let drill = try DrillProcess(arguments)
        let lines = drill.finish()
        chmod(annotations, 0o700)
        #expect(drill.process.terminationStatus == 3, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("error Permission denied: \(annotations)/") }, "\(lines)")
        #expect(lines.contains("kept 3"))
        #expect(disk(annotations) == before)
    }
}
