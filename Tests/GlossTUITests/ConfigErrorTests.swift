import Testing
@testable import GlossTUI

/// Every error names the file, the line and the key, in one line.
@Suite struct ConfigErrorTests {
    func error(_ text: String) -> ConfigError? {
        do {
            _ = try ConfigLoader.parse(text, file: "config.toml")
            return nil
        } catch {
            return error
        }
    }

    func message(_ text: String) -> String? {
        error(text)?.description
    }

    @Test func unknownKeyWithSuggestion() {
        let text = (1...10).map { "# comment \($0)" }.joined(separator: "\n") + """

            [reader]
            mesure = 81
            """
        #expect(message(text) == #"config.toml:12: unknown key "reader.mesure" (did you mean "measure"?)"#)
        #expect(error(text) == .unknownKey(ConfigLocation(file: "config.toml", line: 12), key: "reader.mesure", suggestion: "measure"))
    }

    @Test func unknownKeyWithoutSuggestion() {
        #expect(message("[pane]\nwidth = 40\nflavour = \"mint\"\n") == #"config.toml:3: unknown key "pane.flavour""#)
    }

    @Test func unknownTableAndDottedKeys() {
        #expect(message("\n[reaader]\nmeasure = 80\n") == #"config.toml:2: unknown key "reaader" (did you mean "reader"?)"#)
        #expect(message("reader.margin = 1\nreader.mesure = 3\n") == #"config.toml:2: unknown key "reader.mesure" (did you mean "measure"?)"#)
        #expect(message("[keys.normal]\nj = \"move-down\"\n") == #"config.toml:1: unknown key "keys.normal""#)
        #expect(message("[keys.readr]\nj = \"move-down\"\n") == #"config.toml:1: unknown key "keys.readr" (did you mean "reader"?)"#)
        #expect(message("[colors]\ntitle = \"bold\"\nheadline = \"bold\"\n") == #"config.toml:3: unknown key "colors.headline" (did you mean "heading"?)"#)
    }

    @Test func firstUnknownKeyInFileOrderIsReported() {
        #expect(message("zzz = 1\naaa = 2\n") == #"config.toml:1: unknown key "zzz""#)
    }

    @Test func unknownAction() {
        let text = """
            [reader]
            measure = 80

            [keys.reader]
            j = "move-down"
            k = "move-up"
            x = "jump-far"
            """
        #expect(message(text) == #"config.toml:7: keys.reader: unknown action "jump-far" for key "x""#)
        #expect(message("[keys.pane]\n\"<C-x>\" = \"move-dwon\"\n")
            == #"config.toml:2: keys.pane: unknown action "move-dwon" for key "<C-x>" (did you mean "move-down"?)"#)
    }

    @Test func unknownKeyNotation() {
        let text = "[keys.visual]\n\"<Hyper-x>\" = \"cancel\"\n"
        #expect(error(text) == .unknownKeyNotation(ConfigLocation(file: "config.toml", line: 2), mode: .visual, notation: "<Hyper-x>"))
        #expect(message(text)?.hasPrefix(#"config.toml:2: keys.visual: unknown key notation "<Hyper-x>""#) == true)
        #expect(message("[keys.reader]\nxy = \"top\"\n")?.hasPrefix(#"config.toml:2: keys.reader: unknown key notation "xy""#) == true)
    }

    @Test func bindingMustBeAString() {
        #expect(message("[keys.library]\nj = 3\n")
            == #"config.toml:2: keys.library.j must be a string (an action name, or "none" to unbind), not an integer (3)"#)
    }

    @Test func badColour() {
        let text = "[colors]\ntitle = \"bold\"\nheading = \"bold purpel\"\n"
        #expect(message(text) == #"config.toml:3: bad colour "purpel" in colors.heading"#)
        #expect(message("[colors]\nlink = \"underline on bleu\"\n") == #"config.toml:2: bad colour "bleu" in colors.link (did you mean "blue"?)"#)
        #expect(message("[colors]\nstatus = \"reverce\"\n") == #"config.toml:2: bad colour "reverce" in colors.status (did you mean "reverse"?)"#)
    }

    @Test func malformedStyle() {
        #expect(message("[colors]\nfocus = \"bold on\"\n")
            == #"config.toml:2: colors.focus must be a style like "bold yellow on blue" ("on" must be followed by a colour), not "bold on""#)
        #expect(message("[colors]\nfocus = \"red green\"\n")?.hasPrefix("config.toml:2: colors.focus must be a style") == true)
    }

