import Foundation
import Testing

@testable import GlossCLI

/// A scratch directory with fake editors: shell scripts that record what they were given and
/// change the note the way a user would.
private struct EditorSandbox {
    let root: String
    var temporary: String { root + "/tmp" }
    var log: String { root + "/log" }

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/gloss-editor-test-" + UUID().uuidString
        for directory in [root, root + "/tmp", root + "/log", root + "/bin"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
    }

    /// Writes an executable `/bin/sh` script whose body sees the note's path as `$note`.
    func script(_ name: String, _ body: String, mode: Int = 0o755) throws -> String {
        let path = root + "/bin/" + name
        let text = """
            #!/bin/sh
            for note; do :; done
            printf '%s\\n' "$@" > "$LOG/argv"
            stat -c %a "$note" > "$LOG/mode"
            stat -c %a "$(dirname "$note")" > "$LOG/dirmode"
            printf '%s' "$note" > "$LOG/path"
            \(body)

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func environment(_ extra: [String: String]) -> [String: String] {
        ["PATH": root + "/bin:/usr/bin:/bin", "TMPDIR": temporary, "LOG": log].merging(extra) { $1 }
    }

    func logged(_ name: String) -> String? {
        try? String(contentsOfFile: log + "/" + name, encoding: .utf8)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    var temporaryEntries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

// Serialized: each edit ignores SIGINT/SIGQUIT in this process while the editor runs.
@Suite("External editor", .serialized)
struct ExternalEditorTests {
    @Test func returnsWhatTheEditorSavedAndCleansUp() throws {
        let sandbox = try EditorSandbox()
        defer { sandbox.remove() }
        let editor = try sandbox.script("fake-editor", #"printf 'added by the editor\n\n' >> "$note""#)
        let result = try ExternalEditor(environment: sandbox.environment(["EDITOR": editor])).edit("first line\n東京 👩‍👩‍👧")
        #expect(result == "first line\n東京 👩‍👩‍👧\nadded by the editor")
        let path = try #require(sandbox.logged("path"))
        #expect(path.hasPrefix(sandbox.temporary + "/gloss-"))
        #expect(path.hasSuffix(".md"))
        #expect(sandbox.logged("mode") == "600\n")
        #expect(sandbox.logged("dirmode") == "700\n")
        #expect(!sandbox.exists(path))
        #expect(sandbox.temporaryEntries.isEmpty)
    }

    @Test func editorIsFoundOnThePathAndLeftoversAreRemoved() throws {
        let sandbox = try EditorSandbox()
        defer { sandbox.remove() }
        // Like vim's swap and backup files beside the note.
        _ = try sandbox.script("my-editor", #"printf 'new' > "$note"; : > "$note.swp"; : > "$note~""#)
        let result = try ExternalEditor(environment: sandbox.environment(["EDITOR": "my-editor"])).edit("")
        #expect(result == "new")
        #expect(sandbox.logged("argv")?.hasPrefix("\(sandbox.temporary)/gloss-") == true)
        #expect(sandbox.temporaryEntries.isEmpty)
    }

    @Test func nonZeroExitDiscardsTheEdit() throws {
        let sandbox = try EditorSandbox()
        defer { sandbox.remove() }
        let editor = try sandbox.script("quit-editor", #"printf 'half done' > "$note"; exit 3"#)
        #expect(throws: ExternalEditorError.exited(command: editor, status: 3)) {
            try ExternalEditor(environment: sandbox.environment(["EDITOR": editor])).edit("note")
        }
        let description = ExternalEditorError.exited(command: "vim", status: 3).description
        #expect(description == "vim exited with status 3; the note was not changed")
        #expect(sandbox.temporaryEntries.isEmpty)
    }

    @Test func editorKilledBySignalIsReported() throws {
        let sandbox = try EditorSandbox()
        defer { sandbox.remove() }
        let editor = try sandbox.script("doomed-editor", "kill -9 $$")
        #expect(throws: ExternalEditorError.killed(command: editor, signal: 9)) {
            try ExternalEditor(environment: sandbox.environment(["EDITOR": editor])).edit("note")
        }
        #expect(sandbox.temporaryEntries.isEmpty)
    }

    @Test func editorVariableIsSplitIntoArguments() throws {
        let sandbox = try EditorSandbox()
        defer { sandbox.remove() }
        let editor = try sandbox.script("fake-editor", "")
        let external = ExternalEditor(environment: sandbox.environment(["EDITOR": " \(editor) --flag  two\twords "]))
        #expect(external.command == [editor, "--flag", "two", "words"])
        #expect(try external.edit("unchanged\n\n") == "unchanged")
        let argv = try #require(sandbox.logged("argv")).split(separator: "\n").map(String.init)
        #expect(argv.count == 4)
        #expect(Array(argv.prefix(3)) == ["--flag", "two", "words"])
        #expect(argv.last == sandbox.logged("path"))
    }

    @Test func shellSyntaxInTheVariableRunsNothing() throws {
        let sandbox = try EditorSandbox()
        defer { sandbox.remove() }
        let editor = try sandbox.script("fake-editor", "")
        let pwned = sandbox.root + "/pwned"
        let attempts = [
            "\(editor) ; touch \(pwned)",
            "\(editor) $(touch \(pwned))",
            "\(editor) `touch \(pwned)`",
            "\(editor) && touch \(pwned)",
            "\(editor) | touch \(pwned)",
        ]
        for value in attempts {
            _ = try ExternalEditor(environment: sandbox.environment(["EDITOR": value])).edit("x")
            #expect(!sandbox.exists(pwned), "\(value)")
        }
        // The words reach the editor literally.
        let argv = try #require(sandbox.logged("argv")).split(separator: "\n").map(String.init)
        #expect(Array(argv.prefix(3)) == ["|", "touch", pwned])

        // Glued to the program name, the syntax makes a name that does not exist.
        #expect(throws: ExternalEditorError.notFound(command: "\(editor);touch")) {
            try ExternalEditor(environment: sandbox.environment(["EDITOR": "\(editor);touch \(pwned)"])).edit("x")
        }
        #expect(!sandbox.exists(pwned))
    }

    @Test func visualIsPreferredOverEditorAndViIsTheFallback() throws {
        let sandbox = try EditorSandbox()
        defer { sandbox.remove() }
        let visual = try sandbox.script("visual-editor", #"printf 'visual' > "$note""#)
        let plain = try sandbox.script("plain-editor", #"printf 'editor' > "$note""#)
        let both = sandbox.environment(["VISUAL": visual, "EDITOR": plain])
        #expect(try ExternalEditor(environment: both).edit("") == "visual")
        let blankVisual = sandbox.environment(["VISUAL": "  ", "EDITOR": plain])
        #expect(try ExternalEditor(environment: blankVisual).edit("") == "editor")
        #expect(ExternalEditor(environment: [:]).command == ["vi"])
        #expect(ExternalEditor(environment: ["EDITOR": ""]).command == ["vi"])
    }

    @Test func missingOrUnrunnableEditorsGiveClearErrors() throws {
        let sandbox = try EditorSandbox()
        defer { sandbox.remove() }
        let onPath = ExternalEditor(environment: sandbox.environment(["EDITOR": "no-such-editor", "PATH": sandbox.root + "/bin"]))
        #expect(throws: ExternalEditorError.notFound(command: "no-such-editor")) { try onPath.edit("x") }
        #expect(
            ExternalEditorError.notFound(command: "no-such-editor").description
                == "editor not found: no-such-editor (set $VISUAL or $EDITOR)")
        let absolute = sandbox.root + "/bin/missing"
        #expect(throws: ExternalEditorError.notFound(command: absolute)) {
            try ExternalEditor(environment: sandbox.environment(["EDITOR": absolute])).edit("x")
        }
        let notExecutable = try sandbox.script("plain-file", "", mode: 0o644)
        #expect(throws: ExternalEditorError.cannotStart(command: notExecutable, reason: "Permission denied")) {
            try ExternalEditor(environment: sandbox.environment(["EDITOR": notExecutable])).edit("x")
        }
        // Nothing was left behind by the attempts.
        #expect(sandbox.temporaryEntries.isEmpty)
    }

    @Test func invalidUTF8IsRefused() throws {
        let sandbox = try EditorSandbox()
        defer { sandbox.remove() }
        let editor = try sandbox.script("latin1-editor", #"printf 'caf\351\n' > "$note""#)
        #expect {
            try ExternalEditor(environment: sandbox.environment(["EDITOR": editor])).edit("x")
        } throws: { error in
            guard case .notUTF8 = error as? ExternalEditorError else { return false }
            return true
        }
        #expect(sandbox.temporaryEntries.isEmpty)
    }

    @Test func temporaryDirectoryComesFromAnAbsoluteTMPDIR() {
        #expect(ExternalEditor(environment: ["TMPDIR": "/var/tmp//"]).temporaryBase == "/var/tmp")
        #expect(ExternalEditor(environment: ["TMPDIR": "relative"]).temporaryBase == "/tmp")
        #expect(ExternalEditor(environment: [:]).temporaryBase == "/tmp")
    }
}
