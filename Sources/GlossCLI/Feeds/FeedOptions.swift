import ArgumentParser

/// The feed list to use, for the commands that read or edit it.
struct FeedOptions: ParsableArguments {
    @Option(
        name: .customLong("feeds"), help: ArgumentHelp(
            "Feed list (env GLOSS_FEEDS; default $XDG_CONFIG_HOME/gloss/feeds.toml).", valueName: "file"))
    var feeds: String?

    func path(_ environment: [String: String]) -> String {
        FeedsLocation.resolve(explicit: feeds, environment: environment)
    }
}

/// Download limits, shared by `gloss fetch` and `gloss add`.
struct DownloadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds allowed for each request.", valueName: "seconds"))
    var timeout: Double = HTTPLimits.standard.timeout

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest response accepted, in MiB.", valueName: "MiB"))
    var maxSize: Int = HTTPLimits.standard.maxBytes >> 20

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds") }
        guard maxSize >= 1, maxSize <= 1024 else { throw ValidationError("--max-size must be between 1 and 1024 MiB") }
    }

    var limits: HTTPLimits {
        HTTPLimits(timeout: timeout, maxBytes: maxSize << 20, maxRedirects: HTTPLimits.standard.maxRedirects)
    }
}
