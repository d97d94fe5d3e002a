import Foundation

/// Everything measured in one run of the benchmark, printed as a table and saved as JSON.
struct BenchReport: Encodable {
    var date = ISO8601DateFormatter().string(from: Date())
    var machine = MachineInfo.current()
    var generatorVersion = ArticleGenerator.version
    var arguments = Array(CommandLine.arguments.dropFirst())
    /// The programs compared with, by name: the first line of their `--version`.
    var tools: [String: String] = [:]
    var results: [ResultRow] = []
    /// Comparisons skipped, failures and other things a reader of the numbers should know.
    var notes: [String] = []
    var failures: [String] = []

    mutating func add(_ row: ResultRow) {
        results.append(row)
        output(TableFormatter.line(row))
    }

    mutating func fail(_ scenario: Scenario, _ message: String) {
        failures.append("\(scenario.rawValue): \(message)")
        progress("FAILED \(scenario.rawValue): \(message)")
    }

    func writeJSON(to path: String) throws(BenchError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(self)
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw .failed("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
