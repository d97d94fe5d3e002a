import ArgumentParser
import GlossCore
import GlossStorage

/// `gloss mark FILE... --read|--unread|--star|--unstar|--archive|--unarchive`: triage from scripts.
struct MarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark", abstract: "Mark articles read, unread, starred or archived.",
        discussion: "Exits 0 when every article was marked, 1 when one is unknown (the others are still marked).")

    enum Change: String, EnumerableFlag {
        case read, unread, star, unstar, archive, unarchive

        static func help(for value: Change) -> ArgumentHelp? {
            switch value {
            case .read: return "Mark read."
            case .unread: return "Mark unread."
            case .star: return "Star."
            case .unstar: return "Remove the star."
            case .archive: return "Archive (leaves the Inbox view)."
            case .unarchive: return "Move back from the archive."
            }
        }
    }

    @Argument(help: "Articles: paths as given, or relative to the articles directory.")
    var files: [String]

    @Flag(exclusivity: .exclusive)
    var change: Change

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one article") }
    }

    func run() throws {
        var missing = false
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            let located = ArticleArguments.locate(files, in: workspace)
            if !located.keys.isEmpty {
                guard let mark = MarkChange(rawValue: change.rawValue) else { return }
                let store = StateStore(dataDirectory: workspace.paths.data)
                do throws(StorageError) {
                    _ = try store.mark(mark, located.keys, contentHashes: located.hashes)
                } catch {
                    throw .failed(error.description)
                }
                for key in located.keys { Console.out("\(mark.pastTense) \(key)" + "\n") }
            }
            missing = !located.missing.isEmpty
        }
        if missing { throw ExitCode(1) }
    }
}

extension MarkChange {
    /// What `gloss mark` reports after the change.
    var pastTense: String {
        switch self {
        case .read: return "marked read:"
        case .unread: return "marked unread:"
        case .star: return "starred:"
        case .unstar: return "unstarred:"
        case .archive: return "archived:"
        case .unarchive: return "unarchived:"
        }
    }
}
