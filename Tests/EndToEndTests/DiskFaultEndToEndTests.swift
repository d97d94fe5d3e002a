import Foundation
import Glibc
import Testing

/// A data directory that turns read-only under a running reader: the change is refused on disk
/// with a clear message, stays on screen, and is saved with the next change once writing works again.
@Suite("Disk faults end to end in tmux", .serialized)
struct DiskFaultEndToEndTests {
    @Test func aReadOnlyDataDirectoryKeepsTheHighlightAndSavesItLater() throws {
        let tmux = try Tmux()
        let library = try OrdinaryUserLibrary(in: tmux)
        let (articles, data) = (library.articles, library.data)
        let nobody = OrdinaryUserLibrary.nobody
        let command = library.readCommand()

        try tmux.type(command)
        try tmux.waitFor("¶ 1/")
        try tmux.keys("h")
        try tmux.waitFor("highlighted ¶ 1")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        if getuid() == 0 { chownTree(data, to: nobody) }
        chmod(data + "/annotations", 0o500)
        defer { chmod(data + "/annotations", 0o700) }
        let before = try snapshot(data + "/annotations")

        try tmux.type("clear; " + command)
        try tmux.waitFor("¶ 1/")
        try tmux.keys("j", "j", "h")
        let refused = try tmux.waitFor("not saved: Permission denied")
        // The refused highlight is still on screen, beside the one loaded from disk.
        #expect(refused.contains("Notes 2"))
        #expect(refused.contains("¶ 3 ·"))
        #expect(try snapshot(data + "/annotations") == before)
        // Writing works again: the next change carries the kept one with it.
        chmod(data + "/annotations", 0o700)
        try tmux.keys("c")
        try tmux.waitForAbsence("not saved")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
        try tmux.type("clear; \(Package.quoted(Package.gloss)) notes --articles \(Package.quoted(articles)) --data \(Package.quoted(data))")
        let notes = try tmux.waitFor("annotations in 1 article")
        #expect(notes.contains("2 annotations in 1 article."))
        #expect(notes.contains("¶ 3"))
    }

    private func chownTree(_ path: String, to user: UInt32) {
        chown(path, user, user)
        for sub in FileManager.default.subpaths(atPath: path) ?? [] { lchown(path + "/" + sub, user, user) }
    }

    private func snapshot(_ directory: String) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            contents[name] = FileManager.default.contents(atPath: directory + "/" + name)
        }
        return contents
    }
}
