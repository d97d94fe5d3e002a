import Foundation
import Glibc
import GlossCore
import Testing

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init(mode: mode_t = 0o700) throws {
        let template = NSTemporaryDirectory() + "gloss-storage-tests-XXXXXX"
        var bytes = Array(template.utf8CString)
        let made = bytes.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        path = try #require(made)
        chmod(path, mode)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() {
        // Tests may leave read-only directories behind; open them up first.
        _ = try? FileManager.default.subpathsOfDirectory(atPath: path).forEach { chmod(path + "/" + $0, 0o700) }
        try? FileManager.default.removeItem(atPath: path)
    }
}

func readBytes(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { Array($0) }
}

func writeBytes(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func writeText(_ text: String, to path: String) throws {
    try writeBytes(Array(text.utf8), to: path)
}

/// The JSON object in the file at `path`.
func jsonObject(at path: String) throws -> [String: Any] {
    let bytes = try #require(readBytes(path))
    return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
}

enum JSONSerializationBridge {
    static func data(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object)
    }
}

func mode(of path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o7777
}

func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}

func directoryNames(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

/// A small article used by store tests, with helpers to annotate it.
struct SampleArticle {
    let text: ArticleText
    let identity: ArticleIdentity

    init(path: String = "world/climate.md", blocks: [String] = SampleArticle.defaultBlocks) {
        text = ArticleText(blockTexts: blocks)
        identity = ArticleIdentity(
            path: path, title: "Climate", fingerprint: ArticleFingerprint.sha256(of: text.text))
    }

    static let defaultBlocks = [
        "Heat records fell across the continent this summer.",
        "Scientists say the trend will continue for decades.",
        "Cities are planting trees to cool their streets.",
    ]

    func annotation(
        id: String = UUID().uuidString, block: Int = 0, start: Int = 0, length: Int = 4,
        note: String = "", at millis: Int64 = 1_700_000_000_000
    ) throws -> Annotation {
        let blockStart = try #require(text.articleOffset(block: block, offset: start))
        let anchor = try #require(AnnotationAnchor(range: blockStart..<(blockStart + length), in: text))
        return Annotation(
            id: id, created: Timestamp(millisecondsSince1970: millis), note: note, anchor: anchor)
    }
}

/// Where the `gloss-drill` executable is, building it when it is missing.
enum Drill {
    static let path: String? = locate()

    private static func locate() -> String? {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        var candidates: [String] = []
        // Next to the test bundle (e.g. .build/x86_64-unknown-linux-gnu/debug/).
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent().path {
            candidates.append(bundle + "/gloss-drill")
        }
        let arguments0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
        candidates.append(arguments0 + "/gloss-drill")
        candidates.append(packageRoot + "/.build/debug/gloss-drill")
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return found
        }
        // Not built yet (e.g. `swift test` without a prior `swift build`): build it once.
        let build = Process()
        build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        build.arguments = ["swift", "build", "--product", "gloss-drill", "--package-path", packageRoot]
        build.standardOutput = FileHandle.nullDevice
        build.standardError = FileHandle.nullDevice
        guard (try? build.run()) != nil else { return nil }
        build.waitUntilExit()
        return candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    }

    /// The drill's path, or a recorded failure explaining how to get it.
    static func require() throws -> String {
        guard let path else {
            Issue.record("gloss-drill is not built and `swift build --product gloss-drill` failed; run `swift build` first")
            throw DrillMissing()
        }
        return path
    }

    struct DrillMissing: Error {}
}

/// A running `gloss-drill` process whose output lines can be read as they come.
final class DrillProcess {
    let process = Process()
    private let output = Pipe()
    private var buffer: [UInt8] = []
    private(set) var lines: [String] = []
    private var ended = false

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: try Drill.require())
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Reads until `count` lines have arrived or the output ends; returns whether they did.
    @discardableResult
    func waitForLines(_ count: Int) -> Bool {
        while lines.count < count && !ended { readChunk() }
        return lines.count >= count
    }

    /// Waits for the process to end and reads all its output.
    func finish() -> [String] {
        while !ended { readChunk() }
        process.waitUntilExit()
        return lines
    }

    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
    }

    private func readChunk() {
        let data = output.fileHandleForReading.availableData
        if data.isEmpty {
            ended = true
            if !buffer.isEmpty { lines.append(String(decoding: buffer, as: UTF8.self)) }
            buffer = []
            return
        }
        buffer.append(contentsOf: data)
        while let newline = buffer.firstIndex(of: 0x0A) {
            lines.append(String(decoding: buffer[..<newline], as: UTF8.self))
            buffer.removeSubrange(...newline)
        }
    }
}
