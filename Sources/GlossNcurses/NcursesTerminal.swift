import CNcursesW
import Glibc
import GlossTUI
import Synchronization

/// Set from signal handlers; the key loop polls it so shutdown happens on the main path.
private let pendingSignal = Atomic<Int32>(0)
/// Set by a SIGTSTP sent from outside (Ctrl-Z itself arrives as a key in raw mode). ncurses'
/// own handler would stop the process wherever it is, even halfway through drawing a frame;
/// the key loop stops at a quiet moment instead, with the terminal restored first.
private let pendingStop = Atomic<Bool>(false)

/// Why the terminal could not be started.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case cannotInitialize(term: String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "this command needs an interactive terminal (stdin and stdout must be a TTY)"
        case .cannotInitialize(let term):
            return "cannot initialise the terminal (TERM=\(term)); try TERM=xterm-256color"
        }
    }
}

/// The real terminal, through ncursesw. The only type in Gloss that calls curses.
public final class NcursesTerminal: Terminal {
    private var screen: OpaquePointer?
    private var colorPairs: [ColorPairKey: Int16] = [:]
    private var active = false
    public private(set) var supportsColor: Bool

    /// Takes over the terminal. Call `stop()` on every exit path (it is safe to call twice).
    public init(useColor: Bool) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        _ = gloss_setlocale_utf8()
        // newterm, unlike initscr, returns nil on a bad TERM instead of exiting the process.
        guard let screen = newterm(nil, gloss_stdout(), gloss_stdin()) else {
            throw .cannotInitialize(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        _ = set_term(screen)
        supportsColor = useColor && has_colors()
        if supportsColor {
            start_color()
            use_default_colors()
        }
        raw()
        noecho()
        nonl()
        keypad(gloss_stdscr(), true)
        set_escdelay(25)
        timeout(100)
        curs_set(0)
        active = true
        Self.installSignalHandlers()
    }

    deinit { stop() }

    /// Gives the terminal back in its normal mode: echo on, cursor visible, main screen.
    public func stop() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    public var size: Size { Size(width: Int(gloss_cols()), height: Int(gloss_lines())) }

    public func invalidate() { clearok(gloss_stdscr(), true) }

    public func suspend() {
        endwin()
        // The default action stops the process; `fg` continues it right here. Gloss's own
        // handler comes back afterwards, so a SIGTSTP sent from outside (not the Ctrl-Z key,
        // which arrives as a key in raw mode) still restores the terminal first.
        let previous = signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        signal(SIGTSTP, previous)
        Self.installSignalHandlers()
    }

    public func release() {
        endwin()
    }

    public func reclaim() {
        resume()
    }

    public func resume() {
        refresh()
        clearok(gloss_stdscr(), true)
    }

    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        guard active else { return }
        erase()
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                guard let cell = buffer.cell(x: x, y: y), !cell.isContinuation else { continue }
                put(cell, x: x, y: y)
            }
        }
        if let cursor {
            move(Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        refresh()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var chars: [wchar_t] = []
        for scalar in cell.text.unicodeScalars.prefix(4) { chars.append(wchar_t(bitPattern: scalar.value)) }
        if chars.isEmpty { chars.append(32) }
        chars.append(0)
        let pair = supportsColor ? colorPair(cell.style.foreground, cell.style.background) : 0
        _ = gloss_put_cell(Int32(y), Int32(x), chars, attributes(cell.style), pair)
    }

    private func attributes(_ style: Style) -> attr_t {
        var attrs = gloss_a_normal()
        let a = style.attributes
        if a.contains(.bold) { attrs |= gloss_a_bold() }
        if a.contains(.underline) { attrs |= gloss_a_underline() }
        if a.contains(.reverse) { attrs |= gloss_a_reverse() }
        if a.contains(.dim) { attrs |= gloss_a_dim() }
        if a.contains(.italic) { attrs |= gloss_a_italic() }
        return attrs
    }

    private struct ColorPairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    /// Colour pairs are allocated on first use; past the terminal's limit, colours are dropped.
    private func colorPair(_ fg: Color, _ bg: Color) -> Int16 {
        let colors = Int(gloss_colors())
        func usable(_ c: Color) -> Int { c.paletteIndex < colors ? c.paletteIndex : c.paletteIndex % 8 }
        let key = ColorPairKey(foreground: usable(fg), background: usable(bg))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let pair = colorPairs[key] { return pair }
        let next = colorPairs.count + 1
        guard next < Int(gloss_color_pairs()), next < Int(Int16.max) else { return 0 }
        init_pair(Int16(next), Int16(key.foreground), Int16(key.background))
        colorPairs[key] = Int16(next)
        return Int16(next)
    }

    public var isInputClosed: Bool { !active || pendingSignal.load(ordering: .relaxed) != 0 }

    public func readKey() -> Key? {
        while active {
            if pendingSignal.load(ordering: .relaxed) != 0 { return nil }
            if let resumed = stopIfAsked() { return resumed }
            var code: UInt32 = 0
            let rc = gloss_get_wch(&code)
            if rc == gloss_err() { continue }
            if rc == gloss_key_code_yes() { return KeyDecoder.functionKey(Int(code)) }
            if code == 27 { return readAfterEscape() }
            return KeyDecoder.character(code)
        }
        return nil
    }

    public func pollKey(waitingMilliseconds wait: Int) -> Key? {
        guard active, pendingSignal.load(ordering: .relaxed) == 0 else { return nil }
        if let resumed = stopIfAsked() { return resumed }
        timeout(Int32(max(0, min(wait, 1000))))
        defer { timeout(100) }
        var code: UInt32 = 0
        let rc = gloss_get_wch(&code)
        if rc == gloss_err() { return nil }
        if rc == gloss_key_code_yes() { return KeyDecoder.functionKey(Int(code)) }
        if code == 27 { return readAfterEscape() }
        return KeyDecoder.character(code)
    }

    /// Esc alone is Escape; Esc followed at once by a key is Alt plus that key.
    private func readAfterEscape() -> Key {
        timeout(0)
        defer { timeout(100) }
        var code: UInt32 = 0
        let rc = gloss_get_wch(&code)
        guard rc != gloss_err(), rc != gloss_key_code_yes() else { return .escape }
        return KeyDecoder.alt(code)
    }

    /// Stops the process as Ctrl-Z does when a SIGTSTP came from outside; after `fg`, a resize
    /// key makes the app lay out and draw everything again.
    private func stopIfAsked() -> Key? {
        guard pendingStop.exchange(false, ordering: .relaxed) else { return nil }
        suspend()
        resume()
        return .resize
    }

    /// Whether a terminating signal (SIGINT, SIGTERM, SIGHUP) has arrived.
    public static var signalReceived: Int32 { pendingSignal.load(ordering: .relaxed) }

    private static func installSignalHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { number in pendingSignal.store(number, ordering: .relaxed) }
        }
        signal(SIGTSTP) { _ in pendingStop.store(true, ordering: .relaxed) }
    }
}
