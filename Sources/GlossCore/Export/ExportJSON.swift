/// A JSON value for export formats. Objects keep their members in the order they were built,
/// so the output reads in a deliberate order and is byte-for-byte the same for the same data.
enum ExportJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case string(String)
    case array([ExportJSON])
    case object([Member])

    /// One `"key": value` pair of an object.
    struct Member: Sendable, Equatable {
        var key: String
        var value: ExportJSON
    }

    /// An object with `members` in the order given; members whose value is nil are left out,
    /// which keeps optional properties out of the output instead of writing `null`.
    static func object(_ members: KeyValuePairs<String, ExportJSON?>) -> ExportJSON {
        .object(members.compactMap { key, value in value.map { Member(key: key, value: $0) } })
    }

    /// `.string(text)`, or nil for a nil text.
    static func string(_ text: String?) -> ExportJSON? {
        text.map { .string($0) }
    }

    /// `.array(elements)`, or nil when there are none (for properties that are omitted when empty).
    static func nonEmptyArray(_ elements: [ExportJSON]) -> ExportJSON? {
        elements.isEmpty ? nil : .array(elements)
    }

    /// Pretty-printed text with two-space indents and a final newline (see `ExportJSONWriter`).
    func serialized() -> String {
        ExportJSONWriter.serialize(self)
    }
}
