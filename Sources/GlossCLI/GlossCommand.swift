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
            Environment: GLOSS_ARTICLES_DIR, GLOSS_DATA_DIR, GLOSS_CONFIG, GLOSS_FEEDS, XDG_DATA_HOME, XDG_CONFIG_HOME, NO_COLOR.
            """,
        version: "0.1.0",
        subcommands: [
            LibraryCommand.self, ReadCommand.self, ListCommand.self, DumpCommand.self, NotesCommand.self, AnnotateCommand.self, ExportCommand.self,
            FetchCommand.self, FeedsCommand.self, AddCommand.self, SearchCommand.self,
        ],
        defaultSubcommand: LibraryCommand.self
    )

    public init() {}

    /// Runs the command line. A file size limit (`ulimit -f`) then makes a write fail with a clear
    /// message instead of killing gloss with SIGXFSZ before it can say anything.
    public static func start() {
        signal(SIGXFSZ, SIG_IGN)
        if !QuickLaunch.runIfSimple(Array(CommandLine.arguments.dropFirst())) {
            main()
        }
    }
}
