/// Gives equal byte strings the same small id, so a diff compares tokens as integers.
struct TokenInterner {
    private var idsByHash: [Int: [Int32]] = [:]
    /// The bytes each id stands for; they point into texts that outlive the interner.
    private var tokens: [UnsafeBufferPointer<UInt8>] = []

    mutating func id(of token: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(token))
        let hash = hasher.finalize()
        if let candidates = idsByHash[hash] {
            for id in candidates where tokens[Int(id)].elementsEqual(token) { return id }
        }
        let id = Int32(truncatingIfNeeded: tokens.count)
        tokens.append(token)
        idsByHash[hash, default: []].append(id)
        return id
    }
}
