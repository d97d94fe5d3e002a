import Foundation

/// A line of results on stdout, written at once so progress on stderr interleaves correctly.
func output(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// A progress line on stderr, so stdout stays the result table.
func progress(_ message: String) {
    FileHandle.standardError.write(Data(("gloss-bench: " + message + "\n").utf8))
}
