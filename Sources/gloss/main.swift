import GlossCLI

if !QuickLaunch.runIfSimple(Array(CommandLine.arguments.dropFirst())) {
    GlossCommand.main()
}
