/// Why `feeds.toml` can't be used or changed.
enum FeedsFileError: Error, CustomStringConvertible, Equatable {
    case syntax(file: String, line: Int?, message: String)
    case invalid(file: String, message: String)
    case alreadySubscribed(String)
    case notSubscribed(String)
    case noFeeds(file: String)

    var description: String {
        switch self {
        case .syntax(let file, let line, let message):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
        case .invalid(let file, let message): return "\(file): \(message)"
        case .alreadySubscribed(let url): return "already subscribed to \(url)"
        case .notSubscribed(let url): return "no feed with the URL \(url) in feeds.toml"
        case .noFeeds(let file):
            return "no feeds configured in \(file): add one with `gloss feeds add URL` (Config/feeds.toml shows the format)"
        }
    }
}
