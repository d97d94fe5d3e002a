import FuzzSupport
@testable import GlossCLI

/// The `feeds.toml` reader (the TOML preflight, TOMLKit, then the feed list's own checks) on any
/// text, and adding a feed to what it read.
///
/// Input: the file's bytes; invalid UTF-8 is refused first, as when the file is read.
/// Checked: nothing traps; the text reads as a feed list or gives an error naming the file;
/// reading is deterministic; adding a new feed to a list that read gives text that reads back
/// as the same feeds followed by the new one.
func fuzzFeedsFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data: data, size: size)
    guard let text = String(validating: input.rest(), as: UTF8.self) else { return 0 }
    let path = "/fuzz/feeds.toml"
    let file: FeedsFile
    do {
        file = try FeedsFile(path: path, text: text)
    } catch {
        let message = error.description
        FuzzCheck.expect(!message.isEmpty, "an empty error message")
        if case .syntax = error { FuzzCheck.expect(message.contains(path), "the error does not name the file: \(message)") }
        if case .invalid = error { FuzzCheck.expect(message.contains(path), "the error does not name the file: \(message)") }
        return 0
    }
    let again = try? FeedsFile(path: path, text: text)
    FuzzCheck.expect(again?.feeds == file.feeds, "the same text read as different feeds")

    let added = FeedSubscription(url: "https://fuzz.example/feed.xml", name: "Fuzz added feed", tags: ["fuzz"])
    guard let edited = try? file.adding(added) else { return 0 }
    let reread = try? FeedsFile(path: path, text: edited)
    FuzzCheck.expect(reread?.feeds == file.feeds + [added], "adding a feed changed the others: \(edited.debugDescription)")
    return 0
}
