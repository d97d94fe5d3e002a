import Glibc

/// A program running on a pseudo-terminal of a fixed size, with a model of what its screen
/// shows. Times are taken with the monotonic clock from just before `forkpty`.
final class PseudoTerminalSession {
    /// How the program ended: its wait status and peak memory.
    struct Exit {
        var status: Int32
        var maxResidentMiB: Double
        var wasKilled: Bool
    }

    let pid: pid_t
    let started: ContinuousClock.Instant
    private(set) var screen: TerminalScreen
    private(set) var exit: Exit?
    private let master: Int32
    private var isOpen = true

    /// True once the program closed the terminal (it exited, or is about to).
    var hasClosedTerminal: Bool { !isOpen }

    /// Starts `executable` with `arguments` on a new pseudo-terminal of `columns` × `rows`.
    /// `environment` replaces the benchmark's own environment entirely.
    init(
        executable: String, arguments: [String], environment: [String: String], directory: String,
        columns: Int, rows: Int
    ) throws(BenchError) {
        // Everything the child needs is allocated before the fork: after it, only exec is safe.
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let path = strdup(executable)
        let workingDirectory = strdup(directory)
        defer {
            for pointer in argv + envp { free(pointer) }
            free(path)
            free(workingDirectory)
        }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var masterDescriptor: Int32 = -1
        let clock = ContinuousClock()
        started = clock.now
        let child = forkpty(&masterDescriptor, nil, nil, &size)
        if child == 0 {
            if let workingDirectory { _ = chdir(workingDirectory) }
            if let path { execve(path, argv, envp) }
            _exit(127)
        }
        guard child > 0 else { throw .failed("forkpty failed: \(String(cString: strerror(errno)))") }
        pid = child
        master = masterDescriptor
        screen = TerminalScreen(width: columns, height: rows)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exit == nil { kill(pid, SIGKILL) }
        _ = reap(blocking: exit == nil)
        if isOpen { close(master) }
    }

    /// Reads output until `condition` holds for the screen; returns the moment the output that
    /// made it hold was read, or nil when `timeout` passed or the program ended first.
    func waitUntil(timeout: Duration, _ condition: (TerminalScreen) -> Bool) -> ContinuousClock.Instant? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var checkedRevision = -1
        while true {
            if screen.revision != checkedRevision {
                checkedRevision = screen.revision
                if condition(screen) { return clock.now }
            }
            let remaining = deadline - clock.now
            guard remaining > .zero, isOpen else { return nil }
            guard readAvailable(waitingAtMost: remaining) else { return nil }
        }
    }

    /// Writes `text` to the program's input as if typed.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(master, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if errno == EAGAIN || errno == EINTR {
                _ = readAvailable(waitingAtMost: .milliseconds(1))
            } else {
                return
            }
        }
    }

    /// Waits for the program to end, reading its output meanwhile; kills it after `timeout`.
    /// Returns the moment it was reaped.
    @discardableResult
    func finish(timeout: Duration) -> ContinuousClock.Instant {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while exit == nil {
            if reap(blocking: false) { break }
            let remaining = deadline - clock.now
            if remaining <= .zero {
                kill(pid, SIGKILL)
                _ = reap(blocking: true)
                exit?.wasKilled = true
                break
            }
            if isOpen {
                _ = readAvailable(waitingAtMost: min(remaining, .milliseconds(2)))
            } else {
                usleep(200)
            }
        }
        return clock.now
    }

    /// Reads whatever output is ready, waiting for some at most `limit`. False at end of output.
    private func readAvailable(waitingAtMost limit: Duration) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(min(limit.milliseconds.rounded(.up), 1_000_000))
        let ready = poll(&descriptor, 1, max(0, milliseconds))
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return true }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                screen.feed(buffer[0..<count])
                if !screen.replies.isEmpty {
                    let replies = String(decoding: screen.replies, as: UTF8.self)
                    screen.replies = []
                    send(replies)
                }
                continue
            }
            if count < 0, errno == EAGAIN || errno == EINTR { return true }
            // EIO: every copy of the terminal's other side is closed, so the program has ended.
            close(master)
            isOpen = false
            return false
        }
    }

    /// Collects the exit status and resource usage; true once the program has been reaped.
    private func reap(blocking: Bool) -> Bool {
        guard exit == nil else { return true }
        var status: Int32 = 0
        var usage = rusage()
        let result = wait4(pid, &status, blocking ? 0 : WNOHANG, &usage)
        guard result == pid else { return false }
        // On Linux ru_maxrss is in kibibytes.
        exit = Exit(status: status, maxResidentMiB: Double(usage.ru_maxrss) / 1024, wasKilled: false)
        return true
    }
}
