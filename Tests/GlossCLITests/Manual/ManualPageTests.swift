import Foundation
import GlossTUI
import GlossTestSupport
import Testing

@testable import GlossCLI

/// `docs/gloss.1` is generated (see `ManualPage`): it must be the generator's output, mention
/// every command and every action, and render with man.
@Suite struct ManualPageTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let page = root.appendingPathComponent("docs/gloss.1")

    @Test func theCommittedPageIsTheGeneratedOne() {
        let failure = GoldenFile.mismatch(ManualPage.render(), file: Self.page)
        #expect(failure == nil, Comment(rawValue: (failure ?? "") + "\n(RECORD_GOLDEN=1 rewrites docs/gloss.1)"))
    }

    @Test func thePageMentionsEveryCommandActionFileAndVariable() {
        let text = ManualPage.render().replacingOccurrences(of: "\\-", with: "-")
        let commands = ManualPage.commands().map { $0.words.joined(separator: " ") }
        #expect(commands.contains("gloss feeds add"))
        for command in commands {
            #expect(text.contains(".SS \"\(command)\""), "no section for \(command)")
        }
        for action in Action.allCases {
            #expect(text.contains(action.rawValue + ":"), "action \(action.rawValue) is not in the man page")
        }
        for mode in Mode.allCases {
            #expect(text.contains("[keys.\(mode.rawValue)]"), "no key table for \(mode.rawValue)")
        }
        for variable in ["GLOSS_ARTICLES_DIR", "GLOSS_DATA_DIR", "GLOSS_CONFIG", "GLOSS_FEEDS", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "NO_COLOR", "EDITOR"] {
            #expect(text.contains(variable), "\(variable) is not in the man page")
        }
        for file in ["config.toml", "feeds.toml", "state.json", "annotations/", "library-cache.json"] {
            #expect(text.contains(file), "\(file) is not in the man page")
        }
    }

    @Test func thePageRendersWithMan() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["man", "-l", Self.page.path]
        process.environment = ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let rendered = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "man -l failed: \(warnings)")
        #expect(warnings.isEmpty, "man warned: \(warnings)")
        for heading in ["NAME", "SYNOPSIS", "COMMANDS", "KEYS", "FILES", "ENVIRONMENT"] {
            #expect(rendered.contains(heading), "\(heading) missing from the rendered page")
        }
        #expect(rendered.contains("gloss feeds add"))
        #expect(rendered.contains("move-down"))
    }
}
