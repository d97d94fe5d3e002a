import GlossCLI

GlossCommand.start()
