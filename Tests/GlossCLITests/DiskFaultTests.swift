import Foundation
import Glibc
import GlossCore
import GlossStorage
import Testing

@testable import GlossCLI

/// Disk faults met by the real commands: each gives one clear message, keeps what is in memory,
/// and leaves every file on disk as it was (a damaged file is set aside, never overwritten).
@Suite("Disk faults through the commands", .serialized)
struct DiskFaultTests {
    /// Every file under the annotations directory with its bytes.
    private func disk(_ fixture: NotesFixture) -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in fixture.storedNames { contents[name] = FileManager.default.contents(atPath: fixture.data + "/annotations/" + name) }
        return contents
    }

    /// An article with three annotations saved, as a starting point.
    private func seeded() throws -> NotesFixture {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        for paragraph in ["2", "3", "4"] { try fixture.annotate(["harbor.md", "--paragraph", paragraph, "--note", "n\(paragraph)"]) }
        return fixture
    }

    @Test func aReadOnlyDataDirectoryMakesAnnotateFailWithPermissionDenied() throws {
        let fixture = try seeded()
        GlossBinary.giveToOrdinaryUser(fixture.data)
        chmod(fixture.data + "/annotations", 0o500)
        defer { chmod(fixture.data + "/annotations", 0o700) }
        let before = disk(fixture)

        let result = try GlossBinary.run(
            ["annotate", "harbor.md", "--paragraph", "2", "--note", "new"], articles: fixture.articles, data: fixture.data,
            asOrdinaryUser: true)
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.hasPrefix("gloss: Permission denied: \(fixture.data)/annotations/"), "\(result.err)")
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(disk(fixture) == before)
        // Reading still works.
        let notes = try GlossBinary.run(["notes", "harbor.md"], articles: fixture.articles, data: fixture.data, asOrdinaryUser: true)
        #expect(notes.status == 0)
        #expect(notes.out.contains("3 annotations in 1 article."))
    }

    @Test func aFullDiskMakesAnnotateFailWithAClearMessageAndChangesNothing() throws {
        let fixture = try seeded()
        let before = disk(fixture)
        let json = try #require(before.first { $0.key.hasSuffix(".json") }?.value.count)
        // `ulimit -f` below the size of the next version: the write fails part way, as on a full disk.
        let result = try GlossBinary.run(
            ["annotate", "harbor.md", "--paragraph", "2", "--note", "new"], articles: fixture.articles, data: fixture.data,
            fileSizeLimitKiB: json / 1024)
        #expect(!result.signaled, "gloss was killed by SIGXFSZ instead of reporting the failure")
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.contains("the file size limit was reached; nothing was changed"), "\(result.err)")
        #expect(disk(fixture) == before)
    }

    @Test func aCorruptFileBesideAGoodBackupIsSetAsideAndTheBackupServed() throws {
        let fixture = try seeded()
        let json = fixture.store.location(of: "harbor.md")
        let garbage = Data("{\"schemaVersion\": 1, \"annotations\": [ {\"id\": ".utf8)
        try garbage.write(to: URL(fileURLWithPath: json))

        let result = try GlossBinary.run(["notes", "harbor.md"], articles: fixture.articles, data: fixture.data)
        #expect(result.status == 0, "\(result.err)")
        // The backup held the first two annotations (the third save replaced it).
        #expect(result.out.contains("2 annotations in 1 article."), "\(result.out)")
        #expect(result.err.contains("\(json) could not be read"), "\(result.err)")
        #expect(result.err.contains("restored from the backup"), "\(result.err)")
        let aside = try #require(fixture.storedNames.first { $0.contains(".json.corrupt-") })
        #expect(FileManager.default.contents(atPath: fixture.data + "/annotations/" + aside) == garbage)
        #expect(result.err.contains(aside))
    }

    @Test func aDataDirectoryDeletedWhileAnArticleIsOpenGetsEveryAnnotationBack() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        let article = try ArticleSource.load(path: fixture.articles + "/harbor.md")
        let session = try ArticleAnnotations.open(
            article: article, relativePath: "harbor.md", store: fixture.store, articlesDirectory: fixture.articles)
        func annotation(_ id: String, block: Int) throws -> Annotation {
            let range = try #require(session.text.range(ofBlock: block))
            let anchor = try #require(AnnotationAnchor(range: range, in: session.text))
            return Annotation(id: id, created: Timestamp(millisecondsSince1970: 1_700_000_000_000), note: id, anchor: anchor)
        }
        try session.apply([.upsert(try annotation("A", block: 1))])
        try session.apply([.upsert(try annotation("B", block: 2))])

        // The whole data directory vanishes mid-run (deleted by hand, a cleaner, a lost mount).
        try FileManager.default.removeItem(atPath: fixture.data)
        let saved = try session.apply([.upsert(try annotation("C", block: 3))])
        #expect(saved.liveAnnotations.map(\.id).sorted() == ["A", "B", "C"])
        #expect(try fixture.stored("harbor.md").liveAnnotations.map(\.id).sorted() == ["A", "B", "C"])
        var info = stat()
        #expect(stat(fixture.data, &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    /// A real full disk: a 256 KiB tmpfs, filled up. Needs the right to mount (root in a
    /// container, for one); elsewhere the `ulimit -f` drill above takes the same path.
    @Test(.enabled(if: SmallDisk.canMount, "mounting a tmpfs is not permitted here"))
    func aRealFullDiskMakesAnnotateFailWithNoSpaceAndLaterSucceed() throws {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        let disk = try SmallDisk(at: fixture.root + "/disk")
        defer { disk.unmount() }
        let data = disk.path + "/data"
        for paragraph in ["2", "3"] {
            let seeded = try GlossBinary.run(["annotate", "harbor.md", "--paragraph", paragraph], articles: fixture.articles, data: data)
            #expect(seeded.status == 0, "\(seeded.err)")
        }
        func files() -> [String: Data] {
            var contents: [String: Data] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: data + "/annotations")) ?? [] {
                contents[name] = FileManager.default.contents(atPath: data + "/annotations/" + name)
            }
            return contents
        }
        let before = files()
        disk.fill()

        let full = try GlossBinary.run(["annotate", "harbor.md", "--paragraph", "4"], articles: fixture.articles, data: data)
        #expect(full.status == 1)
        #expect(full.err.contains("no space left on the disk; nothing was changed"), "\(full.err)")
        #expect(files() == before)

        disk.emptyFiller()
        let later = try GlossBinary.run(["annotate", "harbor.md", "--paragraph", "4"], articles: fixture.articles, data: data)
        #expect(later.status == 0, "\(later.err)")
        let notes = try GlossBinary.run(["notes", "harbor.md"], articles: fixture.articles, data: data)
        #expect(notes.out.contains("3 annotations in 1 article."))
    }
}

/// A tiny tmpfs mounted for one test, and a file that fills it.
struct SmallDisk {
    let path: String

    static let canMount: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-mount-probe-\(UUID())").path
        guard mkdir(probe, 0o700) == 0 else { return false }
        defer { rmdir(probe) }
        guard mount("tmpfs", probe, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount(probe)
        return true
    }()

    init(at path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try #require(mount("tmpfs", path, "tmpfs", 0, "size=256k,mode=0755") == 0)
    }

    var filler: String { path + "/filler" }

    /// Writes to a filler file until the disk is full.
    func fill() {
        let fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let block = [UInt8](repeating: 0x2E, count: 512)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
    }

    func emptyFiller() { unlink(filler) }

    func unmount() {
        umount(path)
    }
}
