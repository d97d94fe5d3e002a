import Foundation
import GlossCore
import Testing

@testable import GlossCLI

@Suite("gloss notes filters")
struct NotesFilterTests {
    static func fixture() throws -> NotesFixture {
        let fixture = try NotesFixture()
        try fixture.write("harbor.md", NotesFixture.harbor)
        try fixture.annotate(
            ["harbor.md", "--paragraph", "2", "--quote", "harbor battery", "--note", "cost? #money", "--color", "red"],
            now: Timestamp(iso8601: "2024-03-01T10:00:00Z") ?? Timestamp(millisecondsSince1970: 0))
        try fixture.annotate(
            ["harbor.md", "--paragraph", "3", "--quote", "battery is safe", "--note", "Ask the #engineers #money"],
            now: Timestamp(iso8601: "2024-06-01T10:00:00Z") ?? Timestamp(millisecondsSince1970: 0))
        return fixture
    }

    static func quotes(_ fixture: NotesFixture, _ arguments: [String]) throws -> [String] {
        try fixture.notesJSON(arguments).compactMap { $0["quote"] as? String }
    }

    @Test func tagColorSinceAndSearchEachNarrowTheList() throws {
        let fixture = try Self.fixture()
        #expect(try Self.quotes(fixture, []).count == 2)
        #expect(try Self.quotes(fixture, ["--tag", "engineers"]) == ["battery is safe"])
        #expect(try Self.quotes(fixture, ["--tag", "money", "--tag", "#Engineers"]) == ["battery is safe"])
        #expect(try Self.quotes(fixture, ["--tag", "money"]).count == 2)
        #expect(try Self.quotes(fixture, ["--color", "red"]) == ["harbor battery"])
        #expect(try Self.quotes(fixture, ["--since", "2024-05-01"]) == ["battery is safe"])
        #expect(try Self.quotes(fixture, ["--search", "COST"]) == ["harbor battery"])
        #expect(try Self.quotes(fixture, ["--search", "battery #engineers"]) == ["battery is safe"])
        #expect(try Self.quotes(fixture, ["--search", ":red"]) == ["harbor battery"])
        #expect(try fixture.notes(["--color", "blue"]).out == "No annotations.\n")
    }

    @Test func aBadDateIsAUsageError() {
        #expect(throws: (any Error).self) { try NotesCommand.parse(["--since", "last week"]) }
        #expect(throws: (any Error).self) { try NotesCommand.parse(["--tag", " "]) }
    }
}
