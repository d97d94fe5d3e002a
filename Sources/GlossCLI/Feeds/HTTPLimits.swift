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
