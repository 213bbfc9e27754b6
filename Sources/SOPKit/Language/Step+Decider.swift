// replaced by checks14's implementation at merge
extension Step {
    /// The performer who takes the step's decision: the column its diamond is drawn in. A placeholder
    /// until `keputusan.oleh` lands (checks14): the last listed performer.
    public var decidingPerformer: String? {
        decision == nil ? nil : performers.last?.value
    }
}
