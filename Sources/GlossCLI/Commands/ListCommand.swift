import ArgumentParser
import Foundation
import GlossCore
import GlossTUI

extension LibraryView: ExpressibleByArgument {}

/// `gloss list`: the library as a table or JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Print the library as a table (or JSON).")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "Which articles: inbox (not archived), unread, starred, archive or all.")
    var view: LibraryView = .all

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            let items: [LibraryItem]
            switch LiveServices(workspace: workspace).loadLibrary() {
            case .success(let loaded): items = loaded.filter { $0.isShown(in: view) }
            case .failure(let failure): throw .failed(failure.description)
            }
            Console.out(json ? LibraryListing.json(items) : LibraryListing.table(items))
        }
    }
}
