import ArgumentParser
import GlossTUI

/// `gloss` / `gloss library`: the interactive library.
struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library", abstract: "Open the library of articles (the default command).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            try TerminalSession.run(workspace: workspace, screen: .library, startup: [])
        }
    }
}
