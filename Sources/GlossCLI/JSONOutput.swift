import GlossCore

/// JSON printed for scripts that is also safe to print on a terminal.
enum JSONOutput {
    /// `json` with every C1 control, DEL and bidi control written as a `\uXXXX` escape. The
    /// encoder already escapes C0 controls; these others are legal raw in JSON but would reach
    /// the terminal when the output is not piped. They only occur inside strings, where the
    /// escape decodes to the same text.
    static func terminalSafe(_ json: String) -> String {
        TerminalSafe.escaping(json) { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// Markdown with every control and bidi control written as a numeric character reference
    /// (`&#8238;`), which a Markdown reader turns back into the same character. The built-in
    /// export already does this for controls; bidi controls and a template's output need it
    /// when the export goes to stdout, which may be a terminal.
    static func terminalSafeMarkdown(_ markdown: String) -> String {
        TerminalSafe.escaping(markdown) { "&#\($0.value);" }
    }
}
