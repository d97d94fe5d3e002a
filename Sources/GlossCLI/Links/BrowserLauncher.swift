import Foundation
import Glibc
import GlossCore

/// Starts the user's browser on a link, without a shell: `[links] browser` (a command line in
/// which `%u` stands for the URL, else the URL is appended), else the first entry of `$BROWSER`
/// (a colon-separated list; `%s` also stands for the URL there), else `xdg-open`. The URL is one
/// argument, so nothing in it is ever run or split.
struct BrowserLauncher {
    var configured: String?
    var environment: [String: String]

    /// The program and its arguments for `url`; the URL is refused unless it is http, https or
    /// mailto without control characters (checked again here, whoever asks).
    func command(for url: String) throws(CLIError) -> [String] {
        if let refusal = LinkURL.refusal(toOpen: url) { throw .failed(refusal) }
        var line = "xdg-open"
        var placeholders = ["%u"]
        if let configured, !Self.words(configured).isEmpty {
            line = configured
        } else if let first = environment["BROWSER"]?.split(separator: ":").first, !Self.words(String(first)).isEmpty {
            line = String(first)
            placeholders.append("%s")
        }
        var words = Self.words(line)
        var substituted = false
        for index in words.indices.dropFirst() {
            for placeholder in placeholders where words[index].contains(placeholder) {
                words[index] = words[index].replacingOccurrences(of: placeholder, with: url)
                substituted = true
            }
        }
        if !substituted { words.append(url) }
        return words
    }

    /// Opens `url`; nil when the browser started (detached), or finished well (in the terminal).
    func open(_ url: String, inTerminal: Bool) -> String? {
        let words: [String]
        let executable: String
        do throws(CLIError) {
            words = try command(for: url)
            executable = try resolve(words[0])
        } catch {
            return error.description
        }
        if inTerminal {
            do {
                switch try ExternalEditorProcess.run(executable, arguments: words, environment: environment) {
                case .exited(status: 0): return nil
                case .exited(let status): return "the browser \(Self.shown(words[0])) exited with status \(status)"
                case .killed(let signal): return "the browser \(Self.shown(words[0])) was killed by signal \(signal)"
                }
            } catch {
                return "could not start the browser \(Self.shown(words[0])): \(error.description)"
            }
        }
        return Self.startDetached(executable, arguments: words, environment: environment)
            .map { "could not start the browser \(Self.shown(words[0])): \($0)" }
    }

    private func resolve(_ program: String) throws(CLIError) -> String {
        do {
            return try ExternalEditor(environment: environment).resolve(program)
        } catch {
            throw .failed("could not start the browser \(Self.shown(program)): not found (set [links] browser or $BROWSER)")
        }
    }

    private static func shown(_ program: String) -> String {
        "\"" + TerminalSafe.visible(program) + "\""
    }

    /// A command line split into words at whitespace; single or double quotes keep a word whole.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// Starts a graphical browser in its own session, its input and output on /dev/null so it
    /// can't write over the screen; a thread waits for it so it leaves no zombie. nil when started.
    static func startDetached(_ executable: String, arguments: [String], environment: [String: String]) -> String? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let spawned = withUnsafePointer(to: &actions) { pointer in
            ExternalEditorProcess.spawn(
                executable, arguments: arguments, environment: environment, fileActions: pointer, newSession: true)
        }
        let pid: pid_t
        switch spawned {
        case .success(let started): pid = started
        case .failure(let failure): return failure.reason
        }
        let child = pid
        Thread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) == -1, errno == EINTR {}
        }.start()
        return nil
    }
}
