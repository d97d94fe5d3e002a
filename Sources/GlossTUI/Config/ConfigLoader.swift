#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TOMLKit

/// Finds, reads and checks `config.toml`. Parsing and path lookup are pure; only `load` touches the disk.
public enum ConfigLoader {
    /// The configuration `text` describes, on top of `base` (normally the built-in defaults).
    /// `file` is the name used in error messages.
    public static func parse(_ text: String, file: String, base: GlossConfig = .defaults) throws(ConfigError) -> GlossConfig {
        // What the TOML parser would abort, recurse or spend quadratic memory on, and NUL bytes.
        if let problem = TOMLPreflight.firstProblem(in: text) {
            throw .syntax(ConfigLocation(file: file, line: problem.line), column: problem.column, message: problem.message)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(ConfigLocation(file: file, line: error.source.begin.line),
                          column: error.source.begin.column, message: error.description)
        } catch {
            throw .syntax(ConfigLocation(file: file, line: nil), column: nil, message: String(describing: error))
        }
        let root = ConfigSection(table: table, path: [], file: file, lines: TOMLKeyLines(text: text))
        return try ConfigDecoder(root: root).decode(onto: base)
    }

    /// The config file to read, in this order: `explicit` (from `--config`), `$GLOSS_CONFIG`,
    /// `$XDG_CONFIG_HOME/gloss/config.toml` (or `$HOME/.config/gloss/config.toml`).
    /// Returns nil when only the implicit location was tried and it does not exist: the built-in
    /// defaults apply. A file named explicitly or by `$GLOSS_CONFIG` must exist.
    public static func resolvePath(
        explicit: String?,
        environment: [String: String],
        fileExists: (String) -> Bool
    ) throws(ConfigError) -> String? {
        if let explicit {
            guard fileExists(explicit) else { throw .fileNotFound(path: explicit, namedBy: "--config") }
            return explicit
        }
        if let named = environment["GLOSS_CONFIG"], !named.isEmpty {
            guard fileExists(named) else { throw .fileNotFound(path: named, namedBy: "$GLOSS_CONFIG") }
            return named
        }
        guard let configHome = configHome(environment) else { return nil }
        let path = configHome + "/gloss/config.toml"
        return fileExists(path) ? path : nil
    }

    /// Resolves, reads and parses the config file, or returns the defaults when there is none.
    public static func load(explicit: String?, environment: [String: String]) throws(ConfigError) -> GlossConfig {
        let manager = FileManager.default
        let found = try resolvePath(explicit: explicit, environment: environment) { manager.fileExists(atPath: $0) }
        guard let path = found else { return .defaults }
        guard let data = manager.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .unreadable(path: path, reason: "not valid UTF-8")
        }
        return try parse(text, file: path)
    }

    /// `$XDG_CONFIG_HOME`, or `$HOME/.config`; relative values are ignored, as the XDG spec asks.
    private static func configHome(_ environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home + "/.config"
        }
        return nil
    }
}
