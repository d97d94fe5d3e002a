import Foundation
import Testing

/// Deep and wide input through the real binary (docs/RELIABILITY.md, "Depth and size limits"):
/// each is refused or capped with a clear message, and nothing crashes.
@Suite("Depth and size limits", .serialized)
struct DepthLimitCLITests {
    typealias Library = BadInputTests.Library

    static let deepFrontMatter = [
        "title: " + String(repeating: "[", count: 5_000),
        "title: " + String(repeating: "{a: ", count: 5_000),
    ]

    @Test(arguments: deepFrontMatter)
    func frontMatterNestedTooDeepIsRefusedByListAndDump(yaml: String) throws {
        let library = try Library()
        try library.write("deep.md", Array("---\n\(yaml)\n---\nBody.\n".utf8))
        try library.write("fine.md", Array("# Fine\n\nText.\n".utf8))
        let dump = try library.run(["dump", "deep.md"])
        #expect(dump.status == 1)
        #expect(dump.err == "gloss: \(library.articles)/deep.md: front matter nested too deep (more than 100 levels)\n")
        let row = try library.listRow("deep.md")
        #expect(row?.hasSuffix("deep.md (front matter nested too deep (more than 100 levels))") == true, "\(row ?? "no row")")
        #expect(try library.listRow("fine.md")?.contains("Fine") == true)
    }

    @Test func aTableOf40000ColumnsKeepsItsFirstColumnsAndAllItsText() throws {
        let library = try Library()
        let columns = 40_000
        let row = { (cell: String) in "|" + Array(repeating: cell, count: columns).joined(separator: "|") + "|\n" }
        try library.write("wide.md", Array((row("c") + row("-") + row("x")).utf8))
        let dump = try library.run(["dump", "--width", "10000", "wide.md"])
        #expect(dump.status == 0, "\(dump.err)")
        #expect(dump.err.contains("a table row has more than 128 columns"))
        // Every cell's text is still there: the capped row's last cell holds the rest of its cells.
        #expect(dump.out.filter { $0 == "x" }.count == columns, "a cell was lost")
        let list = try library.run(["list"])
        #expect(list.status == 0)
    }

    @Test func aMalformedFeedsFileIsASyntaxErrorNotAnAbort() throws {
        let library = try Library()
        let feeds = library.root + "/feeds.toml"
        for (text, message) in [
            ("[[feed]]\nurl = [1, }\n", "feeds.toml:2: expected a value or ']' in the array (column 11)"),
            ("[" + Array(repeating: "a", count: 10_000).joined(separator: ".") + "]\n", "feeds.toml:1: a key has more than 64 dotted parts"),
            ("[[feed]]\nurl = " + String(repeating: "[", count: 5_000) + "\n", "feeds.toml:2: arrays and inline tables nested more than 64 deep"),
        ] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: feeds))
            for command in [["feeds", "list", "--feeds", feeds], ["fetch", "--feeds", feeds]] {
                let result = try library.run(command)
                #expect(result.status != 0)
                #expect(result.err.contains(message), "\(command): \(result.err)")
                #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
            }
        }
    }

    @Test func aConfigKeyOfTenThousandPartsIsASyntaxError() throws {
        let library = try Library()
        let path = library.root + "/config.toml"
        try Data(("[" + Array(repeating: "a", count: 10_000).joined(separator: ".") + "]\n").utf8).write(to: URL(fileURLWithPath: path))
        let result = try library.run(["list"], config: path)
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("gloss: \(path):1: syntax error: a key has more than 64 dotted parts"), "\(result.err)")
    }

    /// An annotation file nested far deeper than the JSON parsers allow, found by `gloss notes`
    /// (which looks into every file of the annotations directory) and by `gloss list`.
    @Test func anAnnotationFileNestedTooDeepIsNoCrash() throws {
        let library = try Library()
        try library.write("a.md", Array("# A\n\nText.\n".utf8))
        let annotations = library.data + "/annotations"
        try FileManager.default.createDirectory(atPath: annotations, withIntermediateDirectories: true)
        try Data(repeating: UInt8(ascii: "["), count: 1_000_000).write(to: URL(fileURLWithPath: annotations + "/deep.json"))
        for command in [["notes"], ["notes", "--json"], ["list"], ["notes", "a.md"]] {
            let result = try library.run(command)
            #expect(result.status == 0, "\(command): \(result.err)")
        }
    }
}
