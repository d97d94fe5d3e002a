import Foundation
import Testing

/// Wide characters are drawn in their two columns whatever locale gloss is started in: it takes
/// only the character set from the environment, and falls back to UTF-8 when that is not UTF-8.
@Suite("Locale", .serialized)
struct LocaleEndToEndTests {
    private let gloss = Package.quoted(Package.gloss)

    @Test(arguments: ["LC_ALL=C.UTF-8", "LC_ALL=POSIX", "LANG=C.UTF-8 LC_CTYPE=POSIX"])
    func wideCharactersKeepTheirColumnsInEveryLocale(locale: String) throws {
        let tmux = try Tmux(width: 80, height: 20)
        let folder = tmux.home.appendingPathComponent("wide")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let article = folder.appendingPathComponent("wide.md")
        try "# 東京の朝\n\n市場は七時に開き、魚が並ぶ。Then the English line follows.\n".write(
            to: article, atomically: true, encoding: .utf8)
        try tmux.type("env -u LANG -u LC_ALL -u LC_CTYPE \(locale) \(gloss) read \(Package.quoted(article.path)) --articles \(Package.quoted(folder.path))")
        let screen = try tmux.waitFor("¶ 1/")
        #expect(screen.contains("東京の朝"), "\(locale): \(screen)")
        // The pane border stands in one column on every row, so no wide character was drawn narrow.
        let bordered = screen.split(separator: "\n").filter { $0.contains("│") }
        let columns = Set(bordered.compactMap { line in line.firstIndex(of: "│").map { columnsOf(line[..<$0]) } })
        #expect(columns.count == 1, "\(locale): the border moved between rows: \(screen)")
        try tmux.keys("Q")
        try tmux.waitFor("e2e$")
    }

    /// Terminal columns of text holding only ASCII, box drawing, and CJK (two columns each).
    private func columnsOf(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let wide = (0x2E80...0xA4CF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }
}
