import GlossCore
import GlossStorage

/// Article arguments of the triage commands, found as `Workspace.locate` finds them; the
/// unknown ones are reported on stderr and returned so the command can exit 1.
enum ArticleArguments {
    struct Located {
        /// Keys (paths relative to the articles directory, or absolute outside it).
        var keys: [String] = []
        /// The hash of each found article's bytes, so its marks can follow a rename.
        var hashes: [String: String] = [:]
        var missing: [String] = []
    }

    static func locate(_ files: [String], in workspace: Workspace) -> Located {
        var located = Located()
        for file in files {
            do throws(CLIError) {
                let (absolute, key) = try workspace.locate(file)
                located.keys.append(key)
                if let bytes = try? ArticleFile.read(absolute) {
                    located.hashes[key] = LibraryEntry.contentHash(of: bytes)
                }
            } catch {
                Console.message(error.description)
                located.missing.append(file)
            }
        }
        return located
    }
}
