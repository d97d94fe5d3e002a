import GlossCore
import Testing

@testable import GlossTUI

/// Hostile text (escape sequences, OSC 52 clipboard writes, bidi overrides and isolates that
/// reorder what is shown) reaches the screen only as visible placeholders, wherever it is drawn.
@Suite("Hostile text on screen")
struct HostileTextRenderingTests {
    static let bidi: [Unicode.Scalar] = ["\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]

    /// Controls, DEL, C1 and bidi controls: what a terminal would act on or reorder.
    func unsafeScalars(_ buffer: Buffer) -> [Unicode.Scalar] {
        buffer.cells.flatMap { $0.text.unicodeScalars }.filter {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || Self.bidi.contains($0)
        }
    }

    @Test func bidiOverridesInTitleTextAndMessagesAreShownAsPlaceholders() {
        var state = Fixtures.state()
        // "invoice_\u{202E}fdp.exe" is shown by a bidi-aware terminal as "invoice_exe.pdf".
        let hostile = Article(
            metadata: ArticleMetadata(title: "invoice_\u{202E}fdp.exe"), format: .plainLines,
            blocks: [
                Block(kind: .paragraph, text: "Pay \u{2067}000,1\u{2069} now, copy \u{1B}]52;c;cm0gLXJmIH4=\u{07} this."),
                Block(kind: .paragraph, text: "\u{202D}override\u{202C} and \u{2066}\u{2068}isolates\u{2069}\u{2069}"),
            ])
        _ = reduce(&state, .articleOpened(OpenedArticle(relativePath: "evil\u{202E}.txt", article: hostile)))
        state.message = StatusMessage("cannot open \u{202E}txt.exe\u{1B}[2J", isError: true)
        let buffer = ScreenRenderer.render(state).buffer
        #expect(unsafeScalars(buffer).isEmpty)
        let screen = buffer.lines.joined(separator: "\n")
        #expect(screen.contains("Pay ⇄000,1⇄ now"))
        #expect(screen.contains("␛]52;c;cm0gLXJmIH4=␇"))
        #expect(screen.contains("⇄override⇄ and ⇄⇄isolates⇄⇄"))
        #expect(screen.contains("cannot open ⇄txt.exe␛[2J"))
    }

    @Test func theLibraryShowsHostileTitlesAndPathsAsPlaceholders() {
        var state = AppState(size: Size(width: 100, height: 20), paneSettings: PaneSettings(visible: false), world: Fixtures.world)
        let items = [
            LibraryItem(relativePath: "a\u{1B}]52;c;aGk=\u{07}.md", title: "Title \u{202E}cod.exe", words: 10, minutes: 1),
            LibraryItem(relativePath: "b.md", title: "\u{9B}31mRed\u{1B}[0m", words: 10, minutes: 1),
        ]
        _ = reduce(&state, .libraryLoaded(items))
        let buffer = ScreenRenderer.render(state).buffer
        #expect(unsafeScalars(buffer).isEmpty)
        let screen = buffer.lines.joined(separator: "\n")
        #expect(screen.contains("Title ⇄cod.exe"))
        #expect(screen.contains("␛[0m"))
    }

    @Test func anyTextPutInTheBufferIsFiltered() {
        var buffer = Buffer(width: 40, height: 2)
        var text = ""
        for value: UInt32 in Array(0...0x9F) + Self.bidi.map(\.value) {
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        _ = buffer.put(String(text.prefix(40)), x: 0, y: 0)
        _ = buffer.put(String(text.dropFirst(text.count - 40)), x: 0, y: 1)
        #expect(unsafeScalars(buffer).isEmpty)
    }
}
