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
