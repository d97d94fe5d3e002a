import Foundation
import Glibc

/// An articles folder with the sample article and a data directory under a tmux home, for a
/// reader that runs as an ordinary user: permission drills need one, as permissions do not bind root.
struct OrdinaryUserLibrary {
    static let nobody: UInt32 = 65534

    let articles: String
    let data: String
    /// Put in front of a command to run it as that user (empty when the tests are not root).
    let asUser: String

    /// Creates the folders; `ownedByUser` (with the data directory) are made 0700 and given to the user.
    init(in tmux: Tmux, ownedByUser extra: [String] = []) throws {
        articles = tmux.home.appendingPathComponent("articles").path
        data = tmux.home.appendingPathComponent("data").path
        try FileManager.default.createDirectory(atPath: articles, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Package.articles + "/binance-world-liberty.txt", toPath: articles + "/sample.txt")
        for path in [tmux.home.path, articles] { chmod(path, 0o755) }
        for path in [data] + extra {
            mkdir(path, 0o700)
            if getuid() == 0 { chown(path, Self.nobody, Self.nobody) }
        }
        asUser = getuid() == 0 ? "setpriv --reuid=\(Self.nobody) --regid=\(Self.nobody) --clear-groups " : ""
    }

    /// `gloss read sample.txt` with these folders, as the user, after `environment` (`NAME=value `).
    func readCommand(environment: String = "") -> String {
        "\(environment)\(asUser)\(Package.quoted(Package.gloss)) read \(Package.quoted(articles + "/sample.txt"))"
            + " --articles \(Package.quoted(articles)) --data \(Package.quoted(data))"
    }
}
