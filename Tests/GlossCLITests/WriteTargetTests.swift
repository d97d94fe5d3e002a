import Foundation
import Glibc
import GlossStorage
import LocalHTTPServer
import Testing

/// Where commands write: `export --output` onto special files, `add` and `fetch` through links
/// leading outside the articles directory, and temporaries left by a killed fetch.
@Suite("Write targets", .serialized)
struct WriteTargetTests {
    final class World {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-targets-\(UUID())").path
        var articles: String { root + "/articles" }
        var data: String { root + "/data" }
        var outside: String { root + "/outside" }

        init() throws {
            for path in [articles, outside] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
            try NotesFixture.harbor.write(toFile: articles + "/harbor.md", atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func run(_ arguments: [String], config: String? = nil) throws -> GlossBinary.Result {
            try GlossBinary.run(arguments, articles: articles, data: data, config: config)
        }

        func followingLinks() throws -> String {
            let path = root + "/follow.toml"
            try "[library]\nfollow-symlinks = true\n".write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        /// A feeds.toml with one feed of that name, served by a local server (keep it running).
        func serveFeed(named name: String) throws -> (feeds: String, server: LocalHTTPServer) {
            let routes = FeedRoutes()
            let server = try routes.server()
            routes.set("/feed.xml", .init(body: FeedFixtures.rss([FeedFixtures.tide])))
            let feeds = root + "/feeds.toml"
            try "[[feed]]\nurl = \"\(server.url("/feed.xml"))\"\nname = \"\(name)\"\n".write(toFile: feeds, atomically: true, encoding: .utf8)
            return (feeds, server)
        }

        func fileType(_ path: String) -> mode_t? {
            var info = stat()
            return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
        }
    }

    @Test func anExportOntoAFIFOIsWrittenIntoItAndTheFIFOStays() throws {
        let world = try World()
        #expect(try world.run(["annotate", "harbor.md", "--paragraph", "2", "--note", "a note"]).status == 0)
        let fifo = world.root + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on the other end, as `cat pipe` would be.
        let received = LockedBytes()
        let reader = Thread {
            guard let handle = FileHandle(forReadingAtPath: fifo) else { return }
            received.set(handle.readDataToEndOfFile())
        }
        reader.start()
        let export = try world.run(["export", "harbor.md", "--output", fifo])
        #expect(export.status == 0, "\(export.err)")
        #expect(export.err.contains("wrote \(fifo)"))
        for _ in 0..<100 where received.get() == nil { usleep(50_000) }
        #expect(world.fileType(fifo) == S_IFIFO)
        #expect(String(decoding: received.get() ?? Data(), as: UTF8.self).contains("a note"))
    }

    @Test func anExportOntoACharacterDeviceWritesIntoItAndKeepsTheDevice() throws {
        let world = try World()
        #expect(try world.run(["annotate", "harbor.md", "--paragraph", "2"]).status == 0)
        // Copies of the nodes of /dev/null and /dev/full (making them needs root), never the real
        // ones: before the fix an export replaced its target, and as root that would be /dev's.
        let null = world.root + "/null-device"
        let full = world.root + "/full-device"
        if mknod(null, S_IFCHR | 0o666, dev_t(0x103)) == 0, mknod(full, S_IFCHR | 0o666, dev_t(0x107)) == 0 {
            let export = try world.run(["export", "harbor.md", "--output", null])
            #expect(export.status == 0, "\(export.err)")
            #expect(world.fileType(null) == S_IFCHR)
            let refused = try world.run(["export", "harbor.md", "--output", full])
            #expect(refused.status == 1)
            #expect(refused.err.contains("export not written: Cannot write \(full): no space left on the disk"))
            #expect(world.fileType(full) == S_IFCHR)
        }
        // A block device (a copy of loop0's node) is refused before it is opened.
        let block = world.root + "/block-device"
        if mknod(block, S_IFBLK | 0o600, dev_t(0x700)) == 0 {
            let refused = try world.run(["export", "harbor.md", "--output", block])
            #expect(refused.status == 1)
            #expect(refused.err.contains("export not written: \(block) is a block device"))
            #expect(world.fileType(block) == S_IFBLK)
        }
        #expect(ExportFile.target(of: "/dev/stdout") == .stream)
        #expect(ExportFile.target(of: "/dev/null") == .stream)
        #expect(ExportFile.target(of: world.root + "/new.md") == .file)
        #expect(ExportFile.target(of: world.root) == .directory)
    }

    @Test func addRefusesToWriteThroughASavedFolderLinkedOutside() throws {
        let world = try World()
        let page = world.root + "/page.html"
        try "<html><head><title>A page</title></head><body><article><h1>A page</h1><p>\(String(repeating: "Words of the page. ", count: 30))</p></article></body></html>"
            .write(toFile: page, atomically: true, encoding: .utf8)
        symlink(world.outside, world.articles + "/saved")
        let refused = try world.run(["add", page])
        #expect(refused.status == 1)
        #expect(refused.err.contains("a symbolic link leads outside the articles directory (to \(world.outside)"), "\(refused.err)")
        #expect(refused.err.contains("follow-symlinks"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: world.outside).isEmpty)
        // Allowed in the config, the link is followed as for reading.
        let allowed = try world.run(["add", page], config: try world.followingLinks())
        #expect(allowed.status == 0, "\(allowed.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: world.outside).count == 1)
    }

    @Test func fetchRefusesToWriteThroughAFeedFolderLinkedOutside() throws {
        let world = try World()
        let (feeds, server) = try world.serveFeed(named: "Linked")
        defer { server.stop() }
        symlink(world.outside, world.articles + "/linked")
        let refused = try world.run(["fetch", "--feeds", feeds, "--timeout", "10"])
        #expect(refused.out.contains("a symbolic link leads outside the articles directory"), "\(refused.out)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: world.outside).isEmpty)
    }

    @Test func aFetchRemovesStaleTemporariesButNotFreshOrLockedOnes() throws {
        let world = try World()
        let (feeds, server) = try world.serveFeed(named: "Harbor News")
        defer { server.stop() }
        let folder = world.articles + "/harbor-news"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // What `kill -9` during a fetch leaves: a hidden temporary beside the article it was for.
        let stale = folder + "/.2026-11-23-harbor.md.tmp-4242-1f2e"
        let fresh = folder + "/.2026-11-23-other.md.tmp-4243-aa"
        let locked = folder + "/.2026-11-23-locked.md.tmp-4244-bb"
        for path in [stale, fresh, locked] { try "half an article".write(toFile: path, atomically: false, encoding: .utf8) }
        var old = [timeval(tv_sec: time(nil) - 120, tv_usec: 0), timeval(tv_sec: time(nil) - 120, tv_usec: 0)]
        #expect(utimes(stale, &old) == 0)
        #expect(utimes(locked, &old) == 0)
        // A writer still busy with its temporary holds it locked.
        let fd = open(locked, O_RDONLY)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)

        let fetch = try world.run(["fetch", "--feeds", feeds, "--timeout", "10"])
        #expect(fetch.status == 0, "\(fetch.out)\(fetch.err)")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh))
        #expect(FileManager.default.fileExists(atPath: locked))
        #expect(FileManager.default.fileExists(atPath: folder + "/2026-11-24-tide-tables-revised.md"))
    }
}

/// Bytes handed from a reader thread to the test.
final class LockedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    func get() -> Data? {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
