/// Command-line options.
struct BenchOptions {
    var quick = false
    var scenarios = Set(Scenario.allCases)
    /// Runs per end-to-end measurement; nil picks the default (10, or 3 with `--quick`).
    var runs: Int?
    var glossPath: String?
    var buildGloss = true
    var jsonPath: String?
    /// The folder of feeds the `feeds` scenario serves; nil: `../shared/corpus/feeds/wild`.
    var feedsDirectory: String?
    var timeoutSeconds = 30
    var verbose = false
    var showHelp = false
    /// The library sizes of `--libraries`; nil picks the default (2,000 and 20,000, or 2,000 with `--quick`).
    var libraries: [Int]?

    var endToEndRuns: Int { runs ?? (quick ? 3 : 10) }
    /// In-process timings are cheap, so they are repeated more often.
    var inProcessRuns: Int { max(10, endToEndRuns * 20) }
    /// The library of the triage scenario, and the smaller one of the library and search-index scenarios.
    var libraryCount: Int { 2000 }
    /// The library sizes the library and search-index scenarios measure, smallest first.
    var librarySizes: [Int] { libraries ?? (quick ? [libraryCount] : [libraryCount, 20_000]) }

    /// The articles measured: every size, or the small ones and 10 MB with `--quick`.
    var articles: [BenchArticle] {
        quick ? ArticleCorpus.sizes.filter { $0.targetBytes <= 10_000_000 } : ArticleCorpus.sizes
    }

    /// The article used for the large-file goals (G, search, memory): 50 MB, or 10 MB with `--quick`.
    var largeArticle: BenchArticle? {
        articles.filter { $0.script == .latin }.max { $0.targetBytes < $1.targetBytes }
    }

    static func parse(_ arguments: [String]) throws(BenchError) -> BenchOptions {
        var options = BenchOptions()
        var only: Set<Scenario> = []
        var index = 0
        func value(_ name: String) throws(BenchError) -> String {
            index += 1
            guard index < arguments.count else { throw .usage("\(name) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--quick": options.quick = true
            case "--verbose", "-v": options.verbose = true
            case "--no-build": options.buildGloss = false
            case "--help", "-h": options.showHelp = true
            case "--only":
                for name in try value(argument).split(separator: ",") {
                    guard let scenario = Scenario(rawValue: String(name)) else {
                        throw .usage("unknown scenario \(name); known: \(Scenario.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    only.insert(scenario)
                }
            case "--runs":
                guard let runs = Int(try value(argument)), runs >= 1 else { throw .usage("--runs takes a number ≥ 1") }
                options.runs = runs
            case "--timeout":
                guard let seconds = Int(try value(argument)), seconds >= 1 else { throw .usage("--timeout takes seconds ≥ 1") }
                options.timeoutSeconds = seconds
            case "--libraries":
                var sizes: [Int] = []
                for item in try value(argument).split(separator: ",") {
                    guard let size = Int(item), (1...100_000).contains(size) else {
                        throw .usage("--libraries takes article counts from 1 to 100000, e.g. 2000,20000")
                    }
                    sizes.append(size)
                }
                guard !sizes.isEmpty else { throw .usage("--libraries needs at least one article count") }
                options.libraries = Array(Set(sizes)).sorted()
            case "--gloss": options.glossPath = try value(argument)
            case "--json": options.jsonPath = try value(argument)
            case "--feeds": options.feedsDirectory = try value(argument)
            default: throw .usage("unknown argument \(argument)")
            }
            index += 1
        }
        if !only.isEmpty { options.scenarios = only }
        return options
    }

    static let help = """
        gloss-bench: measures gloss against its performance goals (see docs/PERFORMANCE.md).

        usage: swift run -c release gloss-bench [options]

        Before measuring, it runs `swift build -c release --product gloss` so the gloss it measures
        is the current one (skip with --no-build, or name a binary with --gloss).

        options:
          --quick            3 runs instead of 10, sizes up to 10 MB (the large-file goals use 10 MB)
          --only LIST        comma-separated scenarios: \(Scenario.allCases.map(\.rawValue).joined(separator: ", "))
          --runs N           runs per end-to-end measurement (in-process ones 20× as often)
          --libraries LIST   library sizes for the library and search-index scenarios (default
                             2000,20000; 2000 with --quick)
          --gloss PATH       the gloss binary to measure (default: .build/release/gloss)
          --no-build         do not build gloss first
          --json PATH        where to write the results (default: .build/bench-results.json)
          --feeds DIR        the feed files the feeds scenario serves (default: ../shared/corpus/feeds/wild)
          --timeout SECONDS  give up on a screen after this long (default 30)
          --verbose, -v      print the screens the benchmark waits for
          --help, -h         this text

        Exits 0 when every selected scenario could run (missed goals included), 1 otherwise.
        """
}
