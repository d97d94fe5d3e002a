import Foundation
import Glibc
import GlossCore
import Testing

@testable import GlossStorage

/// Recovery files that had to go to the temporary directory are found again at the next start,
/// which looks through that directory only when this user's marker says there is something.
@Suite struct RecoveryMarkerTests {
    private let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-marker-\(UUID())").path

    private func setUp() throws -> (environment: [String: String], temporary: String) {
        let temporary = root + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        // A state directory that cannot be made (a file is in the way): the file goes to the temporary one.
        FileManager.default.createFile(atPath: root + "/state", contents: Data("in the way".utf8))
        return (["XDG_STATE_HOME": root + "/state"], temporary)
    }

    private var change: [RecoveryStore.Article] {
        get throws {
            let article = SampleArticle()
            return [RecoveryStore.Article(identity: article.identity, annotations: [try article.annotation(note: "kept")])]
        }
    }

    @Test func aFileInTheTemporaryDirectoryIsMarkedFoundAndTheMarkerGoesWithIt() throws {
        let (environment, temporary) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = try RecoveryStore.write(try change, failure: "disk full", environment: environment, temporaryDirectory: temporary)
        #expect(path.hasPrefix(temporary + "/gloss-recovery-\(getuid())-"))
        let marker = RecoveryStore.markerPath(in: temporary)
        #expect(FileManager.default.fileExists(atPath: marker))
        #expect(RecoveryStore.pending(environment: environment, temporaryDirectory: temporary) == [path])
        try RecoveryStore.remove(path)
        #expect(RecoveryStore.pending(environment: environment, temporaryDirectory: temporary).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: marker), "the marker is removed once nothing is left")
    }

    @Test func withoutTheMarkerOnlyAThoroughLookReadsTheTemporaryDirectoryAndItMarksWhatItFinds() throws {
        let (environment, temporary) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = try RecoveryStore.write(try change, failure: "disk full", environment: environment, temporaryDirectory: temporary)
        let marker = RecoveryStore.markerPath(in: temporary)
        try FileManager.default.removeItem(atPath: marker)
        #expect(RecoveryStore.pending(environment: environment, temporaryDirectory: temporary).isEmpty)
        #expect(RecoveryStore.pending(environment: environment, temporaryDirectory: temporary, thorough: true) == [path])
        #expect(FileManager.default.fileExists(atPath: marker))
        #expect(RecoveryStore.pending(environment: environment, temporaryDirectory: temporary) == [path])
    }
}
