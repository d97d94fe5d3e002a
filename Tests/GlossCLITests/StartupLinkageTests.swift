import Foundation
import Testing

/// What the dynamic loader must load before gloss's first line of code runs. Libraries that only
/// downloads, feeds, pages or search need are opened on first use instead (docs/PERFORMANCE.md, "Start-up"):
/// linking libxml2 loaded ICU, zlib and liblzma at every start, and libcurl some thirty more.
@Suite struct StartupLinkageTests {
    /// The `NEEDED` entries of the built binary's dynamic section, as `readelf` (binutils, which
    /// the Swift toolchain links with) prints them.
    private func neededLibraries() throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["readelf", "--dynamic", GlossBinary.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]")
            else { return nil }
            return String(line[line.index(after: open)..<close])
        }
    }

    @Test func neitherLibxml2NorSQLiteNorLibcurlNorICUIsLoadedAtStartUp() throws {
        let needed = try neededLibraries()
        #expect(needed.contains { $0.hasPrefix("libncursesw") }, "the reader's own libraries are linked: \(needed)")
        for unwanted in ["libxml2", "libcurl", "libsqlite3", "libicu", "liblzma", "libz."] {
            #expect(!needed.contains { $0.hasPrefix(unwanted) }, "\(unwanted) is linked: \(needed)")
        }
    }

    @Test func aPageIsStillReadThroughTheLibraryOpenedOnFirstUse() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gloss-linkage-\(UUID().uuidString)")
        let articles = directory.appendingPathComponent("articles").path
        let data = directory.appendingPathComponent("data").path
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page.html")
        let paragraph = "The parser that read this page was opened on first use, and it kept every word."
        try Data("""
            <html><head><title>Opened on first use</title></head><body><article><h1>Opened on first use</h1>
            <p>\(paragraph)</p><p>\(paragraph)</p><p>\(paragraph)</p></article></body></html>
            """.utf8).write(to: page)
        let result = try GlossBinary.run(["add", page.path], articles: articles, data: data)
        #expect(result.status == 0, "\(result.err)")
        let written = try FileManager.default.subpathsOfDirectory(atPath: articles).filter { $0.hasSuffix(".md") }
        #expect(written.count == 1, "\(written)")
        let text = try written.first.map { try String(contentsOfFile: articles + "/" + $0, encoding: .utf8) } ?? ""
        #expect(text.contains(paragraph))
    }
}
