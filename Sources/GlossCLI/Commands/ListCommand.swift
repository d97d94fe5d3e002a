import ArgumentParser
import Foundation
import GlossTUI

/// `gloss list`: the library as a table or JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Print the library as a table (or JSON).")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures { () throws(CLIError) in
            let workspace = try Workspace.make(global)
            let items: [LibraryItem]
            switch LiveServices(workspace: workspace).loadLibrary() {
            case .success(let loaded): items = loaded
            case .failure(let failure): throw .failed(failure.description)
            }
            Console.out(json ? LibraryListing.json(items) : LibraryListing.table(items))
        }
    }
}
