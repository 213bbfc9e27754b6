/// Checks what the shape alone cannot: references between performers, steps, documents and case
/// fields, the flow (reachability, loops with no way out, a path to the end), rules, recurrence and
/// group sessions. It reports every problem in one run.
public struct SOPValidator: Sendable {
    /// Ids of the SOPs in the same folder, for checking keterkaitan; `nil` when unknown.
    public var folderSOPIDs: Set<String>?
    /// The file's base name without extension, to warn when it differs from the SOP's id.
    public var fileStem: String?

    public init(folderSOPIDs: Set<String>? = nil, fileStem: String? = nil) {
        self.folderSOPIDs = folderSOPIDs
        self.fileStem = fileStem
    }

    /// Every problem found in `sop`.
    public func validate(_ sop: SOPDefinition) -> [Diagnostic] {
        var out: [Diagnostic] = []
        checkIdentity(sop, &out)
        checkPerformers(sop, &out)
        checkDocumentConditions(sop, &out)
        let stepIndex = checkStepIDs(sop, &out)
        for i in sop.steps.indices {
            checkStep(sop.steps[i], at: i, in: sop, stepIndex: stepIndex, &out)
        }
        guard !sop.steps.isEmpty else { return out }  // the builder reported the missing or empty 'langkah'
        let graph = FlowGraph(sop)
        checkFlow(sop, graph, &out)
        checkKelengkapan(sop, graph, &out)
        return out
    }

    private func checkIdentity(_ sop: SOPDefinition, _ out: inout [Diagnostic]) {
        if let stem = fileStem, !sop.id.isEmpty, stem != sop.id {
            out.append(.warning("SOP320", FlowMessages.fileNameNotID(["id": .text(sop.id), "stem": .text(stem)]),
                                at: nil))
        }
        for related in sop.keterkaitan {
            guard let id = related.sopID, let known = folderSOPIDs else { continue }
            if !known.contains(id.value) {
                out.append(.warning("SOP315", FlowMessages.relatedNotInFolder(["sop": .text(id.value), "hint": .message(Suggestion.hint(id.value, in: known))]),
                                    at: id.location))
            }
        }
    }

    private func checkPerformers(_ sop: SOPDefinition, _ out: inout [Diagnostic]) {
        var seen: [String: SourceLocation] = [:]
        var names: [String: String] = [:]
        // A name or alias that is another performer's id: `--as` takes the id, so the name never
        // reaches the performer it was written for.
        var ids: [String: String] = [:]
        for performer in sop.performers where ids[performer.id.lowercased()] == nil { ids[performer.id.lowercased()] = performer.id }
        for performer in sop.performers {
            if let first = seen[performer.id] {
                out.append(.error("SOP301", FlowMessages.performerTwice(["performer": .text(performer.id)]), at: performer.location,
                                  notes: [.init(CommonMessages.firstDefinedHere(), at: first)]))
                continue
            }
            seen[performer.id] = performer.location
            func check(_ name: String) {
                let key = name.lowercased()
                if let other = ids[key], other != performer.id {
                    out.append(.warning("SOP321", FlowMessages.nameIsOtherID(["name": .text(name), "performer": .text(performer.id), "other": .text(other)]),
                                        at: performer.location))
                }
                if let other = names[key], other != performer.id {
                    out.append(.warning("SOP321", FlowMessages.nameShared(["name": .text(name), "performer": .text(performer.id), "other": .text(other)]),
                                        at: performer.location))
                }
                names[key] = performer.id
            }
            check(performer.nama)
            for alias in performer.alias { check(alias) }
        }
        let references = sop.steps.flatMap { $0.performers.map(\.value) }
        // An exact id (the usual reference) answers without comparing every name and alias.
        for performer in sop.performers where !references.contains(performer.id) && !references.contains(where: performer.answers(to:)) {
            out.append(.warning("SOP319", FlowMessages.performerIdle(["performer": .text(performer.id)]),
                                at: performer.location))
        }
    }

    private func checkStepIDs(_ sop: SOPDefinition, _ out: inout [Diagnostic]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, step) in sop.steps.enumerated() where !step.id.isEmpty {
            if FlowTarget.reserved.contains(step.id) {
                out.append(.error("SOP303", FlowMessages.stepIDReserved(["step": .text(step.id)]),
                                  at: step.idLocation))
            } else if let first = index[step.id] {
                out.append(.error("SOP302", FlowMessages.stepIDDuplicate(["step": .text(step.id)]),
                                  at: step.idLocation, notes: [.init(CommonMessages.firstUsedHere(), at: sop.steps[first].idLocation)]))
            } else {
                index[step.id] = i
            }
        }
        return index
    }
}
