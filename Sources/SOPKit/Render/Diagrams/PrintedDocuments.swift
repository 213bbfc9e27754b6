extension SOPDefinition {
    /// A document as printed, with its condition in words when it is needed only sometimes:
    /// "Surat keterangan kepolisian (jika korban kecelakaan lalu lintas)".
    func printed(_ name: String, condition: Located<Rule>?) -> String {
        guard let condition else { return name }
        return "\(name) (jika \(RuleWords(sop: self).phrase(condition.value.expression)))"
    }

    /// The Kelengkapan column of `step`, each item as printed (a persyaratan needed only sometimes
    /// keeps its condition where a row names it).
    public func printedKelengkapan(of step: Step) -> [String] {
        step.kelengkapan.map { printed($0.value, condition: condition(of: $0.value, at: step)) }
    }

    /// The persyaratan, each as printed.
    public var printedPersyaratan: [String] {
        persyaratan.map { printed($0.value, condition: persyaratanConditions[DocumentAvailability.key($0.value)]) }
    }
}
