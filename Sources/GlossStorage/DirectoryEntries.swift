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

    /// The names in `path` that `include` accepts, sorted, each with what `lstat` says of it. Each
    /// entry is asked for relative to the open directory, so the kernel does not walk the whole
    /// path again for every one (at 20,000 articles that walk was most of the listing's time).
    /// An entry that vanished in between is left out.
    static func sortedLinkStatuses(in path: String, where include: (String) -> Bool) -> [(name: String, info: stat)] {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        guard let dir = fdopendir(descriptor) else {
            close(descriptor)
            return []
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = self.name(of: entry)
            if name != "." && name != "..", include(name) { names.append(name) }
        }
        names.sort()
        var listing: [(name: String, info: stat)] = []
        listing.reserveCapacity(names.count)
        for name in names {
            var info = stat()
            if fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 { listing.append((name, info)) }
        }
        return listing
    }

    /// The entry's name, read up to its NUL in place. Copying the whole `d_name` array instead
    /// reads past the end of a short record at the end of readdir's buffer (AddressSanitizer
    /// caught it listing a large /tmp): a record is only as long as its name.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        let start = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
        return String(decoding: UnsafeRawBufferPointer(start: start, count: strlen(start)), as: UTF8.self)
    }
}
