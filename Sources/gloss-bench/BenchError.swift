/// Why the benchmark cannot run. A missed goal is not an error.
enum BenchError: Error, CustomStringConvertible {
    /// Bad command-line usage.
    case usage(String)
    /// Something the benchmark needs is missing or broke.
    case failed(String)

    var description: String {
        switch self {
        case .usage(let message): return "usage: \(message) (see --help)"
        case .failed(let message): return message
        }
    }
}
