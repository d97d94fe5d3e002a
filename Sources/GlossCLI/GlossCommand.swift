import ArgumentParser
import Glibc

/// The `gloss` command: opens the library when run without a subcommand.
public struct GlossCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gloss",
        abstract: "A keyboard-driven terminal reader for close reading, highlights and notes.",
        discussion: """
            Run without a command to open the library of the articles directory.
            Keys: press ? in the app for the live keymap. Files: see README.md.
            Feeds: `gloss feeds add URL`, then `gloss fetch` (or R in the library).
            Environment: GLOSS_ARTICLES_DIR, GLOSS_DATA_DIR, GLOSS_CONFIG, GLOSS_FEEDS, XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_STATE_HOME, NO_COLOR.
            """,
        version: "0.1.0",
        subcommands: [
            LibraryCommand.self, ReadCommand.self, ListCommand.self, DumpCommand.self, NotesCommand.self, AnnotateCommand.self, ExportCommand.self,
            FetchCommand.self, FeedsCommand.self, AddCommand.self, MarkCommand.self, DeleteCommand.self, TrashCommand.self,
            SearchCommand.self,
        ],
        defaultSubcommand: LibraryCommand.self
    )

    public init() {}

    /// Runs the command line. A file size limit (`ulimit -f`) then makes a write fail with a clear
    /// message instead of killing gloss with SIGXFSZ before it can say anything.
    public static func start() {
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if QuickLaunch.runIfSimple(arguments) { Glibc.exit(Console.finish(status: 0)) }
        // ArgumentParser's own `main()`, but its messages (which quote the arguments) go through
        // `Console`, and a failed write to stdout (even of `--help`) is an error.
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Glibc.exit(Console.finish(status: 0))
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error).rawValue
            if !message.isEmpty {
                if code == 0 { Console.out(message + "\n") } else { Console.err(message + "\n") }
            }
            Glibc.exit(Console.finish(status: code))
        }
    }
}
