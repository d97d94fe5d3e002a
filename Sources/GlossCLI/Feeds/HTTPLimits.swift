/// How long, how large and how far a download may go.
struct HTTPLimits: Sendable, Equatable {
    /// Seconds for the whole request, from connecting to the last byte.
    var timeout: Double = 20
    /// Bytes of body accepted; a larger response is abandoned.
    var maxBytes: Int = 10 << 20
    /// Redirects followed before giving up.
    var maxRedirects: Int = 5

    static let standard = HTTPLimits()
}

/// A finished download: the body and the validators for the next conditional request.
struct HTTPResponse: Sendable, Equatable {
    /// Where the body came from, after redirects.
    var finalURL: String
    var status: Int
    var body: [UInt8]
    var contentType: String?
    var etag: String?
    var lastModified: String?
}

/// The outcome of a conditional download.
enum HTTPOutcome: Sendable, Equatable {
    case fetched(HTTPResponse)
    /// 304: the copy from the last fetch is still current.
    case notModified
}
