import Testing

@testable import GlossTUI

/// Inputs the fuzz targets (Fuzz/, docs/FUZZING.md) found to break a property, kept as tests.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// fuzz-keys: the note editor opened over a line with 🍜 whose second half was under the
    /// popup's left edge. Filling the popup blanked that half only, leaving half a character
    /// on screen (the terminal would draw it over the border).
    @Test func fillingARectNeverLeavesHalfADoubleWidthCharacter() {
        var buffer = Buffer(width: 12, height: 2)
        buffer.put("ab🍜cd漢ef", x: 0, y: 0)
        buffer.put("ab🍜cd漢ef", x: 0, y: 1)
        buffer.fill(Rect(x: 3, y: 0, width: 4, height: 2))
        for y in 0..<2 {
            #expect(buffer.cell(x: 2, y: y)?.text == " ", "the left half of 🍜 went with its right half")
            #expect(buffer.cell(x: 7, y: y)?.text == " ", "the right half of 漢 went with its left half")
            #expect(buffer.lines[y] == "ab      ef  ")
        }
    }

    /// fuzz-config: `[|eys.reader]` and `colors = [}"yellow"]`. The TOML parser asserts on a
    /// table name that starts with a character no key can start with, and on a `}` where an
    /// array expects a value, which aborted gloss; both are now syntax errors.
    @Test(arguments: [
        ("[|eys.reader]\nj = \"move-down\"\n", 1, 2, TOMLPreflight.badTableName),
        ("measure = 1\n[[ =]]\n", 2, 4, TOMLPreflight.badTableName),
        ("# c\n[\t#\n", 2, 3, TOMLPreflight.badTableName),
        ("[\n", 1, 2, TOMLPreflight.badTableName),
        ("[été]\n", 1, 2, TOMLPreflight.badTableName),
        ("[highlight]\ncolors = [}\"yellow\", { name = \"x\" }]\n", 2, 11, TOMLPreflight.badArrayValue),
        ("a = [1, # c\n  }]\n", 2, 3, TOMLPreflight.badArrayValue),
        ("a = [[\u{2028}]]\n", 1, 7, TOMLPreflight.badArrayValue),
    ])
    func malformedTablesAndArraysAreSyntaxErrors(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try ConfigLoader.parse(text, file: "config.toml")
            Issue.record("\(text.debugDescription) parsed")
        } catch {
            #expect(error == .syntax(ConfigLocation(file: "config.toml", line: line), column: column, message: message))
        }
    }

    /// Lines starting with `[` inside multi-line arrays, strings and comments are not headers,
    /// and `}` closing an inline table inside an array is fine.
    @Test func bracketsInsideValuesAreNotTableHeaders() throws {
        let text = """
            [highlight]
            colors = [
                "yellow", # [ not a header
              [ "x" ], { name = "y", color = "red" },
            ]
            [reader]
            measure = 72
            """
        #expect(TOMLPreflight.firstProblem(in: text) == nil)
        #expect(TOMLPreflight.firstProblem(in: "a = \"\"\"\n[=\n\"\"\"\nb = [\n[ {x = 1} ],\n]\n[ok]\n") == nil)
        #expect(TOMLPreflight.firstProblem(in: "a = '''\n'''\n[+]") == .init(line: 3, column: 2, message: TOMLPreflight.badTableName))
        let config = try ConfigLoader.parse("[reader]\nmeasure = 72\n[ 'pane' ]\nvisible = false\n", file: "c.toml")
        #expect(config.reader.measure == 72)
        #expect(config.pane.visible == false)
    }
}
