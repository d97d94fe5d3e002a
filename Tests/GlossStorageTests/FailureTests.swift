import Foundation
import Glibc
import GlossCore
@testable import GlossStorage
import Testing

/// Writes that fail (read-only directory, full disk, a path that is not a directory) must
/// report a clear error, leave every file on disk as it was, and leave no temporary files.
@Suite struct FailureTests {
    /// Every file in the annotations directory with its content.
    private func snapshotOfDisk(_ directory: String) -> [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        for name in directoryNames(directory) { contents[name] = readBytes(directory + "/" + name) ?? [] }
        return contents
    }

    /// Three annotations saved by the drill, as a starting point.
    private func seed(_ data: String) throws -> String {
        let drill = try DrillProcess(["add", "--data", data, "--article", "a.md", "--count", "3"])
        #expect(drill.finish().filter { $0.hasPrefix("ack ") }.count == 3)
        return data + "/annotations"
    }

    @Test func aReadOnlyDirectoryGivesPermissionDeniedAndChangesNothing() throws {
        let dir = try TemporaryDirectory(mode: 0o755)
        defer { dir.remove() }
        let data = dir.file("data")
        let annotations = try seed(data)
        var arguments = ["add", "--data", data, "--article", "a.md", "--count", "1"]
        if getuid() == 0 {
            // Root ignores permission bits: hand the data to an ordinary user and run the drill as that user.
            let nobody: UInt32 = 65534
            chown(data, nobody, nobody)
            chown(annotations, nobody, nobody)
            for name in directoryNames(annotations) { chown(annotations + "/" + name, nobody, nobody) }
            arguments += ["--user", String(nobody)]
        }
        chmod(annotations, 0o500)
        let before = snapshotOfDisk(annotations)

        let drill = try DrillProcess(arguments)
        let lines = drill.finish()
        chmod(annotations, 0o700)
        #expect(drill.process.terminationStatus == 3, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("error Permission denied: \(annotations)/") })
        // The drill's in-memory annotations are the three it loaded, untouched by the failure.
        #expect(lines.contains("kept 3"))
        #expect(snapshotOfDisk(annotations) == before)
    }

    @Test func aFullDiskGivesAnErrorAndChangesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let data = dir.file("data")
        let annotations = try seed(data)
        let before = snapshotOfDisk(annotations)
        let size = try #require(before.first { $0.key.hasSuffix(".json") }?.value.count)

        // A file size limit below the next version's size: the write fails part way, like ENOSPC.
        let drill = try DrillProcess([
            "add", "--data", data, "--article", "a.md", "--count", "1", "--fsize-limit", String(size / 2),
        ])
        let lines = drill.finish()
        #expect(drill.process.terminationStatus == 3, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("error Cannot write \(annotations)/") && $0.contains("size limit") })
        #expect(lines.contains("kept 3"))
        #expect(snapshotOfDisk(annotations) == before)
        #expect(try AnnotationStore(dataDirectory: data).load(SampleArticle(path: "a.md").identity).annotations.count == 3)
    }

    @Test func writingToAFullDeviceReportsNoSpace() throws {
        let fd = open("/dev/full", O_WRONLY)
        try #require(fd >= 0)
        defer { close(fd) }
        #expect(throws: StorageError.noSpace(path: "/dev/full")) {
            try FileIO.writeAll(Array(repeating: 7, count: 10_000), to: fd, path: "/dev/full")
        }
        #expect(StorageError.noSpace(path: "/x/y.json").description.contains("no space left"))
    }

    @Test func aDirectoryReplacedByAFileFailsTheSaveAndKeepsCallerStateAndDisk() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.path)
        let file = try store.apply([.upsert(try article.annotation(id: "A"))], to: article.identity, anchoredOn: article.text.text)
        let saved = snapshotOfDisk(store.annotationsDirectory)

        // The annotations directory is moved away and a plain file takes its name.
        let moved = dir.file("moved")
        #expect(rename(store.annotationsDirectory, moved) == 0)
        try writeText("not a directory", to: store.annotationsDirectory)
        let change = AnnotationChange.upsert(try article.annotation(id: "B"))
        var caught: StorageError?
        do {
            _ = try store.apply([change], to: article.identity, anchoredOn: article.text.text)
        } catch {
            caught = error
        }
        #expect(caught == .notADirectory(path: store.annotationsDirectory))
        #expect(caught?.description.contains(store.annotationsDirectory) == true)
        #expect(file.annotations.map(\.id) == ["A"])
        #expect(readBytes(store.annotationsDirectory) == Array("not a directory".utf8))

        unlink(store.annotationsDirectory)
        #expect(rename(moved, store.annotationsDirectory) == 0)
        #expect(snapshotOfDisk(store.annotationsDirectory) == saved)
        #expect(try store.load(article.identity) == file)
    }

    @Test func aDataDirectoryUnderAFileIsReportedWithItsPath() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try writeText("x", to: dir.file("plain"))
        let article = SampleArticle()
        let store = AnnotationStore(dataDirectory: dir.file("plain/data"))
        let change = AnnotationChange.upsert(try article.annotation())
        #expect(throws: StorageError.notADirectory(path: dir.file("plain/data"))) {
            try store.apply([change], to: article.identity, anchoredOn: article.text.text)
        }
        #expect(throws: StorageError.notADirectory(path: store.location(of: "world/climate.md"))) {
            try store.load(article.identity)
        }
    }

    @Test func aFailedReplaceLeavesTheTargetAndNoTemporaryFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // The target is a non-empty directory, so the final rename fails.
        let target = dir.file("target.json")
        mkdir(target, 0o700)
        try writeText("keep", to: target + "/inside")
        #expect(throws: StorageError.self) {
            try AtomicFile.write(Array("new".utf8), to: target, keepBackup: false)
        }
        #expect(directoryNames(dir.path) == ["target.json"])
        #expect(readBytes(target + "/inside") == Array("keep".utf8))
    }

    @Test func atomicWritesReplaceTheContentWholeAndKeepABackup() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let target = dir.file("file.json")
        try AtomicFile.write(Array("old".utf8), to: target, keepBackup: true)
        #expect(!exists(target + ".bak"))
        try AtomicFile.write(Array("new".utf8), to: target, keepBackup: true)
        #expect(readBytes(target) == Array("new".utf8))
        #expect(readBytes(target + ".bak") == Array("old".utf8))
        #expect(directoryNames(dir.path) == ["file.json", "file.json.bak"])
    }
}
