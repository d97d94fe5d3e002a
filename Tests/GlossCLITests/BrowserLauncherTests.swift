import Foundation
import Testing

@testable import GlossCLI

/// The browser launcher against stand-in browsers: scripts that record the arguments they got.
@Suite struct BrowserLauncherTests {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/gloss-browser-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
        try script("recorder", "printf '%s\\n' \"$@\" > \"$LOG.tmp\" && mv \"$LOG.tmp\" \"$LOG\"")
    }

    @discardableResult
    func script(_ name: String, _ body: String) throws -> String {
        let path = root + "/bin/" + name
        try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["PATH": root + "/bin:/usr/bin:/bin", "LOG": root + "/argv"].merging(extra) { $1 }
    }

    /// The arguments the recorder was started with, once it has written them.
    func recorded() throws -> [String] {
        for _ in 0..<500 {
            if let text = try? String(contentsOfFile: root + "/argv", encoding: .utf8) {
                return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            }
            usleep(10_000)
        }
        Issue.record("the browser was not started")
        return []
    }

    var recorderRan: Bool { FileManager.default.fileExists(atPath: root + "/argv") }

    @Test func theConfiguredBrowserGetsTheURLAsOneArgument() throws {
        // A URL that a shell would run something from: here it is one plain argument.
        let shellish = "https://example.com/a;$(touch${IFS}x)?q='x'&r=`id`"
        let launcher = BrowserLauncher(configured: "recorder --new-tab %u --flag", environment: environment())
        #expect(launcher.open(shellish, inTerminal: false) == nil)
        #expect(try recorded() == ["--new-tab", shellish, "--flag"])
    }

    @Test func withoutPlaceholderTheURLIsAppended() throws {
        let launcher = BrowserLauncher(configured: "recorder 'two words'", environment: environment())
        #expect(launcher.open("https://example.com/", inTerminal: true) == nil)
        #expect(try recorded() == ["two words", "https://example.com/"])
    }

    @Test func browserEnvironmentVariableFirstEntryIsUsed() throws {
        let launcher = BrowserLauncher(configured: nil, environment: environment(["BROWSER": "recorder %s:firefox"]))
        #expect(launcher.open("mailto:jo@example.com", inTerminal: false) == nil)
        #expect(try recorded() == ["mailto:jo@example.com"])
        #expect((try? BrowserLauncher(configured: nil, environment: [:]).command(for: "https://x.org")) == ["xdg-open", "https://x.org"])
    }

    @Test func refusedSchemesNeverReachTheBrowser() throws {
        let launcher = BrowserLauncher(configured: "recorder %u", environment: environment())
        for url in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "-remote http://x.org",
                    "https://x.org/\u{1B}]0;x\u{07}", "https://x.org/a\nb", "relative.html"] {
            let failure = launcher.open(url, inTerminal: false)
            #expect(failure?.hasPrefix("refused to open") == true, "\(url)")
            #expect(failure?.contains("\u{1B}") == false)
        }
        usleep(100_000)
        #expect(!recorderRan)
    }

    @Test func aBrowserThatCannotStartIsAClearError() throws {
        let missing = BrowserLauncher(configured: "no-such-browser-gloss %u", environment: environment())
        let failure = try #require(missing.open("https://x.org", inTerminal: false))
        #expect(failure.contains("could not start the browser \"no-such-browser-gloss\""))
        try script("failing", "exit 3")
        let failing = BrowserLauncher(configured: "failing", environment: environment())
        #expect(failing.open("https://x.org", inTerminal: true) == "the browser \"failing\" exited with status 3")
    }

    @Test func commandLinesSplitLikeAShellWithoutRunningOne() {
        #expect(BrowserLauncher.words("firefox  --new-tab 'a b' \"c d\" e") == ["firefox", "--new-tab", "a b", "c d", "e"])
        #expect(BrowserLauncher.words("  ") == [])
    }
}
