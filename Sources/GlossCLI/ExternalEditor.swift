import Glibc

/// Edits a note in the user's `$VISUAL` or `$EDITOR` (else `vi`), run without a shell: the
/// variable is split on whitespace into an argument vector and the file name is appended, so a
/// `;`, `$(...)`, quote or glob in it reaches the editor as plain text and runs nothing.
///
/// The caller hands the terminal over (suspends its screen) before `edit` and takes it back after.
struct ExternalEditor {
    /// The largest edited note read back.
    static let sizeLimit = 16 << 20

    /// The editor's program and its arguments, before the file name.
    let command: [String]
    /// The environment the editor runs with; its `PATH` finds the program and its `TMPDIR`
    /// holds the temporary file.
    let environment: [String: String]

    init(environment: [String: String]) {
        self.environment = environment
        self.command = Self.command(from: environment)
    }

    /// `$VISUAL`, else `$EDITOR`, split on whitespace; `vi` when both are unset or blank.
    static func command(from environment: [String: String]) -> [String] {
        for name in ["VISUAL", "EDITOR"] {
            let words = (environment[name] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
            if !words.isEmpty { return words }
        }
        return ["vi"]
    }

    /// Where the private temporary directory goes: `$TMPDIR` when it is an absolute path, else /tmp.
    var temporaryBase: String {
        guard let value = environment["TMPDIR"], value.hasPrefix("/") else { return "/tmp" }
        var base = Substring(value)
        while base.count > 1, base.hasSuffix("/") { base = base.dropLast() }
        return String(base)
    }

    /// Writes `text` to a temporary file, runs the editor on it and returns what it saved,
    /// trailing line breaks removed. The temporary file is gone when this returns.
    func edit(_ text: String) throws(ExternalEditorError) -> String {
        guard let program = command.first else { throw .notFound(command: "") }
        let executable = try resolve(program)
        var contents = Array(text.utf8)
        // Editors expect a text file to end with a line break and add one anyway.
        if let last = contents.last, last != UInt8(ascii: "\n") { contents.append(UInt8(ascii: "\n")) }
        let file = try ExternalEditorTemporaryFile.create(in: temporaryBase, contents: contents)
        defer { file.remove() }

        switch try ExternalEditorProcess.run(executable, arguments: command + [file.path], environment: environment) {
        case .exited(status: 0):
            break
        case .exited(let status):
            throw .exited(command: program, status: status)
        case .killed(let signal):
            throw .killed(command: program, signal: signal)
        }
        let bytes = try file.read(limit: Self.sizeLimit)
        guard var edited = String(validating: bytes, as: UTF8.self) else { throw .notUTF8(path: file.path) }
        while let last = edited.last, last.isNewline { edited.removeLast() }
        return edited
    }

    /// The program's path: as given when it names a path, else the first executable file
    /// called `program` in the directories of `PATH`.
    func resolve(_ program: String) throws(ExternalEditorError) -> String {
        if program.contains("/") {
            guard access(program, F_OK) == 0 else { throw .notFound(command: program) }
            return program
        }
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + program
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        throw .notFound(command: program)
    }
}
