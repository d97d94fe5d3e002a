import GlossCore
@testable import GlossStorage
import Testing

@Suite struct JSONTests {
    @Test func parsingAndWritingRoundTripsEveryKindOfValue() throws {
        let text = #"""
            {"s": "quote \" backslash \\ slash \/ tab \t nl \n uni \u00e9 \ud83c\udf89 ctrl \u0001",
             "i": -9007199254740993, "d": 1.5, "e": 2e3, "t": true, "f": false, "n": null,
             "a": [1, [2, {}], []], "o": {"z": 1, "a": 2}}
            """#
        let value = try JSONParser.parse(Array(text.utf8))
        let object = try #require(value.objectValue)
        #expect(object["s"]?.stringValue == "quote \" backslash \\ slash / tab \t nl \n uni é 🎉 ctrl \u{1}")
        #expect(object["i"] == .integer(-9_007_199_254_740_993))
        #expect(object["d"] == .double(1.5))
        #expect(object["e"] == .double(2000))
        #expect(object["t"] == .bool(true))
        #expect(object["n"] == .null)
        let written = value.serialized()
        #expect(try JSONParser.parse(written) == value)
        let lines = String(decoding: written, as: UTF8.self).split(separator: "\n")
        #expect(lines.first == "{")
        #expect(lines[1] == "  \"a\": [")
        #expect(String(decoding: written, as: UTF8.self).contains("\\u0001"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "\"unterminated", "tru", "01x", "-", "1.", "1e",
        "{} extra", "\"bad \\x escape\"", "\"raw\ncontrol\"", String(repeating: "[", count: 300),
    ])
    func invalidJSONIsRejected(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func overlayKeepsUnknownKeysAtEveryDepth() {
        let raw = JSONValue.object([
            "known": .string("old"), "extra": .integer(1),
            "nested": .object(["known": .integer(1), "extra": .bool(true)]),
            "list": .array([.integer(1)]),
        ])
        let known = JSONValue.object([
            "known": .string("new"), "nested": .object(["known": .integer(2)]), "list": .array([]),
        ])
        #expect(raw.overlaid(with: known) == .object([
            "known": .string("new"), "extra": .integer(1),
            "nested": .object(["known": .integer(2), "extra": .bool(true)]),
            "list": .array([]),
        ]))
    }
}
