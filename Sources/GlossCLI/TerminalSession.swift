import Foundation
import Glibc
import GlossNcurses
import GlossTUI

/// Runs the TUI on the real terminal and gives the terminal back on every exit path.
enum TerminalSession {
    static func run(workspace: Workspace, screen: ScreenKind, startup: [Effect], paragraph: Int? = nil) throws(CLIError) {
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(useColor: workspace.useColor)
        } catch {
            throw .terminal(error.description)
        }
        defer { terminal.stop() }
        let config = workspace.config
        let services = LiveServices(workspace: workspace, paragraphOverride: paragraph)
        var state = AppState(
            size: terminal.size, keymap: config.keymap, theme: config.theme, settings: config.reader,
            screen: screen, quitsWithReader: screen == .reader)
        state.linkSettings = config.links
        let app = App(state: state, terminal: terminal, services: services)
        app.run(startup: startup)
        terminal.stop()
        if let failure = app.state.message, failure.isError, app.state.reader == nil, screen == .reader {
            throw .failed(failure.text)
        }
        let signal = NcursesTerminal.signalReceived
        if signal != 0 {
            // End by the same signal, now that the terminal is restored, so that a calling shell
            // or script sees what happened (a loop in a script stops on SIGINT).
            Glibc.signal(signal, SIG_DFL)
            raise(signal)
            exit(128 + signal)
        }
    }
}
