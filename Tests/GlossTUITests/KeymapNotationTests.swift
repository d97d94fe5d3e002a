import Testing
@testable import GlossTUI

/// Key notation as used in `[keys.*]` tables and on the help screen.
@Suite struct KeymapNotationTests {
    @Test(arguments: Mode.allCases)
    func everyDefaultKeyRoundTrips(mode: Mode) {
        for binding in Keymap.defaults.bindings(in: mode) {
            for key in binding.keys {
                #expect(Key(notation: key.notation) == key, "\(key.notation) does not parse back")
            }
        }
    }

    @Test func otherKeysRoundTrip() {
        let keys: [Key] = [.char("<"), .char(">"), .char("é"), .alt("x"), .altEnter, .backTab, .backspace, .delete,
                           .left, .right, .function(1), .function(12), .ctrl("a"), .ctrl("[")]
        for key in keys {
            #expect(Key(notation: key.notation) == key, "\(key.notation) does not parse back")
        }
    }

    @Test func notationIsForgivingAboutCase() {
        #expect(Key(notation: "<C-D>") == .ctrl("d"))
        #expect(Key(notation: "<pgdn>") == .pageDown)
        #expect(Key(notation: "<ESC>") == .escape)
        #expect(Key(notation: "<CR>") == .enter)
        #expect(Key(notation: " ") == .char(" "))
    }

    @Test func unknownNotations() {
        for notation in ["<Hyper-x>", "<>", "xy", "", "<F0>", "<F25>", "<C->", "<Down", "<C-dd>"] {
            #expect(Key(notation: notation) == nil, "\(notation) should not parse")
        }
    }
}
