import Foundation

/// What was set aside in this process: every damaged file moved to `.corrupt-*`, with its
/// path and reason, recorded the moment it is moved. Commands print these on stderr and the
/// TUI shows them on the status line, so data set aside is never silent, whichever code path
/// (a count in the library, a lookup by `gloss notes`) happened to read the file first. Each
/// move is recorded once, and a moved file is not read again, so each is told once.
public enum SetAsideLog {
    /// Takes the messages recorded since the last call, oldest first.
    public static func drain() -> [String] {
        shared.drain()
    }

    static func record(_ message: String) {
        shared.record(message)
    }

    private static let shared = SetAsideMessages()
}

private final class SetAsideMessages: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    private var recorded: Set<String> = []

    func record(_ message: String) {
        lock.lock()
        defer { lock.unlock() }
        // A file that could not be moved aside is met again by every read: tell it once.
        if recorded.insert(message).inserted { messages.append(message) }
    }

    func drain() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        defer { messages.removeAll() }
        return messages
    }
}
