import FuzzSupport
import GlossCore
import GlossTUI

/// Random key streams through the whole run loop (keymap, reducers, panes, renderer) on a memory
/// terminal of random size, resized between keys.
///
/// Input, in order: the terminal's width and height, flags (colour, type-ahead, failing saves,
/// pane shown), the note an external editor returns, the key count, the keys (a resize takes two
/// more bytes for the new size), and the rest is a Markdown article in the library. When a key
/// quits, the run starts again on the same state with the keys that are left. Checked: nothing
/// traps; every frame has the terminal's size; no cell holds a scalar a terminal would interpret;
/// a double-width character is never split; the reader's focus is a block of its article.
func fuzzKeys(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data: data, size: size)
    let width = input.int(in: 0...220)
    let height = input.int(in: 0...70)
    let flags = input.byte()
    let editedText = input.text(pieces: FuzzCheck.hazardousPieces, limit: 6)
    var keys: [Key] = []
    var sizes: [Size] = []
    for _ in 0..<input.int(in: 0...300) where !input.isAtEnd {
        let key = input.element(of: keyChoices)
        if key == .resize { sizes.append(Size(width: input.int(in: 0...220), height: input.int(in: 0...70))) }
        keys.append(key)
    }
    let article = (try? ArticleLoader.load(bytes: input.rest(), fileName: "fuzzed.md"))
        ?? Article(metadata: ArticleMetadata(title: "binary"), format: .markdown, blocks: [])

    let terminal = MemoryTerminal(width: width, height: height, keys: keys, supportsColor: flags & 1 == 0)
    terminal.typesAhead = flags & 2 != 0
    var keysRead = 0
    terminal.beforeKey = { terminal, key in
        keysRead += 1
        guard key == .resize, !sizes.isEmpty else { return }
        let next = sizes.removeFirst()
        terminal.resize(width: next.width, height: next.height)
    }
    let services = FuzzServices(fuzzed: article, editedText: editedText, failsSaves: flags & 4 != 0)
    let counter = IDCounter()
    let world = ReaderWorld(
        now: { Timestamp(millisecondsSince1970: 1_795_514_400_000) }, newID: { counter.next() })
    var state = AppState(size: terminal.size, paneSettings: PaneSettings(visible: flags & 8 != 0), world: world)
    var runs = 0
    repeat {
        let app = App(state: state, terminal: terminal, services: services)
        app.run()
        state = app.state
        check(state, on: terminal)
        runs += 1
    } while keysRead < keys.count && runs < 50
    return 0
}

private func check(_ state: AppState, on terminal: MemoryTerminal) {
    let screen = terminal.screen
    FuzzCheck.expect(
        screen.width == max(0, terminal.size.width) && screen.height == max(0, terminal.size.height),
        "a \(screen.width)x\(screen.height) frame on a \(terminal.size.width)x\(terminal.size.height) terminal")
    for y in 0..<screen.height {
        for x in 0..<screen.width {
            guard let cell = screen.cell(x: x, y: y) else { continue }
            FuzzCheck.expect(
                !cell.text.unicodeScalars.contains(where: TerminalSafe.needsPlaceholder),
                "cell (\(x), \(y)) holds \(cell.text.debugDescription)")
            if cell.isContinuation {
                let before = screen.cell(x: x - 1, y: y)
                FuzzCheck.expect(
                    before.map { !$0.isContinuation && DisplayWidth.of($0.text) == 2 } == true,
                    "a continuation cell at (\(x), \(y)) after \(String(describing: before?.text))")
            } else if DisplayWidth.of(cell.text) == 2 {
                FuzzCheck.expect(
                    screen.cell(x: x + 1, y: y)?.isContinuation == true,
                    "a wide character \(cell.text.debugDescription) split at (\(x), \(y)) of \(screen.width)x\(screen.height): \(screen.lines[y].debugDescription)")
            }
        }
    }
    if let reader = state.reader {
        let blocks = reader.article.blocks.count
        FuzzCheck.expect(
            blocks == 0 ? reader.focus == 0 : (0..<blocks).contains(reader.focus),
            "focus \(reader.focus) in an article of \(blocks) blocks")
    }
}

/// Every kind of key, with the keymap's keys and text typed into prompts and notes.
private let keyChoices: [Key] = {
    var keys: [Key] = "jkgGqQ?/nNhvaAcutEX[]()wbo0$1234 fdle#é漢😀\u{301}\u{1B}xrsimp".unicodeScalars.map { Key.char(Character($0)) }
    keys += "dfubrlzaeh".map { Key.ctrl($0) }
    keys += [.alt("x"), .alt("b")]
    keys += [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown]
    keys += [.enter, .altEnter, .escape, .backspace, .delete, .tab, .backTab, .function(1), .unknown(0)]
    keys += [.resize, .resize, .resize]
    return keys
}()

/// Fresh ids in order, so runs are repeatable.
private final class IDCounter: @unchecked Sendable {
    private var value = 0
    func next() -> String {
        value += 1
        return "00000000-0000-4000-8000-\(String(value, radix: 16))"
    }
}
