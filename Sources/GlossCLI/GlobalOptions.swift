import ArgumentParser

/// Options every command takes: where articles, data and config live.
public struct GlobalOptions: ParsableArguments {
    @Option(
        name: .customLong("articles"), help: ArgumentHelp(
            "Articles directory (env GLOSS_ARTICLES_DIR; default ./Articles if it exists, else $XDG_DATA_HOME/gloss/articles).",
            valueName: "dir"))
    public var articles: String?

    @Option(
        name: .customLong("data"), help: ArgumentHelp(
            "Data directory for notes and reading positions (env GLOSS_DATA_DIR; default $XDG_DATA_HOME/gloss).",
            valueName: "dir"))
    public var data: String?

    @Option(
        name: .customLong("config"), help: ArgumentHelp(
            "Config file (env GLOSS_CONFIG; default $XDG_CONFIG_HOME/gloss/config.toml).", valueName: "file"))
    public var config: String?

    public init() {}
}
