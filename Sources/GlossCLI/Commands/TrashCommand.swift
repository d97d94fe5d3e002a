import ArgumentParser
import Glibc
import GlossCore
import GlossStorage

/// `gloss trash list|restore|empty`: deleted articles, kept under `<data>/trash/`.
struct TrashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trash", abstract: "List, restore or empty deleted articles.",
        subcommands: [List.self, Restore.self, Empty.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the trash: when each article was deleted, its old path, its notes.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingFailures { () throws(CLIError) in
                let workspace = try Workspace.make(global)
                let trashed = workspace.trash.list()
                guard !trashed.isEmpty else {
                    Console.out("The trash is empty." + "\n")
                    return
                }
                for article in trashed {
                    let notes = workspace.liveAnnotationCount(of: article.originalPath)
                    let date = String(article.deleted.description.prefix(16)).replacingOccurrences(of: "T", with: " ")
                    Console.out("\(date)  \(article.originalPath)" + (notes > 0 ? "  (\(notes) note\(notes == 1 ? "" : "s"))" : "") + "\n")
                }
            }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore", abstract: "Move deleted articles back to their old place, notes reattached.")

        @Argument(help: "The articles' old paths (as `gloss trash list` shows them).")
        var files: [String]

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one article") }
        }

        func run() throws {
            try reportingFailures { () throws(CLIError) in
                let workspace = try Workspace.make(global)
                var failed = false
                for file in files {
                    guard let article = workspace.trash.find(file) else {
                        Console.message("not in the trash: \(file)")
                        failed = true
                        continue
                    }
                    do throws(StorageError) {
                        try workspace.trash.restore(article)
                        let notes = workspace.liveAnnotationCount(of: article.originalPath)
                        Console.out("restored \(article.originalPath)" + (notes > 0 ? " with \(notes) note\(notes == 1 ? "" : "s")" : "") + "\n")
                    } catch {
                        Console.message("could not restore \(article.originalPath): \(error.description)")
                        failed = true
                    }
                }
                if failed { throw .failed("not every article was restored") }
            }
        }
    }

    struct Empty: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "empty", abstract: "Remove deleted articles for good.",
            discussion: """
                Asks first on a terminal. An article that still has notes is kept unless \
                --with-notes is given (its notes stay in the data directory either way).
                """)

        @Option(name: .customLong("older-than"), help: "Only articles deleted more than DAYS days ago.")
        var olderThan: Int?

        @Flag(name: .customLong("with-notes"), help: "Also remove articles that have notes.")
        var withNotes = false

        @Flag(name: [.customShort("y"), .long], help: "Don't ask for confirmation.")
        var yes = false

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if let olderThan, olderThan < 0 { throw ValidationError("--older-than takes a number of days, 0 or more") }
        }

        func run() throws {
            try reportingFailures { () throws(CLIError) in
                let workspace = try Workspace.make(global)
                let now = SystemClock.now()
                let cutoff = now.millisecondsSince1970 - Int64(olderThan ?? 0) * 86_400_000
                let old = workspace.trash.list().filter { olderThan == nil || $0.deleted.millisecondsSince1970 <= cutoff }
                let doomed = withNotes ? old : old.filter { workspace.liveAnnotationCount(of: $0.originalPath) == 0 }
                let kept = old.count - doomed.count
                guard !doomed.isEmpty else {
                    Console.out("Nothing to remove" + (kept > 0 ? ": \(kept) with notes kept (use --with-notes)." : ".") + "\n")
                    return
                }
                if !yes, isatty(STDIN_FILENO) == 1 {
                    Console.out("remove \(doomed.count) article\(doomed.count == 1 ? "" : "s") from the trash for good? (y/n) ")
                    guard let answer = readLine(), answer.lowercased().hasPrefix("y") else {
                        Console.out("Nothing removed." + "\n")
                        return
                    }
                }
                var failed = false
                for article in doomed {
                    do throws(StorageError) {
                        try workspace.trash.remove(article)
                    } catch {
                        Console.message(error.description)
                        failed = true
                    }
                }
                Console.out("removed \(doomed.count) article\(doomed.count == 1 ? "" : "s")"
                    + (kept > 0 ? "; kept \(kept) with notes (use --with-notes)" : "") + "\n")
                if failed { throw .failed("not every article was removed") }
            }
        }
    }
}
