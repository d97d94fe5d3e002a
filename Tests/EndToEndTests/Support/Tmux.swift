import Foundation
import Testing

/// A shell in a private tmux server, driven the way a person would: type keys, read the screen.
final class Tmux {
    let socket: String
    let session = "e2e"
    let home: URL

    /// Starts `bash` (no rc files, a known prompt) in a detached `width`x`height` window.
    init(width: Int = 100, height: Int = 30) throws {
        socket = "gloss-e2e-\(UUID().uuidString.prefix(8))"
        home = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let env = [
            "HOME=\(home.path)", "XDG_DATA_HOME=\(home.path)/data", "XDG_CONFIG_HOME=\(home.path)/config",
            "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=tmux-256color", "PS1=e2e$ ", "HISTFILE=/dev/null",
            "PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
        ]
        try run([
            "-u", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
            "env", "-i",
        ] + env + ["bash", "--norc", "--noprofile"], capture: false)
        try run(["-L", socket, "set-option", "-g", "status", "off"])
        _ = try waitFor("e2e$")
    }

    deinit {
        _ = try? run(["-L", socket, "kill-server"], capture: false)
        try? FileManager.default.removeItem(at: home)
    }

    /// Types literal text followed by Enter.
    func type(_ line: String) throws {
        try run(["-L", socket, "send-keys", "-t", session, "-l", line])
        try run(["-L", socket, "send-keys", "-t", session, "Enter"])
    }

    /// Sends tmux key names: "j", "Space", "C-d", "Escape", "Enter", "/".
    func keys(_ names: String...) throws {
        for name in names { try run(["-L", socket, "send-keys", "-t", session, name]) }
    }

    func resize(width: Int, height: Int) throws {
        try run(["-L", socket, "resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The visible screen as text lines.
    func screen() throws -> String {
        try run(["-L", socket, "capture-pane", "-p", "-t", session])
    }

    /// A tmux format value for the pane, e.g. `#{alternate_on}`, `#{cursor_flag}`.
    func paneValue(_ format: String) throws -> String {
        try run(["-L", socket, "display-message", "-p", "-t", session, format])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until it contains `text`; records a failure with the last screen if it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \"\(text)\"; screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Polls until the screen shows every one of `texts` at once: a frame is written in pieces,
    /// so two parts of it can be seen apart.
    @discardableResult
    func waitFor(all texts: [String], timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if texts.allSatisfy(last.contains) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(texts); screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Waits until the screen stops containing `text`.
    func waitForAbsence(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try !screen().contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("\"\(text)\" never went away", sourceLocation: sourceLocation)
    }

    /// Runs tmux; output is only captured when asked for, because `new-session` forks the
    /// server, which would hold a captured pipe open forever.
    @discardableResult
    private func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + arguments
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard capture else {
            // Foundation's Process waits for descriptors the forked tmux server inherits, so
            // server-starting commands go through system(3), which only waits for the shell.
            let line = (["tmux"] + arguments).map(Package.quoted).joined(separator: " ")
            let status = system(line + " </dev/null >/dev/null 2>&1")
            if status != 0 { throw TmuxError.failed(line, status) }
            return ""
        }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

enum TmuxError: Error {
    case failed(String, Int32)
}

/// Paths of the package under test.
enum Package {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `gloss` binary `swift build` produced (GLOSS_BIN overrides).
    static var gloss: String {
        if let bin = ProcessInfo.processInfo.environment["GLOSS_BIN"] { return bin }
        for config in ["debug", "release"] {
            let path = root.appendingPathComponent(".build/\(config)/gloss").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return root.appendingPathComponent(".build/debug/gloss").path
    }

    static var articles: String { root.appendingPathComponent("Articles").path }

    /// Quotes a path for the shell line typed into tmux.
    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
