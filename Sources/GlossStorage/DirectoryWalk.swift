import Glibc
import GlossCore

/// The recursive part of `LibraryScanner`: walks directories once each, by device and inode.
struct DirectoryWalk {
    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// The articles directory with links resolved, to tell whether a link leads outside it.
    let root: String
    let base: String
    let followsLinksOutside: Bool
    private(set) var found: [LibraryScanner.FoundFile] = []
    private var visited: Set<FileID> = []
    /// Links are followed only after every real directory was walked, so a file reachable both
    /// directly and through a link is listed under its real path.
    private var pendingLinks: [(path: String, relative: String, name: String)] = []

    init(root: String, base: String, followsLinksOutside: Bool = false) {
        self.root = root
        self.base = base
        self.followsLinksOutside = followsLinksOutside
    }

    /// Walks `directory` and everything below it, then the links found on the way.
    mutating func walk(directory: String, info: stat) {
        visit(directory: directory, relativePrefix: "", info: info)
        while !pendingLinks.isEmpty {
            let link = pendingLinks.removeFirst()
            visitLink(link.path, relative: link.relative, name: link.name)
        }
    }

    private mutating func visit(directory: String, relativePrefix: String, info: stat) {
        guard visited.insert(FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        for (name, linkInfo) in DirectoryEntries.sortedLinkStatuses(in: directory, where: { !$0.hasPrefix(".") }) {
            let path = directory + "/" + name
            let relative = relativePrefix + name
            if SystemCall.isSymbolicLink(linkInfo) {
                pendingLinks.append((path, relative, name))
            } else if SystemCall.isDirectory(linkInfo) {
                visit(directory: path, relativePrefix: relative + "/", info: linkInfo)
            } else if LibraryScanner.isArticleName(name) {
                let isRegular = SystemCall.isRegularFile(linkInfo)
                found.append(.init(
                    relativePath: relative, absolutePath: path, problem: isRegular ? nil : "not a regular file",
                    stamp: isRegular ? LibraryCache.Stamp(linkInfo) : nil))
            }
        }
    }

    private mutating func visitLink(_ path: String, relative: String, name: String) {
        let isArticle = LibraryScanner.isArticleName(name)
        guard let resolved = LibraryScanner.realPath(path) else {
            if isArticle {
                let problem = errno == ELOOP ? "symbolic link loop" : "broken symbolic link"
                found.append(.init(relativePath: relative, absolutePath: path, problem: problem))
            }
            return
        }
        guard isInsideRoot(resolved) || followsLinksOutside, let info = SystemCall.status(resolved) else {
            if isArticle, let info = SystemCall.status(resolved), !SystemCall.isDirectory(info) {
                found.append(.init(
                    relativePath: relative, absolutePath: path,
                    problem: "links outside the articles directory"))
            }
            return
        }
        if SystemCall.isDirectory(info) {
            visit(directory: path, relativePrefix: relative + "/", info: info)
        } else if isArticle {
            let problem = SystemCall.isRegularFile(info) ? nil : "not a regular file"
            found.append(.init(relativePath: relative, absolutePath: path, problem: problem))
        }
    }

    private func isInsideRoot(_ resolved: String) -> Bool {
        root == "/" || resolved == root || resolved.hasPrefix(root + "/")
    }
}
