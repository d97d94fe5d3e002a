import CNcursesW
import GlossTUI

/// Turns curses key codes and wide characters into `Key`s.
enum KeyDecoder {
    static func functionKey(_ code: Int) -> Key {
        switch Int32(code) {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case gloss_key_resize(): return .resize
        default:
            if Int32(code) > KEY_F0, Int32(code) <= KEY_F0 + 24 { return .function(code - Int(KEY_F0)) }
            return .unknown(code)
        }
    }

    static func character(_ code: UInt32) -> Key {
        switch code {
        // With nonl(), Enter sends CR and Ctrl-J sends LF, so the note editor can tell them apart.
        case 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 0: return .ctrl("@")
        case 1...26:
            guard let scalar = Unicode.Scalar(code + 96) else { return .unknown(Int(code)) }
            return .ctrl(Character(scalar))
        case 28...31:
            guard let scalar = Unicode.Scalar(code + 64) else { return .unknown(Int(code)) }
            return .ctrl(Character(scalar))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown(Int(code)) }
            return .char(Character(scalar))
        }
    }

    static func alt(_ code: UInt32) -> Key {
        if code == 13 || code == 10 { return .altEnter }
        guard let scalar = Unicode.Scalar(code) else { return .escape }
        return .alt(Character(scalar))
    }
}
