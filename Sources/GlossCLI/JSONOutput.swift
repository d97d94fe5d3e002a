import GlossCore

/// JSON printed for scripts that is also safe to print on a terminal.
enum JSONOutput {
    /// `json` with every C1 control and bidi control written as a `\uXXXX` escape. The encoder
    /// already escapes C0 controls; these others are legal raw in JSON but would reach the
    /// terminal when the output is not piped. They only occur inside strings, where the escape
    /// decodes to the same text.
    static func terminalSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0 != "\n" && TerminalSafe.needsPlaceholder($0) }) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard scalar != "\n", TerminalSafe.needsPlaceholder(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
        }
        return String(out)
    }
}
