import CCurlLoader

/// One libcurl easy handle, loaded on first use and reused for every hop of a redirect chain
/// so the connection can be kept. libcurl follows no redirects itself: the caller does.
final class CurlEasy {
    /// What one request brought back.
    struct Reply {
        var status: Int
        var head: HTTPResponseHead
        var body: [UInt8]
    }

    private let handle: OpaquePointer
    private var headerList: OpaquePointer?

    init() throws(FetchError) {
        guard ccurl_load() == 0 else {
            throw .curlUnavailable(ccurl_load_error().map { String(cString: $0) } ?? "unknown reason")
        }
        guard let handle = ccurl_easy_init() else { throw .network("libcurl could not start a transfer") }
        self.handle = handle
        _ = ccurl_setopt_long(handle, Int32(CCURLOPT_NOSIGNAL), 1)
        _ = ccurl_setopt_long(handle, Int32(CCURLOPT_FOLLOWLOCATION), 0)
        // An empty list means every encoding libcurl can decode (gzip, deflate, ...).
        _ = ccurl_setopt_string(handle, Int32(CCURLOPT_ACCEPT_ENCODING), "")
        let byName = ccurl_setopt_string(handle, Int32(CCURLOPT_PROTOCOLS_STR), "http,https")
        let redirectsByName = ccurl_setopt_string(handle, Int32(CCURLOPT_REDIR_PROTOCOLS_STR), "http,https")
        if byName != Int32(CCURLE_OK) || redirectsByName != Int32(CCURLE_OK) {
            // libcurl before 7.85 only knows the bitmask options.
            let web = CCURLPROTO_HTTP | CCURLPROTO_HTTPS
            _ = ccurl_setopt_long(handle, Int32(CCURLOPT_PROTOCOLS), web)
            _ = ccurl_setopt_long(handle, Int32(CCURLOPT_REDIR_PROTOCOLS), web)
        }
    }

    deinit {
        ccurl_easy_cleanup(handle)
        if let headerList { ccurl_slist_free_all(headerList) }
    }

    /// Sets the request header lines ("Name: value") sent with every following request.
    func setHeaders(_ lines: [String]) throws(FetchError) {
        var list: OpaquePointer?
        for line in lines {
            guard let longer = ccurl_slist_append(list, line) else {
                if let list { ccurl_slist_free_all(list) }
                throw .network("out of memory for request headers")
            }
            list = longer
        }
        if let headerList { ccurl_slist_free_all(headerList) }
        headerList = list
        _ = ccurl_setopt_pointer(handle, Int32(CCURLOPT_HTTPHEADER), UnsafeMutableRawPointer(list))
    }

    /// Runs one GET of `url`, without following redirects. `timeoutSeconds` is only used in
    /// the error; `milliseconds` is the time this request may take.
    func perform(_ url: String, milliseconds: Int, maxBytes: Int, timeoutSeconds: Double) throws(FetchError) -> Reply {
        let receiver = CurlReceiver(maxBytes: maxBytes)
        let context = Unmanaged.passUnretained(receiver).toOpaque()
        _ = ccurl_setopt_string(handle, Int32(CCURLOPT_URL), url)
        _ = ccurl_setopt_long(handle, Int32(CCURLOPT_TIMEOUT_MS), milliseconds)
        _ = ccurl_setopt_long(handle, Int32(CCURLOPT_CONNECTTIMEOUT_MS), milliseconds)
        _ = ccurl_setopt_pointer(handle, Int32(CCURLOPT_HEADERDATA), context)
        _ = ccurl_setopt_pointer(handle, Int32(CCURLOPT_WRITEDATA), context)
        _ = ccurl_setopt_callback(handle, Int32(CCURLOPT_HEADERFUNCTION)) { data, size, count, context in
            guard let context, let data else { return 0 }
            let receiver = Unmanaged<CurlReceiver>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            return receiver.receiveHeader(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
        }
        _ = ccurl_setopt_callback(handle, Int32(CCURLOPT_WRITEFUNCTION)) { data, size, count, context in
            guard let context, let data else { return 0 }
            let receiver = Unmanaged<CurlReceiver>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            // Returning less than the length given makes libcurl stop with a write error.
            return receiver.receiveBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
        }
        let code = withExtendedLifetime(receiver) { ccurl_easy_perform(handle) }
        if receiver.exceededLimit { throw .tooLarge(limit: maxBytes) }
        if code == Int32(CCURLE_OPERATION_TIMEDOUT) { throw .timedOut(seconds: timeoutSeconds) }
        guard code == Int32(CCURLE_OK) else {
            throw .network(ccurl_easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(code)")
        }
        var status = 0
        if ccurl_getinfo_long(handle, Int32(CCURLINFO_RESPONSE_CODE), &status) != Int32(CCURLE_OK) || status == 0 {
            status = receiver.head.status ?? 0
        }
        return Reply(status: status, head: receiver.head, body: receiver.body)
    }
}
