import Foundation

/// Downloads one URL with the limits of `HTTPLimits`: only http and https, a deadline for the
/// whole request, a body size cap, a redirect limit with loop detection, and conditional
/// requests (`If-None-Match`, `If-Modified-Since`). Blocks the calling thread until done, so it
/// is called from worker threads, never from the TUI's run loop. libcurl is loaded on the
/// first download, so commands that fetch nothing never load it.
struct HTTPClient: Sendable {
    var limits: HTTPLimits = .standard
    static let userAgent = "Gloss/0.1 (terminal news reader)"
    /// The answers whose `Location` is followed.
    static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

    /// Checks that `text` is an absolute http or https URL.
    static func validated(_ text: String) throws(FetchError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { throw .invalidURL(text) }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(text) }
        guard let host = url.host, !host.isEmpty else { throw .invalidURL(text) }
        return url
    }

    /// Resolves a redirect's `Location` against the URL that answered with it; only http and
    /// https targets are followed.
    static func redirectTarget(_ location: String, from current: URL) throws(FetchError) -> URL {
        guard let target = URL(string: location, relativeTo: current)?.absoluteURL else { throw .invalidURL(location) }
        let scheme = target.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(target.absoluteString) }
        guard let host = target.host, !host.isEmpty else { throw .invalidURL(target.absoluteString) }
        return target
    }

    /// The request header lines; the conditional ones only when there is something to compare.
    static func requestHeaders(etag: String?, lastModified: String?, accept: String) -> [String] {
        var lines = ["User-Agent: \(userAgent)", "Accept: \(singleLine(accept))"]
        if let etag { lines.append("If-None-Match: \(singleLine(etag))") }
        if let lastModified { lines.append("If-Modified-Since: \(singleLine(lastModified))") }
        return lines
    }

    func get(_ text: String, etag: String? = nil, lastModified: String? = nil, accept: String = "*/*") throws(FetchError) -> HTTPOutcome {
        var url = try Self.validated(text)
        let curl = try CurlEasy()
        try curl.setHeaders(Self.requestHeaders(etag: etag, lastModified: lastModified, accept: accept))
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int((limits.timeout * 1000).rounded()))
        var visited: Set<String> = [url.absoluteString]
        var redirects = 0
        while true {
            let left = Self.milliseconds(clock.now.duration(to: deadline))
            guard left > 0 else { throw .timedOut(seconds: limits.timeout) }
            let reply = try curl.perform(url.absoluteString, milliseconds: left, maxBytes: limits.maxBytes, timeoutSeconds: limits.timeout)
            guard Self.redirectStatuses.contains(reply.status), let location = reply.head.value("Location") else {
                return try Self.outcome(of: reply, at: url)
            }
            redirects += 1
            let target = try Self.redirectTarget(location, from: url)
            guard !visited.contains(target.absoluteString) else { throw .redirectLoop(target.absoluteString) }
            guard redirects <= limits.maxRedirects else { throw .tooManyRedirects(limit: limits.maxRedirects) }
            visited.insert(target.absoluteString)
            url = target
        }
    }

    private static func outcome(of reply: CurlEasy.Reply, at url: URL) throws(FetchError) -> HTTPOutcome {
        if reply.status == 304 { return .notModified }
        guard (200..<300).contains(reply.status) else { throw .httpStatus(reply.status) }
        return .fetched(HTTPResponse(
            finalURL: url.absoluteString, status: reply.status, body: reply.body,
            contentType: reply.head.value("Content-Type"),
            etag: reply.head.value("ETag"),
            lastModified: reply.head.value("Last-Modified")))
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// Keeps a value from ending its header line early.
    private static func singleLine(_ value: String) -> String {
        String(value.filter { !$0.isNewline })
    }
}
