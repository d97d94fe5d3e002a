import Foundation
import LocalHTTPServer

/// The captured feeds the `feeds` scenario fetches, read in place from their folder and served
/// on 127.0.0.1 by a server of the benchmark's own, with a Content-Type by extension as the
/// corpus README prescribes.
final class FeedCorpus {
    struct FeedFile {
        /// The file name, which is also the path it is served under.
        var name: String
        var bytes: [UInt8]
        var contentType: String

        /// The file name without its extension: the feed's name in feeds.toml.
        var stem: String { String(name.split(separator: ".", omittingEmptySubsequences: false).first ?? Substring(name)) }
    }

    static let contentTypes = [
        "rss": "application/rss+xml", "atom": "application/atom+xml", "rdf": "application/rdf+xml",
        "xml": "application/xml",
    ]

    let directory: String
    let files: [FeedFile]
    private let server: LocalHTTPServer

    /// Reads every feed file of `directory` (by extension, in name order) and starts serving
    /// them. Nil when the folder does not exist.
    init?(directory: String) throws(BenchError) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        var files: [FeedFile] = []
        for name in names.sorted() {
            let extensionName = String(name.split(separator: ".").last ?? "").lowercased()
            guard let type = Self.contentTypes[extensionName] else { continue }
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                throw .failed("cannot read \(directory)/\(name)")
            }
            files.append(FeedFile(name: name, bytes: Array(data), contentType: type))
        }
        guard !files.isEmpty else { throw .failed("\(directory) holds no .rss, .atom, .rdf or .xml feeds") }
        let served = Dictionary(files.map { ("/" + $0.name, $0) }, uniquingKeysWith: { first, _ in first })
        do {
            server = try LocalHTTPServer { request in
                guard let file = served[request.path] else { return LocalHTTPServer.Response(status: 404) }
                var response = LocalHTTPServer.Response(headers: [("Content-Type", file.contentType)])
                response.body = file.bytes
                return response
            }
        } catch {
            throw .failed("cannot start the feed server on 127.0.0.1: \(error)")
        }
        self.directory = directory
        self.files = files
    }

    deinit { server.stop() }

    var urls: [String] { files.map { server.url("/" + $0.name) } }

    /// feeds.toml for gloss: one `[[feed]]` per file, named after it.
    var feedsTOML: String {
        zip(files, urls).map { file, url in
            "[[feed]]\nurl = \(Self.tomlString(url))\nname = \(Self.tomlString(file.stem))\n"
        }.joined(separator: "\n")
    }

    /// newsboat's urls file: one URL per line.
    var newsboatURLs: String { urls.map { $0 + "\n" }.joined() }

    static func tomlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// How many requests the server answered, to tell a program that fetched nothing.
    var requestCount: Int { server.requests.count }
}
