import Foundation
import Testing
@testable import GlossTUI

@Suite struct ConfigPathTests {
    func resolve(explicit: String? = nil, _ environment: [String: String], existing: Set<String>) throws(ConfigError) -> String? {
        try ConfigLoader.resolvePath(explicit: explicit, environment: environment, fileExists: { existing.contains($0) })
    }

    let everything: Set<String> = ["/cli.toml", "/env.toml", "/xdg/gloss/config.toml", "/home/ann/.config/gloss/config.toml"]
    let environment = ["GLOSS_CONFIG": "/env.toml", "XDG_CONFIG_HOME": "/xdg", "HOME": "/home/ann"]

    @Test func explicitFileComesFirst() throws {
        #expect(try resolve(explicit: "/cli.toml", environment, existing: everything) == "/cli.toml")
    }

    @Test func thenGlossConfig() throws {
        #expect(try resolve(environment, existing: everything) == "/env.toml")
    }

    @Test func thenXDGConfigHome() throws {
        var environment = environment
        environment["GLOSS_CONFIG"] = nil
        #expect(try resolve(environment, existing: everything) == "/xdg/gloss/config.toml")
        environment["GLOSS_CONFIG"] = ""
        #expect(try resolve(environment, existing: everything) == "/xdg/gloss/config.toml")
    }

    @Test func thenHomeConfig() throws {
        let environment = ["HOME": "/home/ann"]
        #expect(try resolve(environment, existing: everything) == "/home/ann/.config/gloss/config.toml")
        // A relative XDG_CONFIG_HOME is ignored, as the XDG spec asks.
        #expect(try resolve(["HOME": "/home/ann", "XDG_CONFIG_HOME": "rel"], existing: everything) == "/home/ann/.config/gloss/config.toml")
    }

    @Test func missingImplicitFileMeansDefaults() throws {
        var environment = environment
        environment["GLOSS_CONFIG"] = nil
        #expect(try resolve(environment, existing: []) == nil)
        #expect(try resolve(environment, existing: ["/home/ann/.config/gloss/config.toml"]) == nil)
        #expect(try resolve([:], existing: everything) == nil)
    }

    @Test func missingExplicitFileIsAnError() {
        #expect(throws: ConfigError.fileNotFound(path: "/nope.toml", namedBy: "--config")) {
            try resolve(explicit: "/nope.toml", environment, existing: everything)
        }
        #expect(throws: ConfigError.fileNotFound(path: "/gone.toml", namedBy: "$GLOSS_CONFIG")) {
            try resolve(["GLOSS_CONFIG": "/gone.toml", "HOME": "/home/ann"], existing: everything)
        }
        #expect(ConfigError.fileNotFound(path: "/nope.toml", namedBy: "--config").description
            == "/nope.toml: no such config file (named by --config)")
    }

    @Test func loadReadsTheResolvedFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config.toml")
        try "[reader]\nmeasure = 66\n".write(to: file, atomically: true, encoding: .utf8)

        let config = try ConfigLoader.load(explicit: file.path, environment: [:])
        #expect(config.reader.measure == 66)
        #expect(try ConfigLoader.load(explicit: nil, environment: ["XDG_CONFIG_HOME": folder.path]) == .defaults)

        try "[reader]\nmeasure = 6\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.invalidValue(ConfigLocation(file: file.path, line: 2), key: "reader.measure", value: "6",
                                                 expected: "between 20 and 500")) {
            try ConfigLoader.load(explicit: nil, environment: ["GLOSS_CONFIG": file.path])
        }
    }
}