    @Test func syntaxErrorCarriesLine() throws {
        let text = "[reader]\nmeasure = 80\n\nmargin = 2\nmeasure = = 3\n"
        let found = try #require(error(text))
        guard case .syntax(let location, let column, _) = found else {
            Issue.record("expected a syntax error, got \(found)")
            return
        }
        #expect(location == ConfigLocation(file: "config.toml", line: 5))
        #expect(column != nil)
        #expect(found.description.hasPrefix("config.toml:5: syntax error: "))
    }

    @Test func duplicateKeyIsASyntaxError() {
        #expect(message("[reader]\nmeasure = 80\nmeasure = 81\n")?.hasPrefix("config.toml:3: syntax error: ") == true)
    }

    @Test func wrongTypes() {
        #expect(message("[reader]\nmeasure = \"80\"\n") == #"config.toml:2: reader.measure must be an integer, not a string ("80")"#)
        #expect(message("[reader]\nmargin = 2.5\n") == "config.toml:2: reader.margin must be an integer, not a floating-point number (2.5)")
        #expect(message("[pane]\nvisible = \"yes\"\n") == #"config.toml:2: pane.visible must be true or false, not a string ("yes")"#)
        #expect(message("articles-directory = 3\n") == "config.toml:1: articles-directory must be a string, not an integer (3)")
        #expect(message("reader = 3\n") == "config.toml:1: reader must be a table, not an integer (3)")
        #expect(message("[highlight]\ncolors = \"yellow\"\n") == #"config.toml:2: highlight.colors must be an array, not a string ("yellow")"#)
        #expect(message("[pane]\nwidth = true\n")?.hasPrefix(#"config.toml:2: pane.width must be a percentage like "40%""#) == true)
    }

    @Test func outOfRangeValues() {
        #expect(message("[reader]\nmeasure = 5\n") == "config.toml:2: reader.measure must be between 20 and 500, not 5")
        #expect(message("[reader]\nmargin = -1\n") == "config.toml:2: reader.margin must be between 0 and 40, not -1")
        #expect(message("[highlight]\ndefault = 5\n") == "config.toml:2: highlight.default must be between 1 and 4, not 5")
        #expect(message("[pane]\nwidth = \"140%\"\n")?.hasPrefix(#"config.toml:2: pane.width must be a percentage"#) == true)
        #expect(message("[pane]\nwidth = \"140%\"\n")?.hasSuffix(#"not "140%""#) == true)
        #expect(message("[pane]\nwidth = 0\n")?.hasSuffix("not 0") == true)
        #expect(message("data-directory = \"\"\n") == "config.toml:1: data-directory must be a path, not an empty string")
    }

    @Test func highlightColourErrors() {
        let text = """
            [highlight]
            colors = [
                "yellow",
                { name = "green", color = "purpel" },
                "blue",
                "red",
            ]
            """
        #expect(message(text) == #"config.toml:4: bad colour "purpel" in entry 2 of highlight.colors"#)
        #expect(message("[highlight]\ncolors = [\"yellow\", \"green\"]\n")
            == "config.toml:2: highlight.colors must be a list of exactly 4 colours, not 2 entries")
        #expect(message("[highlight]\ncolors = [\"red\", \"green\", \"blue\", \"red\"]\n")
            == #"config.toml:2: entry 4 of highlight.colors must be named uniquely, not a second "red""#)
        #expect(message("[highlight]\ncolors = [\"red\", \"green\", \"blue\", { name = \"x\", colour = \"red\" }]\n")
            == #"config.toml:2: unknown key "highlight.colors.colour" (did you mean "color"?)"#)
        #expect(message("[highlight]\ncolors = [1, \"green\", \"blue\", \"red\"]\n")?
            .hasPrefix("config.toml:2: entry 1 of highlight.colors must be a colour name") == true)
    }

    @Test func fileNameIsTheOneGiven() {
        do {
            _ = try ConfigLoader.parse("[reader]\nmeasure = 1\n", file: "/home/ann/.config/gloss/config.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("/home/ann/.config/gloss/config.toml:2: "))
        }
    }

    @Test func crlfLineEndings() {
        #expect(message("[reader]\r\nmargin = 1\r\nmesure = 3\r\n") == #"config.toml:3: unknown key "reader.mesure" (did you mean "measure"?)"#)
    }

    @Test func multiLineStringsDoNotConfuseLineNumbers() {
        let text = """
            [export]
            template = '''
            measure = 1
            '''
            [reader]
            measure = 1
            """
        #expect(message(text) == "config.toml:6: reader.measure must be between 20 and 500, not 1")
    }
}
