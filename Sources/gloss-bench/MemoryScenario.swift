import Foundation

/// Peak memory (maximum resident set size, from `wait4`) of gloss at the largest size.
/// Goal: the file's size plus 16 MiB. Reuses the runs of the open, end and search scenarios
/// when they ran; otherwise opens the article itself.
enum MemoryScenario {
    static func run(_ context: BenchContext) {
        guard let article = context.options.largeArticle else { return }
        let prepared: PreparedArticle
        do {
            prepared = try context.prepare(article)
        } catch {
            context.report.fail(.memory, error.description)
            return
        }
        let fileMiB = Double(fileSize(context.corpus.path(of: article))) / Double(1 << 20)
        let goal = Goal(limit: fileMiB + 16, text: "≤ file + 16 MiB (\(TableFormatter.number(fileMiB + 16, "MiB")))")
        if context.glossMemory["open \(article.id)"] == nil {
            let runs = context.alternate([context.job(context.gloss, prepared)], scenario: .memory)
            context.glossMemory["open \(article.id)"] = runs[0].compactMap(\.maxResidentMiB)
        }
        let sessions = [("open", "open, then Q"), ("end", "open, G, Q"), ("search", "open, search, Q")]
        for (key, description) in sessions {
            guard let samples = context.glossMemory["\(key) \(article.id)"], !samples.isEmpty else { continue }
            context.report.add(ResultRow(
                scenario: .memory, name: "peak RSS, \(description), \(article.label)", subject: "gloss", unit: "MiB",
                samples: samples, goal: goal))
        }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
