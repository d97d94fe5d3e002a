// Storage fault drills: a writer that tests run concurrently, kill at random moments, or
// starve of permissions or disk space. It prints "ack ..." (flushed) after every save that
// succeeded, so a test knows what must be on disk whatever happens next.
//
//   gloss-drill add   --data DIR --article REL --count N [--tag T] [--fsize-limit BYTES] [--user UID]
//   gloss-drill churn --data DIR --article REL --count N [--seed S]
//   gloss-drill state --data DIR --article REL --block N [--user UID]
//   gloss-drill library --data DIR --article REL --count N [--tag T]
//       (each round adds an annotation, then records reading position N-1 in the shared state file)
//
// `--journal always` (add, churn, library) appends every save to the article's journal and folds
// it every 8 saves, whatever the file's size, so the drills cover both write paths; the default,
// `standard`, is what gloss does (rewrites small files, journals large ones).
//
// Exit status: 0 done, 2 bad usage, 3 a save failed (after printing "error <description>"
// and "kept <n>", the number of annotations the drill still holds in memory).
import Glibc
import GlossCore
import GlossStorage
import GlossTestSupport

struct Options {
    var mode = ""
    var data = ""
    var article = ""
    var count = 1
    var tag = "drill"
    var seed: UInt64 = 1
    var block = 0
    var fileSizeLimit: Int?
    var user: UInt32?
    var journal = JournalPolicy.standard
}

func fail(_ message: String) -> Never {
    FileHandleOutput.standardError("gloss-drill: \(message)\n")
    exit(2)
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    guard let mode = arguments.first else { fail("missing mode (add, churn, state, library)") }
    options.mode = mode
    var index = 1
    while index < arguments.count {
        let name = arguments[index]
        guard index + 1 < arguments.count else { fail("missing value for \(name)") }
        let value = arguments[index + 1]
        switch name {
        case "--data": options.data = value
        case "--article": options.article = value
        case "--count": options.count = Int(value) ?? 1
        case "--tag": options.tag = value
        case "--seed": options.seed = UInt64(value) ?? 1
        case "--block": options.block = Int(value) ?? 0
        case "--fsize-limit": options.fileSizeLimit = Int(value)
        case "--user": options.user = UInt32(value)
        case "--journal":
            switch value {
            case "always": options.journal = .always
            case "never": options.journal = .never
            case "standard": options.journal = .standard
            default: fail("--journal takes always, never or standard")
            }
        default: fail("unknown option \(name)")
        }
        index += 2
    }
    if options.data.isEmpty || options.article.isEmpty { fail("--data and --article are required") }
    return options
}

/// Output that reaches the test at once, even if the process is killed right after.
enum FileHandleOutput {
    static func line(_ text: String) {
        write(to: 1, text + "\n")
    }

    static func standardError(_ text: String) {
        write(to: 2, text)
    }

    /// Unbuffered: the line is in the pipe before the next save starts.
    private static func write(to fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + written }, $0.count - written) }
            if count <= 0 { if errno == EINTR { continue }; return }
            written += count
        }
    }
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))

if let limit = options.fileSizeLimit {
    // Writes past the limit then fail with EFBIG instead of killing the process: a full disk.
    signal(SIGXFSZ, SIG_IGN)
    var limits = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
    if setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limits) != 0 { fail("setrlimit failed") }
}
if let user = options.user {
    // Tests run as root, where file permissions do not bind: drop to an ordinary user.
    if setgroups(0, nil) != 0 || setgid(user) != 0 || setuid(user) != 0 { fail("cannot switch to user \(user)") }
}

/// One drill run: the store, the article, and the annotations as last saved.
struct Drill {
    let options: Options
    let text = DrillArticle.text
    let identity: ArticleIdentity
    let store: AnnotationStore
    var file: AnnotationFile

    init(options: Options) {
        self.options = options
        identity = ArticleIdentity(
            path: options.article, title: "Drill article", fingerprint: ArticleFingerprint.sha256(of: DrillArticle.text))
        store = AnnotationStore(dataDirectory: options.data, journal: options.journal)
        do {
            file = try store.load(identity)
        } catch {
            FileHandleOutput.line("error \(error)")
            exit(3)
        }
        for message in file.messages { FileHandleOutput.line("message \(message)") }
    }

    /// Saves `changes`; on failure reports the error and the unchanged in-memory count, and exits.
    mutating func save(_ changes: [AnnotationChange]) {
        do {
            file = try store.apply(changes, to: identity, anchoredOn: text.text)
        } catch {
            FileHandleOutput.line("error \(error)")
            FileHandleOutput.line("kept \(file.annotations.count)")
            exit(3)
        }
    }

    mutating func add() {
        for index in 0..<options.count {
            let annotation = DrillArticle.annotation(number: index, note: "drill \(index) #\(options.tag)")
            save([.upsert(annotation)])
            FileHandleOutput.line("ack \(annotation.id)")
        }
    }

    /// A reader of one article in a shared library: annotations and reading positions interleaved.
    mutating func annotateAndRead() {
        let states = StateStore(dataDirectory: options.data)
        for index in 0..<options.count {
            let annotation = DrillArticle.annotation(number: index, note: "library \(index) #\(options.tag)")
            save([.upsert(annotation)])
            FileHandleOutput.line("ack \(annotation.id)")
            do {
                _ = try states.record(
                    ReadingPosition(blockIndex: index, updated: SystemClock.now()),
                    for: options.article, markLastOpened: true)
            } catch {
                FileHandleOutput.line("error \(error)")
                exit(3)
            }
            FileHandleOutput.line("ack state \(index)")
        }
    }

    mutating func churn() {
        // Seeded, so a churn run can be repeated from its seed.
        var random = SeededGenerator(seed: options.seed)
        var live: [String: Int] = [:]
        for index in 0..<options.count {
            let roll = Int.random(in: 0..<10, using: &random)
            if live.isEmpty || roll < 5 {
                let annotation = DrillArticle.annotation(number: index, note: "churn v0")
                save([.upsert(annotation)])
                live[annotation.id] = 0
                FileHandleOutput.line("ack add \(annotation.id)")
            } else if let id = live.keys.sorted().randomElement(using: &random),
                      let current = file.annotation(withID: id), let version = live[id] {
                if roll < 8 {
                    var edited = current
                    edited.note = "churn v\(version + 1)"
                    let later = Timestamp(millisecondsSince1970: current.modified.millisecondsSince1970 + 1)
                    edited.modified = max(SystemClock.now(), later)
                    save([.upsert(edited)])
                    live[id] = version + 1
                    FileHandleOutput.line("ack edit \(id) \(version + 1)")
                } else {
                    save([.delete(current, at: SystemClock.now())])
                    live[id] = nil
                    FileHandleOutput.line("ack delete \(id)")
                }
            }
        }
    }
}

switch options.mode {
case "add":
    var drill = Drill(options: options)
    drill.add()
case "churn":
    var drill = Drill(options: options)
    drill.churn()
case "library":
    var drill = Drill(options: options)
    drill.annotateAndRead()
case "state":
    let states = StateStore(dataDirectory: options.data)
    do {
        _ = try states.record(
            ReadingPosition(blockIndex: options.block, updated: SystemClock.now()),
            for: options.article, markLastOpened: true)
        FileHandleOutput.line("ack state \(options.block)")
    } catch {
        FileHandleOutput.line("error \(error)")
        exit(3)
    }
default:
    fail("unknown mode \(options.mode)")
}
