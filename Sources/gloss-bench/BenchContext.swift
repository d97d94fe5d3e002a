import Foundation

/// Where things are for one benchmark run: the package, the programs, the articles and a
/// private scratch directory, removed at the end.
final class BenchContext {
    static let columns = 120
    static let rows = 40

    let options: BenchOptions
    let packageRoot: String
    let gloss: ViewerProgram
    let less: ViewerProgram?
    let vim: ViewerProgram?
    let corpus: ArticleCorpus
    /// Private scratch space (homes, data directories), removed by `cleanUp`.
    let scratch: String
    var report = BenchReport()
    /// Peak memory of gloss runs by description, kept for the memory scenario.
    var glossMemory: [String: [Double]] = [:]
    var preparedArticles: [String: PreparedArticle] = [:]

    init(options: BenchOptions) throws(BenchError) {
        self.options = options
        packageRoot = Self.findPackageRoot()
        // Absolute, because the programs run with their private home as working directory.
        let glossPath = options.glossPath.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
            ?? packageRoot + "/.build/release/gloss"
        if options.glossPath == nil, options.buildGloss {
            try Self.buildGloss(in: packageRoot)
        }
        guard FileManager.default.isExecutableFile(atPath: glossPath) else {
            throw .failed("no gloss binary at \(glossPath): run `swift build -c release` first, or pass --gloss PATH")
        }
        gloss = ViewerProgram(kind: .gloss, executable: glossPath)
        less = Self.which("less").map { ViewerProgram(kind: .less, executable: $0) }
        vim = Self.which("vim").map { ViewerProgram(kind: .vim, executable: $0) }
        corpus = try ArticleCorpus(directory: packageRoot + "/.build/bench-articles")
        var template = Array((NSTemporaryDirectory() + "/gloss-bench-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap(mkdtemp) }) else {
            throw .failed("cannot create a scratch directory in \(NSTemporaryDirectory())")
        }
        scratch = String(cString: made)
        for program in [less, vim].compactMap({ $0 }) {
            report.tools[program.name] = Self.firstLine(of: program.executable, ["--version"])
        }
        if less == nil { report.notes.append("less is not installed: comparisons with less are skipped.") }
        if vim == nil { report.notes.append("vim is not installed: comparisons with vim are skipped.") }
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    var timeout: Duration { .seconds(options.timeoutSeconds) }

    /// A new empty directory under the scratch directory.
    func freshDirectory(_ name: String) throws(BenchError) -> String {
        let path = scratch + "/" + name
        do {
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .failed("cannot create \(path): \(error.localizedDescription)")
        }
        return path
    }

    /// The environment every program runs in: a private home with empty XDG directories, so no
    /// user configuration, history or cache changes what is measured.
    func environment(home: String) -> [String: String] {
        for sub in [".config", ".local/share", ".local/state", ".cache"] {
            try? FileManager.default.createDirectory(atPath: home + "/" + sub, withIntermediateDirectories: true)
        }
        return [
            "HOME": home, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "XDG_CONFIG_HOME": home + "/.config", "XDG_DATA_HOME": home + "/.local/share",
            "XDG_STATE_HOME": home + "/.local/state", "XDG_CACHE_HOME": home + "/.cache",
            "LESSHISTFILE": "-", "SHELL": "/bin/sh",
        ]
    }

    /// The nearest directory holding Package.swift, from the benchmark's own binary upwards
    /// (it lives in `.build/release`), else the current directory.
    private static func findPackageRoot() -> String {
        let fm = FileManager.default
        let executable = (try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent().standardizedFileURL
        while directory.path != "/" {
            if fm.fileExists(atPath: directory.path + "/Package.swift") { return directory.path }
            directory = directory.deletingLastPathComponent()
        }
        return fm.currentDirectoryPath
    }

    /// Builds the release gloss, so the binary measured matches the sources (a no-op when current).
    private static func buildGloss(in root: String) throws(BenchError) {
        guard let swift = which("swift") else {
            progress("swift is not on PATH; measuring the existing .build/release/gloss")
            return
        }
        progress("swift build -c release --product gloss")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swift)
        process.arguments = ["build", "-c", "release", "--product", "gloss", "--static-swift-stdlib"]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.standardOutput = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw .failed("cannot run swift build: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw .failed("swift build -c release --product gloss failed") }
    }

    /// The first line `executable` prints with `arguments`, for recording versions.
    static func firstLine(of executable: String, _ arguments: [String]) -> String {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "unknown" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "unknown"
    }

    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
