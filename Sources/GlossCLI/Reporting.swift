import ArgumentParser
import Foundation

/// Runs a command body, printing a failure as one line on stderr with its exit code.
func reportingFailures(_ body: () throws(CLIError) -> Void) throws {
    do {
        try body()
    } catch {
        FileHandle.standardError.write(Data("gloss: \(error.description)\n".utf8))
        throw ExitCode(error.exitCode)
    }
}
