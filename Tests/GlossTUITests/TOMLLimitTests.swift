import Testing

@testable import GlossTUI

/// The TOML preflight's bounds, through `ConfigLoader.parse` as gloss reads `config.toml`: keys
/// of too many dotted parts (quadratic memory in the TOML parser: `[a.a.a.…]` of 10,000 parts
/// took 0.8 GB), values nested too deep, lines too long and NUL bytes are syntax errors found
/// before the TOML parser sees the text.
@Suite("Parser depth limits: TOML")
struct TOMLLimitTests {
    static let parts = Array(repeating: "a", count: 10_000).joined(separator: ".")
    static let justOver = Array(repeating: "a", count: TOMLPreflight.maximumKeyParts + 1).joined(separator: ".")

    @Test(arguments: [
        ("[\(parts)]\n", 1),
        ("[[\(parts)]]\n", 1),
        ("x = 1\n\(parts) = 1\n", 2),
        ("x = { \(parts) = 1 }\n", 1),
        ("x = { b = 2, \(justOver) = 1 }\n", 1),
        ("[\"q.q\".\(justOver)]\n", 1),
    ])
    func aKeyOfTooManyPartsIsASyntaxError(text: String, line: Int) {
        #expect(syntaxError(text)?.line == line)
        #expect(syntaxError(text)?.message == "a key has more than 64 dotted parts")
    }

    @Test func keysUnderTheLimitAndDotsInValuesAndStringsAreFine() {
        let parts = Array(repeating: "a", count: TOMLPreflight.maximumKeyParts).joined(separator: ".")
        #expect(TOMLPreflight.firstProblem(in: "[\(parts)]\n\(parts) = 1\n") == nil)
        let dots = String(repeating: "1.5, ", count: 200)
        #expect(TOMLPreflight.firstProblem(in: "a = [\(dots)]\nb = \"\(String(repeating: ".", count: 500))\"\n[\"\(String(repeating: ".", count: 500))\"]\n") == nil)
        #expect(TOMLPreflight.firstProblem(in: "x = { a = 1.5, b = { c = 2.5 } }\n") == nil)
    }

    @Test(arguments: ["x = " + String(repeating: "[", count: 10_000), "x = " + String(repeating: "{ a = ", count: 10_000),
                      "x = " + String(repeating: "[{a = ", count: 40)])
    func valuesNestedTooDeepAreASyntaxError(text: String) {
        #expect(syntaxError(text)?.message == "arrays and inline tables nested more than 64 deep")
        let fine = "x = " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n"
        #expect(TOMLPreflight.firstProblem(in: fine) == nil)
    }

    @Test func aLineLongerThanTheLimitIsASyntaxError() {
        let long = "x = \"" + String(repeating: "é", count: TOMLPreflight.maximumLineLength) + "\"\n"
        let error = syntaxError("a = 1\n" + long)
        #expect(error?.line == 2)
        #expect(error?.message == "a line is longer than 65536 bytes")
        #expect(TOMLPreflight.firstProblem(in: "x = \"" + String(repeating: "a", count: 60_000) + "\"\n") == nil)
    }

    /// What the parser (and every section's checks) make of it, as the user sees it.
    private func syntaxError(_ text: String) -> (line: Int?, message: String)? {
        do {
            _ = try ConfigLoader.parse(text, file: "config.toml")
            return nil
        } catch {
            guard case let .syntax(location, _, message) = error else { return nil }
            return (location.line, message)
        }
    }
}
