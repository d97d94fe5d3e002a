import Foundation
import Glibc
import Testing

/// The built `gloss` binary, run as a child process with its own articles and data directories,
/// optionally as an ordinary user (permissions do not bind root) or under a file size limit.
enum GlossBinary {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static var path: String { root + "/.build/debug/gloss" }
    /// The user that permission drills run as when the tests run as root.
    static let nobody: UInt32 = 65534

    struct Result {
        var status: Int32
        var out: String
        var err: String
        var signaled: Bool
    }

    static func run(
        _ arguments: [String], articles: String, data: String, config: String? = nil,
        asOrdinaryUser: Bool = false, fileSizeLimitKiB: Int? = nil, umask: String? = nil,
        stdout: String? = nil, environment extra: [String: String] = [:]
    ) throws -> Result {
        var argv = [path] + arguments
        if let fileSizeLimitKiB {
            argv = ["/bin/bash", "-c", "ulimit -f \(fileSizeLimitKiB) && exec \"$0\" \"$@\""] + argv
        }
        if let umask {
            argv = ["/bin/bash", "-c", "umask \(umask) && exec \"$0\" \"$@\""] + argv
        }
        if asOrdinaryUser && getuid() == 0 {
            argv = ["/usr/bin/setpriv", "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups"] + argv
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        var environment = [
            "GLOSS_ARTICLES_DIR": articles, "GLOSS_DATA_DIR": data, "XDG_CONFIG_HOME": "/nonexistent",
            "HOME": "/nonexistent", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin",
        ]
        if let config { environment["GLOSS_CONFIG"] = config }
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        // Output goes to files, so a large output can never block the child.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-run-\(UUID())")
        FileManager.default.createFile(atPath: capture.path + ".out", contents: nil)
        FileManager.default.createFile(atPath: capture.path + ".err", contents: nil)
        defer {
            unlink(capture.path + ".out")
            unlink(capture.path + ".err")
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: capture.path + ".out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: capture.path + ".err"))
        // `stdout` names where the output goes instead (/dev/full, a file on a full disk).
        process.standardOutput = try stdout.map { try FileHandle(forWritingTo: URL(fileURLWithPath: $0)) } ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outData = FileManager.default.contents(atPath: capture.path + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: capture.path + ".err") ?? Data()
        return Result(
            status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData, as: UTF8.self), signaled: process.terminationReason == .uncaughtSignal)
    }

    /// Hands `path` and everything under it to the ordinary user, when the tests run as root.
    static func giveToOrdinaryUser(_ path: String) {
        guard getuid() == 0 else { return }
        chown(path, nobody, nobody)
        for sub in (FileManager.default.subpaths(atPath: path) ?? []) { lchown(path + "/" + sub, nobody, nobody) }
    }
}
