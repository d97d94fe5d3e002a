/// Why a download failed, in words a user can act on.
enum FetchError: Error, CustomStringConvertible, Equatable {
    case invalidURL(String)
    case unsupportedScheme(String)
    case timedOut(seconds: Double)
    case httpStatus(Int)
    case tooManyRedirects(limit: Int)
    case redirectLoop(String)
    case tooLarge(limit: Int)
    case network(String)
    /// libcurl, which downloads are made with, could not be loaded.
    case curlUnavailable(String)

    var description: String {
        switch self {
        case .invalidURL(let url): return "not a valid URL: \(url)"
        case .unsupportedScheme(let url): return "only http and https URLs are accepted: \(url)"
        case .timedOut(let seconds): return "timed out after \(Self.seconds(seconds))"
        case .httpStatus(let status): return "the server answered HTTP \(status)\(Self.meaning(status))"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .redirectLoop(let url): return "redirect loop at \(url)"
        case .tooLarge(let limit): return "response larger than the \(Self.size(limit)) limit"
        case .network(let reason): return "network error: \(reason)"
        case .curlUnavailable(let reason):
            return "fetching needs libcurl (Debian package libcurl4), which could not be loaded: \(reason)"
        }
    }

    private static func meaning(_ status: Int) -> String {
        switch status {
        case 401, 403: return " (access denied)"
        case 404: return " (not found)"
        case 410: return " (gone)"
        case 429: return " (too many requests)"
        case 500...599: return " (server error)"
        default: return ""
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
