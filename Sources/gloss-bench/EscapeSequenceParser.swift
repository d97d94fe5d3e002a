/// What a terminal does with one piece of its input.
enum TerminalEvent: Equatable {
    /// A character to show (UTF-8 already decoded).
    case print(Unicode.Scalar)
    /// A C0 control character such as CR, LF or BS.
    case control(UInt8)
    /// `ESC` followed by intermediates (`(`, `#`, …) and a final byte.
    case escape(final: UInt8, intermediates: [UInt8])
    /// A control sequence `ESC [ …`; missing parameters are nil.
    case csi(final: UInt8, parameters: [Int?], marker: UInt8?, intermediates: [UInt8])
}

/// Splits a terminal's input bytes into events, following the VT500 parser's states closely
/// enough for what ncurses, less and vim send. OSC, DCS, APC and PM strings are swallowed.
struct EscapeSequenceParser {
    private enum State {
        case ground
        case escape
        case csi
        /// Inside OSC/DCS/APC/PM, until BEL or ST (`ESC \`).
        case string
        case stringEscape
    }

    private var state = State.ground
    private var parameters: [Int?] = []
    private var current: Int?
    private var marker: UInt8?
    private var intermediates: [UInt8] = []
    private var utf8: [UInt8] = []
    private var utf8Expected = 0

    /// The event `byte` completes, if any.
    mutating func feed(_ byte: UInt8) -> TerminalEvent? {
        if byte == 0x18 || byte == 0x1A {  // CAN and SUB abort any sequence
            reset()
            return nil
        }
        switch state {
        case .ground: return ground(byte)
        case .escape: return escape(byte)
        case .csi: return csi(byte)
        case .string:
            if byte == 0x07 { state = .ground } else if byte == 0x1B { state = .stringEscape }
            return nil
        case .stringEscape:
            state = byte == UInt8(ascii: "\\") ? .ground : .string
            return nil
        }
    }

    private mutating func reset() {
        state = .ground
        parameters = []
        current = nil
        marker = nil
        intermediates = []
        utf8 = []
        utf8Expected = 0
    }

    private mutating func ground(_ byte: UInt8) -> TerminalEvent? {
        if byte == 0x1B {
            reset()
            state = .escape
            return nil
        }
        if byte < 0x20 || byte == 0x7F {
            utf8 = []
            return byte == 0x7F ? nil : .control(byte)
        }
        if byte < 0x80 {
            utf8 = []
            return .print(Unicode.Scalar(byte))
        }
        if byte >= 0xC0 {
            utf8 = [byte]
            utf8Expected = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            return nil
        }
        guard !utf8.isEmpty else { return .print("\u{FFFD}") }
        utf8.append(byte)
        guard utf8.count == utf8Expected else { return nil }
        let decoded = String(decoding: utf8, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        utf8 = []
        return .print(decoded)
    }

    private mutating func escape(_ byte: UInt8) -> TerminalEvent? {
        switch byte {
        case UInt8(ascii: "["):
            state = .csi
            return nil
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
            state = .string
            return nil
        case 0x20...0x2F:
            intermediates.append(byte)
            return nil
        default:
            let event = TerminalEvent.escape(final: byte, intermediates: intermediates)
            reset()
            return event
        }
    }

    private mutating func csi(_ byte: UInt8) -> TerminalEvent? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            current = (current ?? 0) &* 10 &+ Int(byte - UInt8(ascii: "0"))
            return nil
        case UInt8(ascii: ";"), UInt8(ascii: ":"):
            parameters.append(current)
            current = nil
            return nil
        case 0x3C...0x3F:  // < = > ? mark private sequences
            marker = byte
            return nil
        case 0x20...0x2F:
            intermediates.append(byte)
            return nil
        case 0x40...0x7E:
            parameters.append(current)
            let event = TerminalEvent.csi(final: byte, parameters: parameters, marker: marker, intermediates: intermediates)
            reset()
            return event
        default:
            return nil  // C0 controls inside a sequence are rare; ignoring them is harmless here
        }
    }
}
