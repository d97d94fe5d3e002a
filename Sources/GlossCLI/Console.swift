import Foundation
import Glibc
import GlossCore
import GlossStorage

/// The one way commands print. Every text goes through the terminal-safe filter (line breaks and
/// tabs stay), so no byte from an article, a feed, a server or a file name reaches the terminal
/// raw; and every write to stdout is checked, so a full disk or a closed pipe makes the command
/// fail (`finish`) instead of exiting 0 with the output cut short.
enum Console {
    /// Prints `text` on stdout.
    static func out(_ text: String) {
        state.writeOut(TerminalSafe.printable(text))
    }

    /// Prints `text` on stderr.
    static func err(_ text: String) {
        state.writeErr(TerminalSafe.printable(text))
    }

    /// Prints `gloss: <message>` as one line on stderr.
    static func message(_ message: String) {
        state.noteMessage(message)
        err("gloss: \(message)\n")
    }

    /// Sends gloss's own terminal controls (the progress line's "erase line") followed by the
    /// filtered `text` to stderr. Only for a stderr that is a terminal.
    static func control(_ sequence: String, then text: String = "") {
        state.writeErr(sequence + TerminalSafe.printable(text))
    }

    /// Ends the output: closes stdout, which reports errors some file systems only give then,
    /// and returns the exit status to use: 1 with a message on stderr when stdout could not be
    /// written, else `status`.
    static func finish(status: Int32) -> Int32 {
        reportSetAside()
        state.closeOut()
        guard let failure = state.failure else { return status }
        message("cannot write to standard output: \(failure); the output is incomplete")
        return status == 0 ? 1 : status
    }

    /// Prints what storage set aside and no message has told yet (see `SetAsideLog`).
    static func reportSetAside() {
        for message in SetAsideLog.drain() where !state.hasToldMessage(containing: message) {
            self.message(message)
        }
    }

    private static let state = ConsoleState()
}

/// The file descriptors behind `Console`, shared by the threads of a fetch.
private final class ConsoleState: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var failure: String?
    private var closed = false
    private var messages: [String] = []

    func noteMessage(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        messages.append(message)
    }

    func hasToldMessage(containing text: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return messages.contains { $0.contains(text) }
    }

    func writeOut(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        // After a failure the rest would be lost too, and a partial line is worse than none.
        guard failure == nil, !closed else { return }
        if let error = Self.write(text, to: STDOUT_FILENO) { failure = error }
    }

    func writeErr(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        // Nowhere left to complain if stderr fails.
        _ = Self.write(text, to: STDERR_FILENO)
    }

    func closeOut() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        // Keep descriptor 1 taken (by /dev/null) so that nothing opened later becomes stdout.
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        let copy = dup(STDOUT_FILENO)
        if copy >= 0 {
            if null >= 0 { dup2(null, STDOUT_FILENO) }
            if close(copy) != 0, errno != EINTR, failure == nil { failure = String(cString: strerror(errno)) }
        }
        if null >= 0 { close(null) }
    }

    /// Writes all of `text`; nil, or why not.
    private static func write(_ text: String, to fd: Int32) -> String? {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}
