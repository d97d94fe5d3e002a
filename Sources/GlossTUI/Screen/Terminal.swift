/// What the run loop needs from a terminal. `GlossNcurses` implements it for real
/// terminals and `MemoryTerminal` for tests.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Whether colours may be used (false on monochrome terminals and under `NO_COLOR`).
    var supportsColor: Bool { get }
    /// Shows `buffer`; the cursor is placed at `cursor` when given, hidden otherwise.
    func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?)
    /// Waits for the next key; nil when input has ended (the terminal went away).
    func readKey() -> Key?
    /// The next key if one arrives within `waitingMilliseconds` (0: only one already typed
    /// ahead or pasted); nil otherwise.
    func pollKey(waitingMilliseconds: Int) -> Key?
    /// Leaves the screen and stops the process until the shell continues it (Ctrl-Z, then `fg`).
    func suspend()
    /// Takes the screen back after `suspend` and redraws from scratch on the next `draw`.
    func resume()
    /// Hands the terminal, in its normal modes, to another program (the external editor).
    func release()
    /// Takes the terminal back after `release` and redraws from scratch on the next `draw`.
    func reclaim()
    /// Forces a full repaint on the next `draw` (Ctrl-L).
    func invalidate()
    /// True once input has ended or a terminating signal arrived: `pollKey` then returns nil at
    /// once, so a loop that polls must stop.
    var isInputClosed: Bool { get }
}

extension Terminal {
    public var isInputClosed: Bool { false }
}

/// An in-memory terminal that records what was drawn and replays scripted keys.
public final class MemoryTerminal: Terminal {
    public var size: Size
    public var supportsColor: Bool
    public private(set) var screen: Buffer
    public private(set) var cursor: (x: Int, y: Int)?
    public private(set) var drawCount = 0
    public private(set) var suspendCount = 0
    public private(set) var invalidateCount = 0
    private var keys: [Key]
    /// Called before each key is handed out, so a test can resize between keys.
    public var beforeKey: ((MemoryTerminal, Key) -> Void)?

    public init(width: Int, height: Int, keys: [Key] = [], supportsColor: Bool = true) {
        self.size = Size(width: width, height: height)
        self.supportsColor = supportsColor
        self.screen = Buffer(width: width, height: height)
        self.keys = keys
    }

    public func enqueue(_ more: [Key]) { keys.append(contentsOf: more) }

    /// Called after each frame is drawn, so a test can look at frames that later ones replace.
    public var afterDraw: ((Buffer) -> Void)?

    /// Input ends when the scripted keys run out.
    public var isInputClosed: Bool { keys.isEmpty }

    public func draw(_ buffer: Buffer, cursor: (x: Int, y: Int)?) {
        screen = buffer
        self.cursor = cursor
        drawCount += 1
        afterDraw?(buffer)
    }

    /// When true, `pollKey` hands out queued keys as if they had been typed ahead.
    public var typesAhead = false

    public func pollKey(waitingMilliseconds: Int) -> Key? {
        guard typesAhead, let next = keys.first, next != .resize else { return nil }
        return readKey()
    }

    public func readKey() -> Key? {
        guard !keys.isEmpty else { return nil }
        let key = keys.removeFirst()
        beforeKey?(self, key)
        return key
    }

    public private(set) var releaseCount = 0
    public func suspend() { suspendCount += 1 }
    public func resume() {}
    public func release() { releaseCount += 1 }
    public func reclaim() {}
    public func invalidate() { invalidateCount += 1 }

    /// Changes the size as a window resize would; pair with a `.resize` key.
    public func resize(width: Int, height: Int) { size = Size(width: width, height: height) }
}
