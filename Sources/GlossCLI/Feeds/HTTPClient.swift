import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads one URL with the limits of `HTTPLimits`: only http and https, a deadline for the
/// whole request, a body size cap, a redirect limit with loop detection, and conditional
/// requests (`If-None-Match`, `If-Modified-Since`). Blocks the calling thread until done, so it
/// is called from worker threads, never from the TUI's run loop.
struct HTTPClient: Sendable {
    var limits: HTTPLimits = .standard
    static let userAgent = "Gloss/0.1 (terminal news reader)"

    /// Checks that `text` is an absolute http or https URL.
    static func validated(_ text: String) throws(FetchError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { throw .invalidURL(text) }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(text) }
        guard let host = url.host, !host.isEmpty else { throw .invalidURL(text) }
        return url
    }

    func get(_ text: String, etag: String? = nil, lastModified: String? = nil, accept: String = "*/*") throws(FetchError) -> HTTPOutcome {
        let url = try Self.validated(text)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: limits.timeout)
        request.setValue(Self.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue(accept, forHTTPHeaderField: "Accept")
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }

        let transfer = HTTPTransfer(limits: limits, start: url)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = limits.timeout
        configuration.timeoutIntervalForResource = limits.timeout
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        let task = session.dataTask(with: request)
        task.resume()
        let finished = transfer.wait(seconds: limits.timeout)
        if !finished {
            transfer.fail(.timedOut(seconds: limits.timeout))
            task.cancel()
        }
        session.finishTasksAndInvalidate()
        return try transfer.result().get()
    }
}

/// The state of one download, filled in by URLSession's delegate callbacks on its own queue.
final class HTTPTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let limits: HTTPLimits
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var body: [UInt8] = []
    private var response: HTTPURLResponse?
    private var failure: FetchError?
    private var visited: Set<String>
    private var redirects = 0
    private var isFinished = false

    init(limits: HTTPLimits, start: URL) {
        self.limits = limits
        self.visited = [start.absoluteString]
    }

    /// Waits for the transfer to end; false when the deadline passed first.
    func wait(seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }

    /// Records the first failure; later ones (the cancellation it causes) are ignored.
    func fail(_ error: FetchError) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }

    func result() -> Result<HTTPOutcome, FetchError> {
        lock.lock()
        defer { lock.unlock() }
        if let failure { return .failure(failure) }
        guard let response else { return .failure(.network("no response")) }
        let status = response.statusCode
        if status == 304 { return .success(.notModified) }
        guard (200..<300).contains(status) else { return .failure(.httpStatus(status)) }
        return .success(.fetched(HTTPResponse(
            finalURL: response.url?.absoluteString ?? "", status: status, body: body,
            contentType: response.value(forHTTPHeaderField: "Content-Type"),
            etag: response.value(forHTTPHeaderField: "ETag"),
            lastModified: response.value(forHTTPHeaderField: "Last-Modified"))))
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let target = request.url?.absoluteString ?? ""
        let scheme = request.url?.scheme?.lowercased() ?? ""
        lock.lock()
        redirects += 1
        var problem: FetchError?
        if scheme != "http" && scheme != "https" {
            problem = .unsupportedScheme(target)
        } else if visited.contains(target) {
            problem = .redirectLoop(target)
        } else if redirects > limits.maxRedirects {
            problem = .tooManyRedirects(limit: limits.maxRedirects)
        }
        visited.insert(target)
        if let problem, failure == nil { failure = problem }
        lock.unlock()
        if problem != nil {
            completionHandler(nil)
            task.cancel()
        } else {
            completionHandler(request)
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        lock.lock()
        self.response = http
        let announced = response.expectedContentLength
        let tooLarge = announced > Int64(limits.maxBytes)
        if tooLarge, failure == nil { failure = .tooLarge(limit: limits.maxBytes) }
        lock.unlock()
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        body.append(contentsOf: data)
        let tooLarge = body.count > limits.maxBytes
        if tooLarge {
            if failure == nil { failure = .tooLarge(limit: limits.maxBytes) }
            body = []
        }
        lock.unlock()
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.lock()
        if response == nil, let http = task.response as? HTTPURLResponse { response = http }
        if let error, failure == nil {
            let nsError = error as NSError
            if nsError.code == NSURLErrorTimedOut {
                failure = .timedOut(seconds: limits.timeout)
            } else if nsError.code == NSURLErrorHTTPTooManyRedirects {
                failure = .tooManyRedirects(limit: limits.maxRedirects)
            } else {
                failure = .network(nsError.localizedDescription)
            }
        }
        let first = !isFinished
        isFinished = true
        lock.unlock()
        if first { done.signal() }
    }
}
