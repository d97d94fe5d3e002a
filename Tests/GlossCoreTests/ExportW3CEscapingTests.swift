import Foundation
import Testing

@testable import GlossCore

/// The JSON writer behind the export: escapes, NFC, and round trips through Foundation's parser.
@Suite("W3C export: JSON escaping")
struct ExportW3CEscapingTests {
    /// A string written alone as a JSON document, then parsed back.
    static func roundTrip(_ text: String) throws -> (json: String, parsed: String) {
        let json = JSONValue.string(text).exported()
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        return (json, try #require(parsed as? String))
    }

    /// True when no raw control character, DEL, line/paragraph separator or U+FEFF is in the output;
    /// the newlines of pretty-printing are the only exception.
    static func isClean(_ json: String) -> Bool {
        json.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x0A: return true
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF: return false
            default: return true
            }
        }
    }

    @Test("Quotes, backslashes and the short escapes")
    func shortEscapes() throws {
        #expect(JSONValue.string("say \"hi\"").exported() == "\"say \\\"hi\\\"\"\n")
        #expect(JSONValue.string("C:\\path\\").exported() == "\"C:\\\\path\\\\\"\n")
        #expect(JSONValue.string("a\nb\rc\td").exported() == "\"a\\nb\\rc\\td\"\n")
        #expect(JSONValue.string("/ stays /").exported() == "\"/ stays /\"\n")
    }

    @Test("Other controls, DEL, C1 controls and the separators become \\uXXXX")
    func unicodeEscapes() throws {
        #expect(JSONValue.string("\u{0}").exported() == "\"\\u0000\"\n")
        #expect(JSONValue.string("bell\u{7}").exported() == "\"bell\\u0007\"\n")
        #expect(JSONValue.string("\u{1B}[31m").exported() == "\"\\u001b[31m\"\n")
        #expect(JSONValue.string("\u{1F}\u{7F}").exported() == "\"\\u001f\\u007f\"\n")
        #expect(JSONValue.string("\u{80}\u{85}\u{9B}\u{9F}").exported() == "\"\\u0080\\u0085\\u009b\\u009f\"\n")
        #expect(JSONValue.string("a\u{2028}b\u{2029}c").exported() == "\"a\\u2028b\\u2029c\"\n")
        #expect(JSONValue.string("\u{FEFF}zero width").exported() == "\"\\ufeffzero width\"\n")
    }

    @Test("Non-ASCII text is written as it is, in NFC")
    func nonASCII() throws {
        let text = "Zoë ¿qué? 東京 🇯🇵 עברית \u{A0}\u{A9}\u{200B}\u{FFFD} 𝄞"
        let json = JSONValue.string(text).exported()
        #expect(json == "\"" + text + "\"\n")
        // NFD input comes out precomposed. `==` on String ignores normalization, so compare bytes.
        let decomposed = "cafe\u{301} A\u{30A}ngstro\u{308}m"
        let written = JSONValue.string(decomposed).exported()
        #expect(Array(written.utf8) == Array("\"caf\u{E9} \u{C5}ngstr\u{F6}m\"\n".utf8))
        #expect(!Array(written.utf8).elementsEqual(Array(("\"" + decomposed + "\"\n").utf8)))
    }

    @Test("Adversarial strings survive a round trip through Foundation's JSON parser")
    func adversarial() throws {
        let cases = [
            "", "\"", "\\", "\\\"", "\"\\\"\\", "\\u0000 is not a NUL", "</script><script>alert(1)</script>",
            String((0..<0x20).map { Character(Unicode.Scalar($0)) }), "\u{7F}\u{80}\u{9F}\u{A0}",
            "\u{2028}\u{2029}", "\u{FEFF}BOM", "\u{FFFD}\u{FFFF}", "🙂👩‍👩‍👧‍👦🇯🇵", "e\u{301}\u{302}\u{303}",
            "\r\n\r\n", "tab\tend\t", "日本語のテキスト", "RTL \u{202E}desrever\u{202C}", String(repeating: "\\\"", count: 500),
        ]
        for text in cases {
            let (json, parsed) = try Self.roundTrip(text)
            #expect(parsed == ArticleText.nfc(text), "\(json)")
            #expect(parsed.unicodeScalars.elementsEqual(ArticleText.nfc(text).unicodeScalars), "\(json)")
            #expect(Self.isClean(json), "\(json)")
        }
    }

    @Test("Random strings of awkward characters round trip and leave no raw control in the output")
    func randomStrings() throws {
        let pool: [Unicode.Scalar] = (0..<0x20).compactMap(Unicode.Scalar.init)
            + ["\"", "\\", "/", "a", "Z", " ", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "é", "e", "\u{301}",
               "\u{2028}", "\u{2029}", "\u{2027}", "\u{FEFF}", "\u{FEFE}", "\u{202A}", "東", "🙂", "\u{1F1EF}", "\u{10FFFF}", "\u{E000}"]
        var random = ReanchorRandom(seed: 0x5EED_0001)
        for _ in 0..<400 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                scalars.append(pool[Int.random(in: 0..<pool.count, using: &random)])
            }
            let text = String(scalars)
            let (json, parsed) = try Self.roundTrip(text)
            #expect(parsed.unicodeScalars.elementsEqual(ArticleText.nfc(text).unicodeScalars), "\(json)")
            #expect(Self.isClean(json), "\(json)")
        }
    }

    @Test("A note full of escapes comes back from the export exactly, in NFC")
    func noteRoundTrip() throws {
        let doc = try W3CFixture.binance()
        let output = W3CExport.render(doc)
        #expect(Self.isClean(output))
        #expect(output.contains("東京 🇯🇵"))
        #expect(!output.contains("\\u6771"))
        #expect(output.contains("bell\\u0007, escape \\u001b[31m, NEL\\u0085, line\\u2028separator.\\nNew line"))
        let items = try ExportW3CStructureTests.items(of: output)
        let values = items.flatMap { ($0["body"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String } }
        let expected = ArticleText.nfc(W3CFixture.adversarialNote)
        #expect(values.contains { Array($0.utf8) == Array(expected.utf8) })
        // The note's "cafe" + U+0301 is exported precomposed.
        #expect(W3CFixture.adversarialNote.unicodeScalars.contains("\u{301}"))
        #expect(!expected.unicodeScalars.contains("\u{301}") && expected.unicodeScalars.contains("\u{E9}"))
        #expect(!output.unicodeScalars.contains("\u{301}"))
        #expect(values.contains("énergie") && values.contains("東京"))
    }

    @Test("Nested values: empty containers, members in their given order, omitted nils")
    func structure() {
        let value = JSONValue.members([
            "z": .integer(-3), "a": .array([]), "m": .object([:]), "skip": nil, "b": .bool(true), "n": .null,
            "list": .array([.integer(1), .string("x")]),
        ])
        #expect(value.exported() == """
            {
              "z": -3,
              "a": [],
              "m": {},
              "b": true,
              "n": null,
              "list": [
                1,
                "x"
              ]
            }

            """)
    }
}
