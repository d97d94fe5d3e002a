import ArgumentParser
import Foundation
import GlossCore

/// Runs a command body, printing a failure as one line on stderr with its exit code.
func reportingFailures(_ body: () throws(CLIError) -> Void) throws {
    do {
        try body()
    } catch {
        // Messages quote file names and article text: `Console` shows their control characters, never sends them.
        Console.message(error.description)
        throw ExitCode(error.exitCode)
    }
}

/// Runs a printing command: builds the workspace, prints the output on stdout, and sends
/// storage and re-anchoring messages to stderr as `gloss: …` lines.
func printingOutput(
    _ global: GlobalOptions, _ output: (Workspace, (String) -> Void) throws(CLIError) -> String
) throws {
    try reportingFailures { () throws(CLIError) in
        let workspace = try Workspace.make(global)
        let out = try output(workspace) { message in Console.message(message) }
        Console.out(out)
    }
}
