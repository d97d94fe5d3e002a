/// A performance goal: the median must stay at or under `limit`.
struct Goal: Encodable, Sendable {
    var limit: Double
    /// How the goal is shown, e.g. `≤ 2× less`.
    var text: String
}

/// One line of results: a summary of samples, with its goal when it has one.
struct ResultRow: Encodable {
    var scenario: String
    var name: String
    /// Who was measured: `gloss`, `less`, `vim`, or a ratio such as `gloss/less`.
    var subject: String
    var unit: String
    var median: Double
    var min: Double
    var max: Double
    var runs: Int
    var samples: [Double]
    var goal: Goal?
    var goalMet: Bool?
    var note: String?

    init(scenario: Scenario, name: String, subject: String, unit: String, samples: [Double], goal: Goal? = nil, note: String? = nil) {
        let summary = Summary(samples)
        self.scenario = scenario.rawValue
        self.name = name
        self.subject = subject
        self.unit = unit
        self.median = summary?.median ?? 0
        self.min = summary?.min ?? 0
        self.max = summary?.max ?? 0
        self.runs = samples.count
        self.samples = samples
        self.goal = goal
        if let goal, let summary { self.goalMet = summary.median <= goal.limit }
        self.note = note
    }
}
