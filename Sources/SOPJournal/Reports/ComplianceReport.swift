import Foundation
import SOPKit

/// Mutu baku compliance: for each step and each performer, how many were done, the standard time,
/// the actual median and worst (working time), and the share on time.
public struct ComplianceReport: Sendable {
    /// One line of the report.
    public struct Line: Sendable, Hashable {
        /// `step` or `performer`.
        public var kind: String
        public var sopID: String
        /// The step id, or the performer id.
        public var name: String
        public var count: Int
        /// The step's waktu as written (for a performer: the steps' standards vary, so nil).
        public var standard: String?
        /// The median standard in working minutes.
        public var standardMinutes: Double?
        public var medianMinutes: Double
        public var worstMinutes: Double
        public var onTime: Int
        public var shareOnTime: Double { count == 0 ? 0 : Double(onTime) / Double(count) }
    }

    public var lines: [Line]

    /// One completed run (or sign-off) measured: working minutes taken, the standard, on time.
    struct Sample { var actual: Double; var standard: Double?; var onTime: Bool }

    /// What the report needs of one run of a step.
    struct RunSample {
        var stepID: String
        var startedAt: Date
        var due: Date?
        var completedAt: Date?
        var signedOff: [(performer: String, at: Date)]
    }

    /// The report over completed step runs whose completion falls in `from ..< to` (either open),
    /// from folded cases.
    public init(cases: [LoadedCase], from: Date?, to: Date?) {
        self.init(cases.lazy.map { loaded in
            (loaded.context, loaded.state.runs.map { run in
                RunSample(stepID: run.stepID, startedAt: run.startedAt, due: run.due, completedAt: run.completedAt,
                          signedOff: run.signedOff.map { ($0.performer, $0.at) })
            })
        }, from: from, to: to)
    }

    /// The same report from the read model (`sop report`): each case's runs as its summary keeps
    /// them, so the events are not read and folded again. A test checks that both give the same report.
    public init(listed: [ListedCase], from: Date?, to: Date?) {
        let date = EventCoding.date(milliseconds:)
        self.init(listed.lazy.map { listed in
            (listed.context, listed.summary.runs.map { run in
                RunSample(stepID: run.step, startedAt: date(run.startedAt), due: run.due.map(date), completedAt: run.completedAt.map(date),
                          signedOff: run.signedOff.map { ($0.performer, date($0.at)) })
            })
        }, from: from, to: to)
    }

    init<Cases: Sequence>(_ cases: Cases, from: Date?, to: Date?) where Cases.Element == (CaseContext, [RunSample]) {
        var steps: [String: (sop: String, step: String, standard: String?, samples: [Sample])] = [:]
        var performers: [String: (sop: String, performer: String, samples: [Sample])] = [:]
        var order: [String] = []
        for (context, runs) in cases {
            let sop = context.definition
            let calendar = context.calendar
            for run in runs {
                guard let done = run.completedAt else { continue }
                if let from, done < from { continue }
                if let to, done >= to { continue }
                let standard = run.due.map { calendar.workingMinutes(from: run.startedAt, to: $0) }
                let sample = Sample(actual: calendar.workingMinutes(from: run.startedAt, to: done), standard: standard,
                                    onTime: run.due.map { done <= $0 } ?? true)
                let stepKey = "\(sop.id)\u{0}\(run.stepID)"
                if steps[stepKey] == nil {
                    order.append(stepKey)
                    let step = sop.step(run.stepID)
                    // A recurring step's standard is its period, as its due time is.
                    let written = step?.recurrence != nil ? (step?.recurrence?.during ?? sop.jangkaWaktu)?.raw : step?.waktu?.raw
                    steps[stepKey] = (sop.id, run.stepID, written, [])
                }
                steps[stepKey]?.samples.append(sample)
                var seen = Set<String>()
                for signOff in run.signedOff where seen.insert(signOff.performer).inserted {
                    let key = "\(sop.id)\u{0}\(signOff.performer)"
                    if performers[key] == nil { performers[key] = (sop.id, signOff.performer, []) }
                    performers[key]?.samples.append(Sample(actual: calendar.workingMinutes(from: run.startedAt, to: signOff.at),
                                                           standard: standard, onTime: run.due.map { signOff.at <= $0 } ?? true))
                }
            }
        }
        func line(_ kind: String, _ sop: String, _ name: String, _ standard: String?, _ samples: [Sample]) -> Line {
            let actual = samples.map(\.actual).sorted()
            let standards = samples.compactMap(\.standard).sorted()
            return Line(kind: kind, sopID: sop, name: name, count: samples.count, standard: standard,
                        standardMinutes: standards.isEmpty ? nil : ComplianceReport.median(standards),
                        medianMinutes: ComplianceReport.median(actual), worstMinutes: actual.last ?? 0,
                        onTime: samples.filter(\.onTime).count)
        }
        lines = order.compactMap { steps[$0] }.map { line("step", $0.sop, $0.step, $0.standard, $0.samples) }
            + performers.values.sorted { ($0.sop, $0.performer) < ($1.sop, $1.performer) }
                .map { line("performer", $0.sop, $0.performer, nil, $0.samples) }
    }

    static func median(_ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
