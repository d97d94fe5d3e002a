import Foundation

/// Shows a fetch as it goes. On a terminal, stderr carries one line that is rewritten in
/// place (`fetching 3/12 · Ars Technica…`); each finished feed prints its line on stdout.
/// Otherwise only the plain per-feed lines are printed.
final class FetchProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private var hasStatusLine = false

    init(isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.isTerminal = isTerminal
    }

    func show(_ progress: FetchProgress) {
        lock.lock()
        defer { lock.unlock() }
        switch progress {
        case .started(let feed, _, let done, let total):
            status("fetching \(done + 1)/\(total) · \(feed.displayName)…")
        case .finished(let report, let done, let total):
            clearStatus()
            Console.out(report.line + "\n")
            if done < total { status("fetched \(done)/\(total)…") }
        }
    }

    /// Removes the progress line and prints the summary.
    func finish(_ summary: String) {
        lock.lock()
        defer { lock.unlock() }
        clearStatus()
        Console.out(summary + "\n")
    }

    private func status(_ text: String) {
        guard isTerminal else { return }
        Console.control("\r\u{1B}[2K", then: text)
        hasStatusLine = true
    }

    private func clearStatus() {
        guard isTerminal, hasStatusLine else { return }
        Console.control("\r\u{1B}[2K")
        hasStatusLine = false
    }
}
