import Glibc

/// Starts the editor with `posix_spawn` on the inherited terminal and waits for it, the way
/// `system(3)` does but without a shell in between.
enum ExternalEditorProcess {
    /// How the editor ended.
    enum Termination: Equatable {
        case exited(status: Int32)
        case killed(signal: Int32)
    }

    /// Signals the editor starts with default handling, whatever Gloss does with them.
    static let signalsReset = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD]

    /// Why a program could not be started: an `errno` value.
    struct SpawnFailure: Error {
        var code: Int32
        var reason: String { String(cString: strerror(code)) }
    }

    /// Starts `executable` with `arguments` (argv, its first element included) and `environment`,
    /// signals reset to their defaults and none blocked. `fileActions` rearranges its descriptors;
    /// `newSession` starts it in a session of its own (no terminal signals reach it).
    static func spawn(
        _ executable: String, arguments: [String], environment: [String: String],
        fileActions: UnsafePointer<posix_spawn_file_actions_t>? = nil, newSession: Bool = false
    ) -> Result<pid_t, SpawnFailure> {
        let argv = arguments.map { strdup($0) }
        let envp = environment.sorted { $0.key < $1.key }
            .filter { !$0.key.isEmpty && !$0.key.contains("=") }
            .map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        guard !argv.contains(nil), !envp.contains(nil) else { return .failure(SpawnFailure(code: ENOMEM)) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in signalsReset { sigaddset(&defaults, number) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        // POSIX_SPAWN_SETSID (glibc 2.26) is not imported into Swift.
        let setSession: Int32 = newSession ? 0x80 : 0
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | setSession))

        var pid = pid_t()
        var spawned = EINVAL
        // ETXTBSY: a script just written is briefly still open for writing in a child another
        // thread forked meanwhile; it passes within milliseconds, so try a few times.
        for attempt in 0..<20 {
            spawned = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
                (envp + [nil]).withUnsafeBufferPointer { envpBuffer in
                    guard let argvBase = argvBuffer.baseAddress, let envpBase = envpBuffer.baseAddress else { return EINVAL }
                    return posix_spawn(&pid, executable, fileActions, &attributes, argvBase, envpBase)
                }
            }
            guard spawned == ETXTBSY, attempt < 19 else { break }
            usleep(10_000)
        }
        return spawned == 0 ? .success(pid) : .failure(SpawnFailure(code: spawned))
    }

    /// Runs `executable` with `arguments` (argv, its first element included) and `environment`.
    static func run(
        _ executable: String, arguments: [String], environment: [String: String]
    ) throws(ExternalEditorError) -> Termination {
        let name = arguments.first ?? executable
        // Ctrl-C or Ctrl-\ typed in the editor reach the whole foreground group; like system(3),
        // Gloss ignores them until the editor is done, and they stay the editor's business.
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }
        let pid: pid_t
        switch spawn(executable, arguments: arguments, environment: environment) {
        case .success(let started): pid = started
        case .failure(let failure):
            if failure.code == ENOENT { throw .notFound(command: name) }
            throw .cannotStart(command: name, reason: failure.reason)
        }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else {
                throw .lostTrack(command: name, reason: String(cString: strerror(errno)))
            }
        }
        // WIFEXITED and friends are macros that Swift does not import.
        let signalNumber = status & 0x7F
        return signalNumber == 0 ? .exited(status: (status >> 8) & 0xFF) : .killed(signal: signalNumber)
    }
}
