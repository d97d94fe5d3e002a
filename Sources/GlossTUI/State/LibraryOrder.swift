/// The library's order: ungrouped articles first, then groups by name; newest first inside a
/// group (undated last), then in the order given (the scanner's: by title).
enum LibraryOrder {
    static func sorted(_ items: [LibraryItem]) -> [Int] {
        let keys = items.map { item in
            (group: item.group?.lowercased() ?? "", date: sortableDate(item.date))
        }
        return items.indices.sorted { a, b in
            let left = keys[a], right = keys[b]
            let leftGrouped = items[a].group != nil, rightGrouped = items[b].group != nil
            if leftGrouped != rightGrouped { return !leftGrouped }
            if left.group != right.group { return left.group < right.group }
            if left.date != right.date { return left.date > right.date }
            return a < b
        }
    }

    /// Whether `new` sorts exactly like `old`: the same articles with the same groups and dates.
    static func keepsOrder(_ old: [LibraryItem], _ new: [LibraryItem]) -> Bool {
        guard old.count == new.count else { return false }
        for (a, b) in zip(old, new) where a.relativePath != b.relativePath || a.group != b.group || a.date != b.date {
            return false
        }
        return true
    }

    /// The date as text that sorts chronologically: ISO dates (`2026-11-24…`) as they are,
    /// anything else as empty (sorted last among newest-first).
    static func sortableDate(_ date: String?) -> String {
        guard let date else { return "" }
        let bytes = Array(date.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) })
        else { return "" }
        return date
    }

    /// The rows for `visible` items: a heading before each group when any item is grouped.
    static func rows(visible: [Int], items: [LibraryItem]) -> (rows: [LibraryRow], rowOfVisible: [Int]) {
        var rows: [LibraryRow] = []
        var rowOfVisible: [Int] = []
        rows.reserveCapacity(visible.count + 8)
        rowOfVisible.reserveCapacity(visible.count)
        var position = 0
        while position < visible.count {
            let group = items[visible[position]].group
            var end = position
            var unread = 0
            while end < visible.count, items[visible[end]].group == group {
                if items[visible[end]].isUnread { unread += 1 }
                end += 1
            }
            if let group { rows.append(.heading(group, count: end - position, unread: unread)) }
            for index in position..<end {
                rowOfVisible.append(rows.count)
                rows.append(.item(index))
            }
            position = end
        }
        return (rows, rowOfVisible)
    }
}
