import Foundation
import Testing
@testable import GlossFeeds

@Suite struct FeedDateTests {
    func seconds(_ text: String) -> Double? {
        FeedDate.parse(text)?.timeIntervalSince1970
    }

    @Test(arguments: [
        ("Wed, 01 May 2024 08:30:00 +0200", 1_714_545_000.0),
        ("Wed, 1 May 2024 06:30:00 GMT", 1_714_545_000),
        ("1 May 2024 06:30 UT", 1_714_545_000),
        ("Wednesday, 01 May 2024 02:30:00 EDT", 1_714_545_000),
        ("Wed, 01 May 24 06:30:00 Z", 1_714_545_000),
        ("Wed, 01 May 2024 08:30:00 +02:00", 1_714_545_000),
        ("01 May 2024 06:30:00 GMT+0000", 1_714_545_000),
        ("Wed, 01 May 2024", 1_714_521_600),
        ("2024-05-01T06:30:00Z", 1_714_545_000),
        ("2024-05-01T08:30:00+02:00", 1_714_545_000),
        ("2024-05-01T08:30:00+0200", 1_714_545_000),
        ("2024-05-01 06:30:00", 1_714_545_000),
        ("2024-05-01T06:30:00.250Z", 1_714_545_000.25),
        ("2024-05-01", 1_714_521_600),
        ("1969-12-31T23:59:59Z", -1),
    ])
    func validDates(text: String, expected: Double) {
        #expect(seconds(text) == expected)
    }

    @Test(arguments: [
        "", "yesterday", "2024-13-01T00:00:00Z", "2024-02-30", "Mon, 31 Feb 2024 10:00:00 GMT",
        "2024-05-01T25:00:00Z", "2024-05-01T06:30:00+99:00", "Wed, 01 Foo 2024 06:30:00 GMT", "12:00",
        "2024-05-01T06:30:00Zjunk", "Wed, 01 May 2024 06:61:00 GMT",
    ])
    func invalidDatesAreNil(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }
}
