import Testing

@testable import GlossTUI

@Suite("Prompt line editing")
struct TextFieldTests {
    @Test func readlineKeys() {
        var field = TextField("harbor tidal power")
        _ = field.handle(.ctrl("w"))
        #expect(field.text == "harbor tidal ")
        _ = field.handle(.home)
        _ = field.handle(.char("¶"))
        #expect(field.text == "¶harbor tidal ")
        _ = field.handle(.ctrl("k"))
        #expect(field.text == "¶")
        _ = field.handle(.ctrl("e"))
        for c in "東京🍜" { _ = field.handle(.char(c)) }
        _ = field.handle(.backspace)
        #expect(field.text == "¶東京")
        _ = field.handle(.left)
        _ = field.handle(.delete)
        #expect(field.text == "¶東")
        _ = field.handle(.ctrl("u"))
        #expect(field.text.isEmpty)
        #expect(field.handle(.up) == .ignored)
    }
}
