import Foundation

/// What a report counts of a case, read from the compiled state in place: the simulator counts
/// every one of a run's cases at its end, and converting each to a ``CaseState`` first
/// (``CompiledSOP/caseState(_:)``) cost more than the counting. The same facts as the
/// ``CaseState`` the state stands for: ``openedAt``, ``endedAt``, ``deadline``, each run's step,
/// due and completion, and each sign-off.
extension CompiledCaseState {
    /// When the case was opened, ended (nil while open), and is due as a whole (its jangka waktu).
    public var times: (opened: Date?, ended: Date?, deadline: Date?) { (openedAt, endedAt, deadline) }

    /// Calls `body` for each run in order (the path): its step index, when it is due, when it was completed.
    public func forEachRun(_ body: (_ step: Int, _ due: Date?, _ completedAt: Date?) -> Void) {
        for run in runs { body(run.step, run.due, run.completedAt) }
    }

    /// Calls `body` for each sign-off in the order they were made: the run index, the performer
    /// index, when (``StepRun/signedOff`` of each run, in one list).
    public func forEachSignOff(_ body: (_ run: Int, _ performer: Int, _ at: Date) -> Void) {
        for signOff in signOffs { body(signOff.run, signOff.performer, signOff.at) }
    }
}
