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

    /// The report over completed step runs whose completion falls in `from ..< to` (either open).
    public init(cases: [LoadedCase], from: Date?, to: Date?) {
        struct Sample { var actual: Double; var standard: Double?; var onTime: Bool }
        var steps: [String: (sop: String, step: String, standard: String?, samples: [Sample])] = [:]
        var performers: [String: (sop: String, performer: String, samples: [Sample])] = [:]
        var order: [String] = []
        for loaded in cases {
            let sop = loaded.context.definition
            let calendar = loaded.context.calendar
            for run in loaded.state.runs {
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
