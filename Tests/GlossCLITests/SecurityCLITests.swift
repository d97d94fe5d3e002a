import Foundation
import Glibc
import GlossCore
import GlossTUI
import Testing

@testable import GlossCLI

/// The command side of docs/SECURITY.md: links planted in the articles folder, hostile file names.
@Suite("Security through the commands", .serialized)
struct SecurityCLITests {
    /// An articles folder holding a link to a private file outside it.
    final class Planted {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-sec-\(UUID())").path
        var articles: String { root + "/articles" }
        var data: String { root + "/data" }
        var secret: String { root + "/private/secret.md" }

        init() throws {
            try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root + "/private", withIntermediateDirectories: true)
            try "# Secret\n\nThe private text.\n".write(toFile: secret, atomically: true, encoding: .utf8)
            try "# Real\n\nAn article.\n".write(toFile: articles + "/real.md", atomically: true, encoding: .utf8)
            symlink(secret, articles + "/planted.md")
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func config(followSymlinks: Bool) throws -> String {
            let path = root + "/config-\(followSymlinks).toml"
            try "[library]\nfollow-symlinks = \(followSymlinks)\n".write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func workspace(followSymlinks: Bool) -> Workspace {
            Workspace(
                paths: Paths(articles: articles, data: data, exports: root + "/exports"),
                config: GlossConfig(library: LibrarySettings(followSymlinks: followSymlinks)), environment: [:])
        }
    }

    @Test func aPlantedLinkIsNotReadByDumpAnnotateOrNotesUnlessConfigured() throws {
        let planted = try Planted()
        for command in [["dump", "planted.md"], ["annotate", "planted.md", "--paragraph", "2"], ["notes", "planted.md"]] {
            let refused = try GlossBinary.run(command, articles: planted.articles, data: planted.data)
            #expect(refused.status == 1, "\(command)")
            #expect(refused.err.contains("\(planted.articles)/planted.md: a symbolic link leads outside the articles directory"))
            #expect(refused.err.contains("follow-symlinks"))
            #expect(!refused.out.contains("private text"))
        }
        let list = try GlossBinary.run(["list"], articles: planted.articles, data: planted.data)
        #expect(list.out.contains("planted.md (links outside the articles directory)"))
        #expect(!list.out.contains("Secret"))

        let allowed = try planted.config(followSymlinks: true)
        let dump = try GlossBinary.run(["dump", "planted.md"], articles: planted.articles, data: planted.data, config: allowed)
        #expect(dump.status == 0)
        #expect(dump.out.contains("The private text."))
        let allowedList = try GlossBinary.run(["list"], articles: planted.articles, data: planted.data, config: allowed)
        #expect(allowedList.out.contains("Secret"))
        // A file named on the command line outside the articles directory is read as given: the user chose it.
        let explicit = try GlossBinary.run(["dump", planted.secret], articles: planted.articles, data: planted.data)
        #expect(explicit.status == 0)
    }

    @Test func theReaderRefusesToOpenAPlantedLinkFromTheLibrary() throws {
        let planted = try Planted()
        let services = LiveServices(workspace: planted.workspace(followSymlinks: false))
        guard case .failure(let failure) = services.openArticle(relativePath: "planted.md") else {
            Issue.record("the planted link was opened")
            return
        }
        #expect(failure.description.contains("a symbolic link leads outside the articles directory"))
        guard case .success = services.openArticle(relativePath: "real.md") else {
            Issue.record("an ordinary article did not open")
            return
        }
        let allowed = LiveServices(workspace: planted.workspace(followSymlinks: true))
        guard case .success(let opened) = allowed.openArticle(relativePath: "planted.md") else {
            Issue.record("follow-symlinks = true did not allow the link")
            return
        }
        #expect(opened.article.metadata.title == "Secret")
    }

    @Test func hostileFileNamesReachTheTerminalOnlyAsPlaceholders() throws {
        let planted = try Planted()
        let name = "\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{1B}[2J\u{202E}dm.exe"
        try Data([0]).write(to: URL(fileURLWithPath: planted.articles + "/" + name + ".md"))
        for command in [["dump", name + ".md"], ["dump", name + "-missing.md"], ["list"], ["notes", name + ".md"]] {
            let result = try GlossBinary.run(command, articles: planted.articles, data: planted.data)
            let unsafe = (result.out + result.err).unicodeScalars.filter { $0 != "\n" && TerminalSafe.needsPlaceholder($0) }
            #expect(unsafe.isEmpty, "\(command): \(unsafe.map { String($0.value, radix: 16) })")
            #expect((result.out + result.err).contains("␛]52;c;cm0gLXJmIH4=␇␛[2J⇄dm.exe"), "\(command)")
        }
    }

