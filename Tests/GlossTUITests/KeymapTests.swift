import Testing
@testable import GlossTUI

@Suite struct KeymapTests {
    /// The default bindings as specified, written out independently of `KeymapDefaults.swift`.
    static let specified: [Mode: [(String, Action)]] = [
        .library: [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp),
            ("g", .top), ("<Home>", .top), ("G", .bottom), ("<End>", .bottom),
            ("<PgDn>", .pageDown), ("<C-f>", .pageDown), ("<PgUp>", .pageUp), ("<C-b>", .pageUp),
            ("<C-d>", .halfPageDown), ("<C-u>", .halfPageUp), ("<Enter>", .open), ("l", .open),
            ("/", .filter), ("<Esc>", .clearFilter), ("q", .quit), ("Q", .quit), ("?", .help),
            ("<C-l>", .redraw), ("<C-z>", .suspend), ("E", .export), ("X", .exportAll), ("R", .fetchFeeds),
            ("N", .toggleRead), ("A", .markGroupRead), ("s", .toggleStar), ("e", .toggleArchive), ("D", .deleteArticle),
            ("1", .viewInbox), ("2", .viewUnread), ("3", .viewStarred), ("4", .viewArchive),
            ("o", .openInBrowser), ("S", .searchLibrary),
        ],
        .reader: [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp),
            ("<Space>", .pageDown), ("<PgDn>", .pageDown), ("f", .pageDown), ("b", .pageUp), ("<PgUp>", .pageUp),
            ("<C-d>", .halfPageDown), ("<C-u>", .halfPageUp), ("g", .top), ("<Home>", .top),
            ("G", .bottom), ("<End>", .bottom), ("]", .nextHeading), ("[", .previousHeading),
            ("/", .search), ("n", .searchNext), ("N", .searchPrevious), ("q", .back), ("Q", .quit),
            ("?", .help), ("<C-l>", .redraw), ("<C-z>", .suspend), ("h", .highlight), ("v", .visual),
            ("a", .editNote), ("A", .editNoteExternal), ("c", .cycleColor), ("u", .undo), ("<C-r>", .redo),
            ("t", .togglePane), ("<Tab>", .focusPane), ("E", .export), ("L", .linkList), ("o", .openInBrowser),
            ("J", .nextArticle), ("K", .previousArticle), ("s", .toggleStar), ("e", .archiveAndNext), ("S", .searchLibrary),
        ],
        .visual: [
            (")", .sentenceForward), ("(", .sentenceBackward), ("w", .wordForward), ("b", .wordBackward),
            ("o", .swapEnds), ("j", .extendDown), ("<Down>", .extendDown), ("k", .extendUp), ("<Up>", .extendUp),
            ("0", .paragraphStart), ("$", .paragraphEnd), ("<Enter>", .createHighlight), ("h", .createHighlight),
            ("1", .color1), ("2", .color2), ("3", .color3), ("4", .color4), ("a", .createWithNote),
            ("<Esc>", .cancel), ("Q", .quit), ("?", .help),
        ],
        .pane: [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp), ("<Enter>", .open),
            ("a", .editNote), ("e", .editNote), ("A", .editNoteExternal), ("c", .cycleColor), ("d", .delete),
            ("/", .filter), ("<Esc>", .clearFilter), ("<Tab>", .focusPane), ("t", .togglePane), ("u", .undo),
            ("<C-r>", .redo), ("q", .back), ("Q", .quit), ("?", .help), ("E", .export), ("g", .top), ("G", .bottom),
        ],
        .links: [
            ("j", .moveDown), ("<Down>", .moveDown), ("k", .moveUp), ("<Up>", .moveUp),
            ("g", .top), ("<Home>", .top), ("G", .bottom), ("<End>", .bottom),
            ("<PgDn>", .pageDown), ("<C-f>", .pageDown), ("<PgUp>", .pageUp), ("<C-b>", .pageUp),
            ("/", .filter), ("<Enter>", .openInBrowser), ("o", .openInBrowser), ("a", .saveLink),
            ("y", .showURL), ("<Esc>", .closeList), ("q", .closeList), ("Q", .quit), ("?", .help), ("<C-l>", .redraw),
        ],
    ]

    @Test(arguments: Mode.allCases)
    func defaultsAreExactlyTheSpecifiedBindings(mode: Mode) throws {
        let keymap = Keymap.defaults
        let specified = try #require(Self.specified[mode])
        for (notation, action) in specified {
            let key = try #require(Key(notation: notation), "bad notation \(notation)")
            #expect(keymap.action(for: key, in: mode) == action, "\(mode) \(notation)")
        }
        let boundCount = keymap.bindings(in: mode).reduce(0) { $0 + $1.keys.count }
        #expect(boundCount == specified.count, "\(mode) has bindings beyond the specified ones")
    }

    @Test func unboundKeysHaveNoAction() {
        #expect(Keymap.defaults.action(for: .char("z"), in: .reader) == nil)
        #expect(Keymap.defaults.action(for: .char("h"), in: .library) == nil)
        #expect(Keymap.defaults.action(for: .resize, in: .reader) == nil)
        #expect(Keymap().action(for: .char("j"), in: .reader) == nil)
    }

    @Test func sameKeyMeansDifferentThingsPerMode() {
        let keymap = Keymap.defaults
        #expect(keymap.action(for: .char("q"), in: .library) == .quit)
        #expect(keymap.action(for: .char("q"), in: .reader) == .back)
        #expect(keymap.action(for: .char("b"), in: .reader) == .pageUp)
        #expect(keymap.action(for: .char("b"), in: .visual) == .wordBackward)
        #expect(keymap.action(for: .char("h"), in: .reader) == .highlight)
        #expect(keymap.action(for: .char("h"), in: .visual) == .createHighlight)
    }

    @Test func remapAndUnbind() {
        var keymap = Keymap.defaults
        keymap.bind(.char("x"), to: .moveDown, in: .reader)
        keymap.bind(.char("j"), to: .moveUp, in: .reader)
        keymap.bind(.down, to: nil, in: .reader)
        keymap.bind(.char("z"), to: nil, in: .reader)
        #expect(keymap.action(for: .char("x"), in: .reader) == .moveDown)
        #expect(keymap.action(for: .char("j"), in: .reader) == .moveUp)
        #expect(keymap.action(for: .down, in: .reader) == nil)
        #expect(keymap.keys(for: .moveDown, in: .reader) == [.char("x")])
        #expect(keymap.keys(for: .moveUp, in: .reader) == [.char("j"), .char("k"), .up])
        // Other modes are untouched.
        #expect(keymap.action(for: .down, in: .library) == .moveDown)
        #expect(keymap != Keymap.defaults)
    }

    @Test func rebindingRestoresEquality() {
        var keymap = Keymap.defaults
        keymap.bind(.char("j"), to: nil, in: .pane)
        #expect(keymap != Keymap.defaults)
        keymap.bind(.char("j"), to: .moveDown, in: .pane)
        // Equal even though `j` now comes after `<Down>`: equality ignores binding order.
        #expect(keymap == Keymap.defaults)
        #expect(keymap.keys(for: .moveDown, in: .pane) == [.down, .char("j")])
    }

    @Test(arguments: Mode.allCases)
    func bindingsListEveryBoundKeyOnce(mode: Mode) throws {
        let keymap = Keymap.defaults
        let bindings = keymap.bindings(in: mode)
        let listedKeys = bindings.flatMap(\.keys)
        #expect(Set(listedKeys).count == listedKeys.count, "a key is listed twice")
        for (notation, action) in try #require(Self.specified[mode]) {
            let key = try #require(Key(notation: notation))
            let entry = bindings.first { $0.action == action }
            #expect(entry?.keys.contains(key) == true, "\(notation) missing under \(action) in \(mode)")
        }
        for binding in bindings {
            #expect(!binding.keys.isEmpty)
            for key in binding.keys {
                #expect(keymap.action(for: key, in: mode) == binding.action)
            }
        }
        // Actions appear once each, in declaration order, so the help screen groups them.
        let actions = bindings.map(\.action)
        let order = actions.compactMap { Action.allCases.firstIndex(of: $0) }
        #expect(order == order.sorted())
        #expect(Set(actions).count == actions.count)
    }

    @Test func bindingsListPrimaryKeyFirst() {
        let reader = Keymap.defaults.bindings(in: .reader)
        #expect(reader.first?.action == .moveDown)
        #expect(reader.first?.keys == [.char("j"), .down])
        #expect(reader.first { $0.action == .pageDown }?.keys == [.char(" "), .pageDown, .char("f")])
    }

    @Test func bindingsAfterUnbindingDropEmptyActions() {
        var keymap = Keymap.defaults
        keymap.bind(.char("E"), to: nil, in: .reader)
        #expect(keymap.bindings(in: .reader).contains { $0.action == .export } == false)
        #expect(Keymap().bindings(in: .reader).isEmpty)
    }
}
