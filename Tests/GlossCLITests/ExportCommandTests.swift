import Foundation
import GlossCore
import GlossStorage
import Testing

@testable import GlossCLI

/// `gloss export`: where the export goes, in which format, and how failures are reported.
@Suite("gloss export")
struct ExportCommandTests {
    /// Two articles, one annotated twice (one with a note), one not annotated.
    func fixture() throws -> NotesFixture {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.write("sub/Quiet Day.txt", "Nothing happened today.\n")
        try fixture.annotate(["harbor.md", "--paragraph", "2", "--note", "Who called it? #council"], id: "aa11bb22")
        try fixture.annotate(["harbor.md", "--paragraph", "3", "--quote", "the battery", "--color", "green"], id: "cc33dd44")
        return fixture
    }

    func export(_ fixture: NotesFixture, _ arguments: [String], workspace: Workspace? = nil) throws -> (out: String, messages: [String]) {
        let command = try ExportCommand.parse(arguments)
        var messages: [String] = []
        let out = try command.output(in: workspace ?? fixture.workspace) { messages.append($0) }
        return (out, messages)
    }

    /// The document the export should be made of, built independently from what is stored.
    func expectedDocument(_ fixture: NotesFixture) throws -> ExportDocument {
        let article = try ArticleSource.load(path: fixture.articles + "/harbor.md")
        let stored = try fixture.stored("harbor.md")
        return ExportDocument(
            article: article, file: "harbor.md", fingerprint: ArticleFingerprint.sha256(of: ArticleText.normalized(article)),
            annotations: stored.annotations)
    }

    @Test func markdownGoesToStdoutByDefaultAndIsDeterministic() throws {
        let fixture = try fixture()
        let first = try export(fixture, ["harbor.md"])
        #expect(first.out == MarkdownExport.render(try expectedDocument(fixture)))
        #expect(try expectedDocument(fixture).highlights.count == 2)
        #expect(try export(fixture, ["harbor.md"]).out == first.out, "same data, same bytes")
    }

    @Test func jsonFormatWritesW3CJSON() throws {
        let fixture = try fixture()
        let out = try export(fixture, ["harbor.md", "--format", "json"]).out
        #expect(out == W3CExport.render(try expectedDocument(fixture)))
    }

    @Test func outputFileIsWrittenWholeAndKeepsItsMode() throws {
        let fixture = try fixture()
        let target = fixture.root + "/vault/notes/harbor-notes.md"
        let result = try export(fixture, ["harbor.md", "--output", target])
        #expect(result.out.isEmpty)
        #expect(result.messages == ["wrote \(target)"])
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written == MarkdownExport.render(try expectedDocument(fixture)))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        try export(fixture, ["harbor.md", "--output", target])
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o640, "replacing an export keeps the permissions the user gave it")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root + "/vault/notes")
        #expect(leftovers == ["harbor-notes.md"], "no temporary files are left behind")
    }

    @Test func allToADirectoryWritesOneFilePerAnnotatedArticle() throws {
        let fixture = try fixture()
        try fixture.annotate(["sub/Quiet Day.txt", "--paragraph", "1"], id: "ee55ff66")
        let directory = fixture.root + "/out"
        let result = try export(fixture, ["--all", "--output", directory])
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names == ["harbor.md", "sub-quiet-day.md"])
        #expect(result.messages.sorted() == ["wrote \(directory)/harbor.md", "wrote \(directory)/sub-quiet-day.md"])
        let json = try export(fixture, ["--all", "--format", "json", "--output", directory])
        #expect(json.messages.contains("wrote \(directory)/harbor.jsonld"))
    }

    @Test func unknownArticlesAndUnwritablePathsFailClearly() throws {
        let fixture = try fixture()
        let unknown = fixture.failure { _ = try export(fixture, ["nowhere.md"]) }
        #expect(unknown == "no such article: nowhere.md")
        #expect(CLIError.notFound("x").exitCode == 1)
        // A path under a regular file can't be created.
        let blocker = fixture.root + "/blocker"
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let unwritable = fixture.failure { _ = try export(fixture, ["harbor.md", "--output", blocker + "/notes.md"]) }
        #expect(unwritable?.hasPrefix("export not written: ") == true)
        #expect(unwritable?.contains(blocker) == true)
    }

    @Test func aMissingFileThatLooksLikeAnOutputPathGetsAHint() throws {
        let fixture = try fixture()
        let outside = fixture.failure { _ = try export(fixture, ["harbor.md", "/tmp/gloss-no-such-\(UUID().uuidString).md"]) }
        #expect(outside?.hasSuffix(".md (to write to a file, use --output)") == true)
        #expect(outside?.hasPrefix("no such article: /tmp/gloss-no-such-") == true)
        let json = fixture.failure { _ = try export(fixture, ["out.jsonld"]) }
        #expect(json == "no such article: out.jsonld (to write to a file, use --output)")
        // A missing article inside the articles directory is just missing.
        #expect(fixture.failure { _ = try export(fixture, ["nowhere.md"]) } == "no such article: nowhere.md")
    }

    @Test func usageErrorsAreRejectedBeforeRunning() {
        #expect(throws: (any Error).self) { try ExportCommand.parse([]) }
        #expect(throws: (any Error).self) { try ExportCommand.parse(["a.md", "--all"]) }
        #expect(throws: (any Error).self) { try ExportCommand.parse(["a.md", "--format", "pdf"]) }
    }

    @Test func aConfiguredTemplateReplacesTheBuiltInShape() throws {
        let fixture = try fixture()
        let template = fixture.root + "/mine.mustache"
        try "Notes on {{{article.title}}}: {{#highlights}}[{{paragraph}}]{{/highlights}}\n"
            .write(toFile: template, atomically: true, encoding: .utf8)
        var paths = fixture.workspace.paths
        paths.exportTemplate = template
        let workspace = Workspace(paths: paths, config: .defaults, environment: [:])
        #expect(try export(fixture, ["harbor.md"], workspace: workspace).out == "Notes on Harbor battery: [2][3]\n")
        paths.exportTemplate = fixture.root + "/missing.mustache"
        let missing = fixture.failure {
            _ = try export(fixture, ["harbor.md"], workspace: Workspace(paths: paths, config: .defaults, environment: [:]))
        }
        #expect(missing?.contains("export template \(fixture.root)/missing.mustache") == true)
    }

    @Test func slugsKeepLettersOfAnyScript() {
        #expect(NotesExporter.slug("harbor.md") == "harbor")
        #expect(NotesExporter.slug("sub/Quiet Day.txt") == "sub-quiet-day")
        #expect(NotesExporter.slug("東京 の夜.md") == "東京-の夜")
        #expect(NotesExporter.slug("---.md") == "article")
    }
}
