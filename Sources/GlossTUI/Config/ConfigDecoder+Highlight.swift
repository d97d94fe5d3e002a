import TOMLKit

extension ConfigDecoder {
    /// `[highlight]`: `default = 1` and `colors`, a list of exactly four entries, each
    /// `{ name = "yellow", color = "yellow" }` or just `"yellow"` when name and colour agree.
    func decodeHighlight(_ section: ConfigSection, into highlight: inout HighlightSettings) throws(ConfigError) {
        try section.rejectUnknownKeys(allowed: ["colors", "default"])
        if let array = try section.array("colors") {
            highlight.colors = try highlightColors(array, in: section)
        }
        if let number = try section.int("default", in: 1...HighlightSettings.colorCount) {
            highlight.defaultColor = number
        }
    }

    private func highlightColors(_ array: TOMLArray, in section: ConfigSection) throws(ConfigError) -> [HighlightColor] {
        let key = section.dotted("colors")
        let arrayLocation = section.location(of: "colors")
        guard array.count == HighlightSettings.colorCount else {
            throw .invalidValue(arrayLocation, key: key, value: "\(array.count) entries",
                                expected: "a list of exactly \(HighlightSettings.colorCount) colours")
        }
        var colors: [HighlightColor] = []
        for (index, value) in array.enumerated() {
            let entry = "entry \(index + 1) of \(key)"
            // Entries may sit on their own lines; point at the offending one when we can find it.
            func location(_ text: String) -> ConfigLocation {
                ConfigLocation(file: arrayLocation.file,
                               line: lines(quoting: text, from: arrayLocation.line) ?? arrayLocation.line)
            }
            let name: String, colorName: String
            if let text = value.string {
                (name, colorName) = (text, text)
            } else if let table = value.table {
                let allowed = ["name", "color"]
                if let unknown = table.keys.first(where: { !allowed.contains($0) }) {
                    throw .unknownKey(arrayLocation, key: "\(key).\(unknown)", suggestion: Suggestion.closest(to: unknown, in: allowed))
                }
                guard let tableName = table["name"]?.string, let tableColor = table["color"]?.string else {
                    throw .invalidValue(arrayLocation, key: entry, value: "a table without string name and color",
                                        expected: "{ name = \"...\", color = \"...\" }")
                }
                (name, colorName) = (tableName, tableColor)
            } else {
                throw .wrongType(arrayLocation, key: entry, expected: "a colour name or { name = \"...\", color = \"...\" }",
                                 found: ConfigSection.describe(value))
            }
            guard let color = StyleSpec.color(named: colorName.lowercased()) else {
                let suggestion = Suggestion.closest(to: colorName.lowercased(), in: Array(Color.named.keys))
                throw .badColour(location(colorName), key: entry, value: colorName, suggestion: suggestion)
            }
            guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
                throw .invalidValue(location(name), key: entry, value: "the name \"\(name)\"", expected: "named by one word")
            }
            guard !colors.contains(where: { $0.name == name }) else {
                throw .invalidValue(location(name), key: entry, value: "a second \"\(name)\"", expected: "named uniquely")
            }
            colors.append(HighlightColor(name: name, color: color))
        }
        return colors
    }

    private func lines(quoting text: String, from line: Int?) -> Int? {
        root.lines.line(ofQuoted: text, from: line ?? 1)
    }
}
