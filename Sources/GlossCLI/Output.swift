import Foundation
import GlossCore

/// Lines the triage commands print: outside text (file names, titles) shown with visible
/// placeholders for control characters, never sent raw.
enum Output {
    static func line(_ text: String) {
        print(TerminalSafe.visible(text))
    }

    /// A question on stdout, the answer typed after it on the same line.
    static func prompt(_ text: String) {
        // Unbuffered, so the question is on screen before the answer is read.
        FileHandle.standardOutput.write(Data(TerminalSafe.visible(text).utf8))
    }

    /// A `gloss: …` line on stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data("gloss: \(TerminalSafe.visible(text))\n".utf8))
    }
}
