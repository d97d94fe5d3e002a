import Glibc

/// A program run to completion without a terminal (`gloss fetch`, `newsboat -x reload`): its
/// output goes to a file, its wall time is taken from just before `posix_spawn` to the moment
/// it was reaped, and its peak memory comes from `wait4`.
struct ChildProcess {
    struct Outcome {
        /// From just before the spawn to the reaping, in milliseconds.
        var wallMilliseconds: Double
        var maxResidentMiB: Double
        /// The exit status, or nil when the program ended on a signal or was killed.
        var exitStatus: Int32?
        var wasKilled: Bool
    }

    var executable: String
    var arguments: [String]
    /// Replaces the benchmark's own environment entirely.
    var environment: [String: String]
    /// Where stdout and stderr go (created or truncated).
    var outputPath: String

    /// Runs the program and waits for it; kills it after `timeout`.
    func run(timeout: Duration) throws(BenchError) -> Outcome {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let clock = ContinuousClock()
        let started = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw .failed("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        let deadline = started + timeout
        var status: Int32 = 0
        var usage = rusage()
        var wasKilled = false
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw .failed("wait4 failed: \(String(cString: strerror(errno)))") }
            if clock.now >= deadline && !wasKilled {
                kill(pid, SIGKILL)
                wasKilled = true
            }
            // Polling every 0.5 ms adds at most that much to runs of about a second, on both sides.
            usleep(500)
        }
        let ended = clock.now
        // WIFEXITED / WEXITSTATUS, which Swift does not import as macros.
        let exited = status & 0x7F == 0
        return Outcome(
            wallMilliseconds: (ended - started).milliseconds,
            maxResidentMiB: Double(usage.ru_maxrss) / 1024,  // kibibytes on Linux
            exitStatus: exited && !wasKilled ? (status >> 8) & 0xFF : nil,
            wasKilled: wasKilled)
    }
}
