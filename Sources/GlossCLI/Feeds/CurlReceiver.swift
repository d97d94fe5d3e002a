/// Collects one libcurl response: libcurl's header and write callbacks reach it through the
/// context pointer, and it stops the transfer as soon as the body would pass the size cap.
/// Used by one thread at a time (the one running `curl_easy_perform`).
final class CurlReceiver {
    let maxBytes: Int
    private(set) var head = HTTPResponseHead()
    private(set) var body: [UInt8] = []
    /// Set when the transfer was stopped because of the size cap.
    private(set) var exceededLimit = false

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    /// Takes one header line; returns false to stop the transfer.
    func receiveHeader(_ bytes: UnsafeRawBufferPointer) -> Bool {
        head.add(line: String(decoding: bytes, as: UTF8.self))
        if head.status != nil, !head.isInformational, let announced = head.contentLength, announced > maxBytes {
            exceededLimit = true
            return false
        }
        return true
    }

    /// Takes a piece of the body; returns false to stop the transfer.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maxBytes else {
            exceededLimit = true
            body = []
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }
}
