import Foundation
import Glibc
import Testing

/// However gloss ends or pauses (quit, SIGINT, SIGTERM, SIGHUP, a failure after the screen was
/// taken over, Ctrl-Z), the terminal it hands back is in its normal mode: echo and line editing
/// on, cursor visible, normal cursor keys, and the main screen instead of the alternate one.
@Suite("Terminal restoration in tmux", .serialized)
struct TerminalRestoreEndToEndTests {
    let gloss = Package.quoted(Package.gloss)
    let articles = Package.quoted(Package.articles)
    var sample: String { Package.quoted(Package.articles + "/binance-world-liberty.txt") }

    @Test func quitRestoresTheTerminal() throws {
        let tmux = try Tmux()
        try tmux.type("\(gloss) read \(sample) --articles \(articles); echo EXIT=$?")
        try tmux.waitFor("¶ 1/")
        #expect(try tmux.paneValue("#{alternate_on}") == "1")
        try tmux.keys("Q")
        try tmux.waitFor("EXIT=0")
        try expectNormalTerminal(tmux)
    }

    @Test(arguments: [("INT", SIGINT), ("TERM", SIGTERM), ("HUP", SIGHUP)])
    func aTerminatingSignalRestoresTheTerminal(name: String, signal: Int32) throws {
        let tmux = try Tmux()
        // The quotes keep the typed line from containing the text the command prints.
        try tmux.type("\(gloss) read \(sample) --articles \(articles); echo LIST\"_\"GOES_ON=$?")
        try tmux.waitFor("¶ 1/")
        // Visual mode holds more state than the plain reader.
        try tmux.keys("v")
        try tmux.waitFor("VISUAL")
        let pid = try #require(try tmux.shellChild(), "gloss is not running under the shell")
        #expect(kill(pid, signal) == 0)
        waitUntilGone(pid)
        // gloss ends by the signal itself (after restoring the terminal), so the shell reports it as such.
        if signal == SIGINT {
            // Bash stops a command list when a job dies of SIGINT, as when Ctrl-C is pressed in a
            // script; it would go on if gloss merely exited with status 130.
            try tmux.type("echo EXIT=$?")
            let screen = try tmux.waitFor("EXIT=130")
            #expect(!screen.contains("LIST_GOES_ON="), "\(screen)")
        } else {
            try tmux.waitFor("LIST_GOES_ON=\(128 + signal)")
        }
        try expectNormalTerminal(tmux)
    }

    /// SIGTERM (a shutdown) or SIGHUP (the window closed) while a note is being typed: the
    /// terminal is restored and the typed note is saved, not lost.
    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalWhileANoteIsTypedKeepsTheNote(signal: Int32) throws {
        let tmux = try Tmux()
        try tmux.type("\(gloss) read \(sample) --articles \(articles)")
        try tmux.waitFor("¶ 1/")
        try tmux.keys("j", "a")
        try tmux.waitFor("Note · ¶ 2")
        for letter in "unsent" { try tmux.keys(String(letter)) }
        try tmux.waitFor("unsent")
        let pid = try #require(try tmux.shellChild(), "gloss is not running under the shell")
        #expect(kill(pid, signal) == 0)
        waitUntilGone(pid)
        try expectNormalTerminal(tmux)
        try tmux.type("clear; \(gloss) notes \(sample) --articles \(articles)")
        let notes = try tmux.waitFor("1 annotation in 1 article.")
        #expect(notes.contains("¶ 2"))
        #expect(notes.contains("       unsent"))
    }