    /// Under the loosest umask, everything gloss keeps in the data directory is private to the user.
    @Test func theDataDirectoryIsPrivateWhateverTheUmask() throws {
        let planted = try Planted()
        for command in [["annotate", "real.md", "--paragraph", "2", "--note", "private"], ["list"], ["notes"]] {
            let result = try GlossBinary.run(command, articles: planted.articles, data: planted.data, umask: "000")
            #expect(result.status == 0, "\(command): \(result.err)")
        }
        let entries = try FileManager.default.subpathsOfDirectory(atPath: planted.data)
        #expect(entries.contains { $0.hasSuffix(".json") && $0.hasPrefix("annotations/") })
        #expect(entries.contains("library-cache.json"))
        var info = stat()
        #expect(stat(planted.data, &info) == 0 && info.st_mode & 0o777 == 0o700)
        for entry in entries {
            #expect(lstat(planted.data + "/" + entry, &info) == 0)
            let expected: mode_t = (info.st_mode & S_IFMT) == S_IFDIR ? 0o700 : 0o600
            #expect(info.st_mode & 0o777 == expected, "\(entry) has mode \(String(info.st_mode & 0o777, radix: 8))")
        }
    }

    /// JSON output is for programs but often lands on a terminal: controls that JSON allows raw are escaped.
    @Test func jsonOutputEscapesC1AndBidiControlsAndStillDecodesToTheSameText() throws {
        let planted = try Planted()
        let title = "Pay \u{9B}31m\u{202E}fdp.exe\u{2069} \u{1B}]52;c;aGk=\u{07} now"
        try Data("# \(title)\n\nBody.\n".utf8).write(to: URL(fileURLWithPath: planted.articles + "/hostile.md"))
        _ = try GlossBinary.run(["annotate", "hostile.md", "--paragraph", "2", "--note", "n \u{202E}x"], articles: planted.articles, data: planted.data)
        for command in [["list", "--json"], ["notes", "--json"]] {
            let result = try GlossBinary.run(command, articles: planted.articles, data: planted.data)
            #expect(result.status == 0)
            #expect(!result.out.unicodeScalars.contains { $0 != "\n" && TerminalSafe.needsPlaceholder($0) }, "\(command)")
            #expect(result.out.contains("\\u009B31m\\u202Efdp.exe\\u2069"), "\(command)")
            // Decoded, the escapes give back the exact text.
            let decoded = try JSONSerialization.jsonObject(with: Data(result.out.utf8))
            #expect(strings(in: decoded).contains(command[0] == "list" ? title : "n \u{202E}x"), "\(command)")
        }
    }

    /// Export file names come from the article path, which an attacker names: they stay plain words.
    @Test func exportFileNamesNeverLeaveTheExportDirectory() throws {
        for path in ["../../.bashrc", "/etc/cron.d/x.md", "a/../../b.md", "..", ".hidden.md", "x\u{0}y.md", "\u{1B}]52;c;aGk=\u{07}.md", "dir/\u{202E}dm.exe"] {
            let slug = NotesExporter.slug(path)
            #expect(!slug.isEmpty && !slug.contains("/") && !slug.hasPrefix(".") && !slug.contains(".."), "\(path.debugDescription) → \(slug)")
            #expect(slug.unicodeScalars.allSatisfy { !TerminalSafe.needsPlaceholder($0) }, "\(path.debugDescription) → \(slug)")
        }
        #expect(NotesExporter.slug("../../world/climate.md") == "world-climate")
    }

    /// Every string value anywhere in decoded JSON.
    private func strings(in value: Any) -> [String] {
        if let text = value as? String { return [text] }
        if let array = value as? [Any] { return array.flatMap { strings(in: $0) } }
        if let object = value as? [String: Any] { return object.values.flatMap { strings(in: $0) } }
        return []
    }
}
