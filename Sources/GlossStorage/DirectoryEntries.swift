import Glibc

/// The names in a directory, read with `readdir`.
public enum DirectoryEntries {
    /// The names in `path` (without "." and ".."); empty when it cannot be read.
    public static func names(in path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = self.name(of: entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The entry's name, read up to its NUL in place. Copying the whole `d_name` array instead
    /// reads past the end of a short record at the end of readdir's buffer (AddressSanitizer
    /// caught it listing a large /tmp): a record is only as long as its name.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        let start = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
        return String(decoding: UnsafeBufferPointer(start: start, count: strlen(start)).lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
