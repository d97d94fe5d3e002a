import Foundation

/// The times of one run of a program on the pseudo-terminal, in milliseconds.
struct TerminalRun {
    /// From fork to the first complete screen.
    var ready: Double?
    /// From sending the keys to the screen they should lead to.
    var action: Double?
    /// From sending the quit key to reaping the process.
    var quit: Double?
    var maxResidentMiB: Double?
    var failure: String?
}

/// One end-to-end measurement: which program, how it is started, and what to wait for.
struct TerminalJob {
    var program: ViewerProgram
    var arguments: [String]
    /// What the run is about, for messages.
    var subject: String
    /// The private home directory the program runs in.
    var home: String
    /// gloss's data directory, whose reading position is reset after each run.
    var data: String?
    /// The first screen is complete.
    var isReady: (TerminalScreen) -> Bool
    /// Keys to send once the first screen is complete (none: just wait), and the screen they
    /// must lead to.
    var keys: String?
    var expected: ((TerminalScreen) -> Bool)?
}

extension BenchContext {
    /// Starts the program on a 120×40 pseudo-terminal, waits for its first complete screen,
    /// sends the job's keys and waits for their screen, then quits and reaps it.
    func run(_ job: TerminalJob) -> TerminalRun {
        var result = TerminalRun()
        let program = job.program
        let session: PseudoTerminalSession
        do {
            session = try PseudoTerminalSession(
                executable: program.executable, arguments: job.arguments,
                environment: environment(home: job.home), directory: job.home,
                columns: Self.columns, rows: Self.rows)
        } catch {
            result.failure = error.description
            return result
        }
        defer {
            if let data = job.data { forgetReadingPosition(data: data) }
        }
        guard let readyAt = session.waitUntil(timeout: timeout, job.isReady) else {
            return abandon(session, &result, "\(program.name) showed no complete first screen of \(job.subject)")
        }
        result.ready = (readyAt - session.started).milliseconds
        show(session.screen, "\(program.name): first screen")
        if let expected = job.expected {
            let keys = job.keys ?? ""
            let sent = ContinuousClock.now
            if !keys.isEmpty { session.send(keys) }
            guard let doneAt = session.waitUntil(timeout: timeout, expected) else {
                return abandon(session, &result, "\(program.name) did not reach the expected screen after \(visible(keys))")
            }
            result.action = (doneAt - sent).milliseconds
            show(session.screen, "\(program.name): after \(visible(keys))")
        }
        let quitSent = ContinuousClock.now
        session.send(program.quitKeys)
        let reaped = session.finish(timeout: timeout)
        guard let exit = session.exit, !exit.wasKilled else {
            result.failure = "\(program.name) did not quit within \(options.timeoutSeconds) s"
            return result
        }
        result.quit = (reaped - quitSent).milliseconds
        result.maxResidentMiB = exit.maxResidentMiB
        return result
    }

    private func abandon(_ session: PseudoTerminalSession, _ result: inout TerminalRun, _ failure: String) -> TerminalRun {
        show(session.screen, "screen when giving up", force: true)
        let ended = session.hasClosedTerminal
        session.finish(timeout: .zero)
        let status = session.exit.map { " (exit status \($0.status >> 8))" } ?? ""
        result.failure = failure + (ended ? " before it ended\(status)" : " within \(options.timeoutSeconds) s")
        return result
    }

    /// gloss saves the reading position on quit; the next run must start at the top again.
    private func forgetReadingPosition(data: String) {
        for name in ["state.json", "state.json.bak"] {
            try? FileManager.default.removeItem(atPath: data + "/" + name)
        }
    }

    func show(_ screen: TerminalScreen, _ title: String, force: Bool = false) {
        guard options.verbose || force else { return }
        let rule = String(repeating: "─", count: screen.width)
        let body = screen.rows.map { "│" + $0 }.joined(separator: "\n")
        progress("\(title)\n\(rule)\n\(body)\n\(rule)")
    }

    private func visible(_ keys: String) -> String {
        keys.replacingOccurrences(of: "\r", with: "<CR>")
    }
}
