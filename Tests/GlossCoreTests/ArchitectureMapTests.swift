import Foundation
import Testing

/// docs/ARCHITECTURE.md stays true: every target its table names exists in Package.swift, and no
/// Swift file of a target imports a module its row does not allow.
@Suite struct ArchitectureMapTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    @Test func everyTargetInTheMapExistsInThePackage() throws {
        let map = try ArchitectureMap(markdown: try Self.text("docs/ARCHITECTURE.md"))
        #expect(map.targets.count >= 10)
        let package = try Self.text("Package.swift")
        let missing = map.targets.filter { !ArchitectureMap.declares(package, target: $0.name) }.map(\.name)
        #expect(missing.isEmpty, "named in docs/ARCHITECTURE.md but not in Package.swift: \(missing)")
        let absent = map.targets.filter { !FileManager.default.fileExists(atPath: Self.root.appendingPathComponent($0.path).path) }
        #expect(absent.isEmpty, "paths in docs/ARCHITECTURE.md that do not exist: \(absent.map(\.path))")
    }

    @Test func noTargetImportsWhatTheMapForbids() throws {
        let map = try ArchitectureMap(markdown: try Self.text("docs/ARCHITECTURE.md"))
        var imports: [String: [ArchitectureMap.Import]] = [:]
        for target in map.targets {
            imports[target.name] = try Self.imports(under: target.path)
        }
        let violations = map.violations(imports)
        #expect(violations.isEmpty, Comment(rawValue: "imports docs/ARCHITECTURE.md forbids:\n" + violations.joined(separator: "\n")))
        // The walk found the code: GlossCLI imports GlossStorage, among others.
        #expect(imports["GlossCLI"]?.contains { $0.module == "GlossStorage" } == true)
    }

    @Test func aForbiddenImportIsReported() throws {
        let map = try ArchitectureMap(markdown: """
            ## Targets

            Modules every target may import: `Swift`, `Glibc`.

            | target | path | may import | holds |
            |---|---|---|---|
            | `GlossCore` | `Sources/GlossCore` | `Yams` | values |
            | `GlossTUI` | `Sources/GlossTUI` | `GlossCore` | screens |

            ## Next
            """)
        #expect(map.targets.map(\.name) == ["GlossCore", "GlossTUI"])
        let violations = map.violations([
            "GlossCore": [.init(file: "A.swift", module: "Yams"), .init(file: "B.swift", module: "Foundation")],
            "GlossTUI": [.init(file: "C.swift", module: "GlossCore"), .init(file: "C.swift", module: "Glibc")],
        ])
        #expect(violations == ["B.swift: GlossCore imports Foundation"])
    }

    @Test func importLinesAreRead() {
        let source = """
            import Foundation
            @testable import GlossCore
            import struct Yams.Node
            @preconcurrency import Dispatch
            // import NotThis
            let text = "import NorThis"
            """
        #expect(ArchitectureMap.importedModules(in: source) == ["Foundation", "GlossCore", "Yams", "Dispatch"])
    }

    @Test func declarationsInThePackageAreFound() {
        let package = #"""
            .target(name: "GlossCore", dependencies: []),
            ("fuzz-keys", "FuzzKeys", ["GlossCore"]),
            """#
        #expect(ArchitectureMap.declares(package, target: "GlossCore"))
        #expect(ArchitectureMap.declares(package, target: "fuzz-keys"))
        #expect(!ArchitectureMap.declares(package, target: "GlossCor"))
    }

    static func imports(under path: String) throws -> [ArchitectureMap.Import] {
        let directory = root.appendingPathComponent(path)
        guard let walk = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var found: [ArchitectureMap.Import] = []
        for case let file as String in walk where file.hasSuffix(".swift") {
            let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            found += ArchitectureMap.importedModules(in: source).map { .init(file: path + "/" + file, module: $0) }
        }
        return found
    }
}

/// The target table of docs/ARCHITECTURE.md, read from its Markdown.
struct ArchitectureMap {
    struct Target {
        var name: String
        var path: String
        var allowed: Set<String>
    }

    struct Import: Equatable {
        var file: String
        var module: String
    }

    enum Problem: Error { case noTable }

    var targets: [Target] = []
    /// Modules every target may import (the "Modules every target may import:" line).
    var everywhere: Set<String> = []

    init(markdown: String) throws {
        var inTargets = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inTargets = line == "## Targets"; continue }
            guard inTargets else { continue }
            if line.hasPrefix("Modules every target may import:") {
                everywhere = Set(Self.codeSpans(in: line))
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            // | `name` | `path` | `A`, `B` | holds |  (the header and the rule have no code span in column 1)
            guard line.hasPrefix("|"), cells.count >= 5, let name = Self.codeSpans(in: cells[1]).first,
                  let path = Self.codeSpans(in: cells[2]).first
            else { continue }
            targets.append(Target(name: name, path: path, allowed: Set(Self.codeSpans(in: cells[3]))))
        }
        if targets.isEmpty { throw Problem.noTable }
    }

    /// "file: Target imports Module" for every import of a module the target's row doesn't name.
    func violations(_ imports: [String: [Import]]) -> [String] {
        targets.flatMap { target in
            (imports[target.name] ?? []).filter { item in
                item.module != target.name && !target.allowed.contains(item.module) && !everywhere.contains(item.module)
            }.map { "\($0.file): \(target.name) imports \($0.module)" }
        }
    }

    static func codeSpans<S: StringProtocol>(in text: S) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The modules named by `import` declarations, with attributes and kinds (`import struct A.B`).
    static func importedModules(in source: String) -> [String] {
        let kinds: Set<String> = ["struct", "class", "enum", "protocol", "typealias", "func", "let", "var"]
        var modules: [String] = []
        for line in source.split(separator: "\n") {
            var words = line.split(separator: " ").map(String.init)
            while let first = words.first, first.hasPrefix("@") || ["public", "internal", "package"].contains(first) {
                words.removeFirst()
            }
            guard words.first == "import", words.count >= 2 else { continue }
            let name = kinds.contains(words[1]) && words.count >= 3 ? words[2] : words[1]
            if let module = name.split(separator: ".").first { modules.append(String(module)) }
        }
        return modules
    }

    /// Whether Package.swift declares `target`: `name: "X"` or a quoted name in a table of targets.
    static func declares(_ package: String, target: String) -> Bool {
        package.contains("name: \"\(target)\"") || package.contains("(\"\(target)\",")
    }
}
