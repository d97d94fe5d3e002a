import Foundation
import Testing

@testable import GlossCLI
import GlossTestSupport

@Suite("Path resolution")
struct PathsTests {
    let env = ["HOME": "/home/ada", "XDG_DATA_HOME": "/xdg/data"]

    @Test func flagBeatsEnvironmentBeatsConfigBeatsDefaults() {
        let exists: (String) -> Bool = { _ in true }
        var p = Paths.resolve(
            articlesFlag: "flag", dataFlag: nil, configArticles: "~/cfg", configData: nil, configExports: nil,
            environment: env.merging(["GLOSS_ARTICLES_DIR": "/env"]) { $1 }, currentDirectory: "/cwd",
            directoryExists: exists)
        #expect(p.articles == "/cwd/flag")
        p = Paths.resolve(
            articlesFlag: nil, dataFlag: nil, configArticles: "~/cfg", configData: nil, configExports: nil,
            environment: env.merging(["GLOSS_ARTICLES_DIR": "/env"]) { $1 }, currentDirectory: "/cwd",
            directoryExists: exists)
        #expect(p.articles == "/env")
        p = Paths.resolve(
            articlesFlag: nil, dataFlag: nil, configArticles: "~/cfg", configData: nil, configExports: nil,
            environment: env, currentDirectory: "/cwd", directoryExists: exists)
        #expect(p.articles == "/home/ada/cfg")
        #expect(p.data == "/xdg/data/gloss")
        #expect(p.exports == "/xdg/data/gloss/exports")
    }

    @Test func articlesDefaultToLocalFolderThenXDG() {
        let withLocal = Paths.resolve(
            articlesFlag: nil, dataFlag: nil, configArticles: nil, configData: nil, configExports: nil,
            environment: env, currentDirectory: "/cwd", directoryExists: { $0 == "/cwd/Articles" })
        #expect(withLocal.articles == "/cwd/Articles")
        let without = Paths.resolve(
            articlesFlag: nil, dataFlag: nil, configArticles: nil, configData: nil, configExports: nil,
            environment: ["HOME": "/home/ada"], currentDirectory: "/cwd", directoryExists: { _ in false })
        #expect(without.articles == "/home/ada/.local/share/gloss/articles")
        #expect(without.data == "/home/ada/.local/share/gloss")
    }
}

@Suite("The gloss binary")
struct BinaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = Self.root.appendingPathComponent(".build/debug/gloss")
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        var env = ProcessInfo.processInfo.environment
        env["GLOSS_DATA_DIR"] = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-cli-\(UUID())").path
        env["GLOSS_CONFIG"] = nil
        env["XDG_CONFIG_HOME"] = "/nonexistent"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func dumpMatchesTheGoldenFile() throws {
        let result = try run(["dump", "Articles/binance-world-liberty.txt", "--width", "60"])
        #expect(result.status == 0)
        let golden = Self.root.appendingPathComponent("Tests/GlossCLITests/Golden/binance-60.txt")
        let failure = GoldenFile.mismatch(result.out, file: golden)
        #expect(failure == nil, Comment(rawValue: failure ?? ""))
        #expect(result.out.split(separator: "\n").allSatisfy { $0.count <= 60 })
    }

    @Test func listShowsEveryShippedArticle() throws {
        let table = try run(["list"])
        #expect(table.status == 0)
        for file in ["binance-world-liberty.txt", "harbor-city-grid-battery.md", "seoul-tokyo-hearing-chips.md", "millbrook-library-levy.txt"] {
            #expect(table.out.contains(file))
        }
        let json = try run(["list", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(rows.count >= 4)
        #expect(rows.allSatisfy { $0["title"] is String && $0["words"] is Int })
    }

    @Test func badConfigExitsWithTwoAndNamesFileLineAndKey() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-cfg-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("config.toml")
        try "[reader]\nmeasure = 80\nmesure = 70\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try run(["list", "--config", file.path])
        #expect(result.status == 2)
        #expect(result.err.contains("config.toml:3"))
        #expect(result.err.contains("mesure"))
        let missing = try run(["list", "--config", dir.appendingPathComponent("nope.toml").path])
        #expect(missing.status == 2)
    }

    @Test func unknownArticleAndBadParagraphAreClearErrors() throws {
        let unknown = try run(["dump", "no-such-article.md"])
        #expect(unknown.status == 1)
        #expect(unknown.err.contains("no such article: no-such-article.md"))
        let paragraph = try run(["read", "Articles/binance-world-liberty.txt", "--paragraph", "0"])
        #expect(paragraph.status != 0)
        #expect(paragraph.err.contains("--paragraph"))
    }

    @Test func versionAndHelp() throws {
        #expect(try run(["--version"]).out.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try run(["--help"])
        for word in ["read", "list", "dump", "GLOSS_ARTICLES_DIR", "NO_COLOR"] { #expect(help.out.contains(word)) }
    }
}