    /// The article turns out to be unreadable only once the screen is taken over: the failure is
    /// thrown out of the session, printed after the terminal is restored, and the exit status is 1.
    @Test func aFailureAfterTheScreenWasTakenOverRestoresTheTerminal() throws {
        let tmux = try Tmux()
        let image = tmux.home.appendingPathComponent("image.md").path
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]).write(to: URL(fileURLWithPath: image))
        try tmux.type("\(gloss) read \(Package.quoted(image)) --articles \(articles); echo EXIT=$?")
        let screen = try tmux.waitFor("EXIT=1")
        // tmux wraps long lines: compare without line breaks.
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("gloss: \(image): binary file (NUL byte at offset 8)"), "\(screen)")
        try expectNormalTerminal(tmux)
    }

    @Test func ctrlZHandsTheTerminalBackAndFgTakesItAgain() throws {
        let tmux = try Tmux()
        try tmux.type("\(gloss) read \(sample) --articles \(articles)")
        try tmux.waitFor("¶ 1/")
        try tmux.keys("j", "j")
        try tmux.waitFor("¶ 3/")
        let pid = try #require(try tmux.shellChild(), "gloss is not running under the shell")
        try tmux.keys("C-z")
        try tmux.waitFor("Stopped")
        // While stopped, the shell has a normal terminal.
        try expectNormalTerminal(tmux)
        try tmux.type("fg")
        try tmux.waitFor("¶ 3/")
        #expect(try tmux.paneValue("#{alternate_on}") == "1")
        // Still fully working after the resume: keys move, and a second suspend works too.
        try tmux.keys("j")
        try tmux.waitFor("¶ 4/")
        try tmux.keys("C-z")
        try tmux.waitFor("Stopped")
        try tmux.type("fg")
        try tmux.waitFor("¶ 4/")
        try tmux.keys("Q")
        waitUntilGone(pid)
        // `fg` returns the status gloss exited with.
        try tmux.type("echo EXIT=$?")
        try tmux.waitFor("EXIT=0")
        try expectNormalTerminal(tmux)
    }

    /// SIGTSTP sent from outside (a script, a job-control tool), before and after a Ctrl-Z.
    @Test func anOutsideSIGTSTPHandsTheTerminalBackEvenAfterACtrlZ() throws {
        let tmux = try Tmux()
        try tmux.type("\(gloss) read \(sample) --articles \(articles)")
        try tmux.waitFor("¶ 1/")
        let pid = try #require(try tmux.shellChild(), "gloss is not running under the shell")
        for round in 0..<2 {
            if round == 1 {
                // A Ctrl-Z cycle first: it must leave the outside-signal path intact.
                try tmux.keys("C-z")
                try tmux.waitFor("Stopped")
                try tmux.type("clear; fg")
                try tmux.waitFor("¶ 2/")
            }
            try tmux.keys("j")
            try tmux.waitFor("¶ \(round + 2)/")
            #expect(kill(pid, SIGTSTP) == 0)
            try tmux.waitFor("Stopped")
            try expectNormalTerminal(tmux)
            try tmux.type("clear; fg")
            try tmux.waitFor("¶ \(round + 2)/")
        }
        try tmux.keys("Q")
        waitUntilGone(pid)
        try expectNormalTerminal(tmux)
    }

    /// Echo and canonical input on (from `stty -a` run in the pane), the cursor visible, normal
    /// cursor keys, the main screen; and the shell runs what is typed.
    private func expectNormalTerminal(_ tmux: Tmux, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try tmux.paneValue("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        #expect(try tmux.paneValue("#{cursor_flag}") == "1", sourceLocation: sourceLocation)
        #expect(try tmux.paneValue("#{keypad_cursor_flag}") == "0", sourceLocation: sourceLocation)
        try tmux.type("clear; stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e icanon -e isig -e icrnl -e opost | sort | tr '\\n' ' '; echo sum=$((40+2))")
        let screen = try tmux.waitFor("sum=42", sourceLocation: sourceLocation)
        #expect(screen.contains("echo icanon icrnl isig opost"), "\(screen)", sourceLocation: sourceLocation)
    }
}

/// Waits until the process is gone (exited and reaped by the shell), so what is typed next reaches the shell.
func waitUntilGone(_ pid: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
        if kill(pid, 0) != 0 && errno == ESRCH { return }
        Thread.sleep(forTimeInterval: 0.02)
    }
    Issue.record("process \(pid) did not end", sourceLocation: sourceLocation)
}

extension Tmux {
    /// Polls a tmux format until it has `value`.
    func waitForPaneValue(_ format: String, _ value: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(10)
        var last = ""
        while Date() < deadline {
            last = try paneValue(format)
            if last == value { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("\(format) stayed \(last), expected \(value)", sourceLocation: sourceLocation)
    }

    /// The process the pane's shell is running in the foreground (gloss), by its id.
    func shellChild() throws -> Int32? {
        let shell = try paneValue("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }
}
