extension SOPBuilder {
    mutating func buildSteps(_ node: YAMLNode?) -> [Step] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            reader.error("SOP203", StructureMessages.stepsNotList(["kind": .message(node.kindText)]), at: node.location)
            return []
        }
        if items.isEmpty {
            reader.error("SOP202", StructureMessages.noSteps(), at: node.location)
        }
        return items.enumerated().compactMap { index, item in buildStep(item, number: index + 1) }
    }

    private mutating func buildStep(_ node: YAMLNode, number: Int) -> Step? {
        let writtenID = node.pairs?.first { $0.keyText == "id" }?.value.scalar?.value
        let what = CommonMessages.step(writtenID ?? "", index: number - 1)
        guard let f = reader.fields(node, LanguageCatalog.step, what: what) else { return nil }
        let options = time.parserOptions
        let id = reader.identifier(f["id"], key: "id")
        let label = CommonMessages.step(id?.value ?? "", index: number - 1)
        let decision = f["keputusan"].flatMap { buildDecision($0, step: label) }
        var kind: Step.Kind = decision == nil ? .proses : .keputusan
        if let written = reader.keyword(f["jenis"], key: "jenis", allowed: Step.Kind.allCases.map(\.rawValue)),
           let value = Step.Kind(rawValue: written) {
            kind = value
            if value == .keputusan, f["keputusan"] == nil {
                reader.error("SOP202", StructureMessages.decisionWithoutKeputusan(["step": .message(label)]), at: f.keyLocation("jenis"))
            } else if value != .keputusan, f["keputusan"] != nil {
                reader.error("SOP207", StructureMessages.keputusanOnNonDecision(["step": .message(label), "kind": .text(written)]),
                             at: f.keyLocation("jenis"))
            }
        }
        let performers = reader.textList(f["pelaksana"], key: "pelaksana")
        // A decision taken by rules alone needs nobody: "Bencana skala makro?" follows the case's data.
        let ruleOnly = kind == .keputusan && decision.map { $0.isRuleDecided || $0.unparsedRules > 0 } == true
        if performers.isEmpty, kind == .proses || (kind == .keputusan && !ruleOnly), f["pelaksana"] == nil || f["pelaksana"]?.isNull == true {
            reader.error("SOP202", kind == .keputusan ? StructureMessages.noPerformerDecision(["step": .message(label)]) : StructureMessages.noPerformer(["step": .message(label)]),
                         at: node.location)
        }
        if kind == .keputusan, f["lanjut"] != nil {
            reader.error("SOP208", StructureMessages.decisionWithLanjut(["step": .message(label)]),
                         at: f.keyLocation("lanjut"))
        }
        let mode = reader.keyword(f["mode"], key: "mode", allowed: Step.Mode.allCases.map(\.rawValue)).flatMap(Step.Mode.init(rawValue:))
        let waktu = reader.waktu(f["waktu"], key: "waktu", options: options)
        if let waktu, case .frequency = waktu.value, let at = f["waktu"]?.location {
            reader.warning("SOP404", WaktuMessages.waktuIsFrequency(["value": .text(waktu.raw)]),
                           at: at)
        }
        let kelengkapan = documentList(f["kelengkapan"], key: "kelengkapan")
        return Step(
            id: id?.value ?? "",
            uraian: reader.text(f["uraian"], key: "uraian") ?? "",
            kind: kind,
            mergedStart: reader.boolean(f["mulai"], key: "mulai") ?? false,
            mergedEnd: reader.boolean(f["selesai"], key: "selesai") ?? false,
            performers: performers,
            mode: mode ?? .bersama,
            kelengkapan: kelengkapan.names,
            waktu: waktu,
            output: reader.textList(f["output"], key: "output"),
            keterangan: reader.text(f["keterangan"], key: "keterangan"),
            next: target(f["lanjut"], key: "lanjut"),
            decision: kind == .keputusan ? decision : nil,
            recurrence: f["berulang"].flatMap { buildRecurrence($0, step: label) },
            group: f["kelompok"].flatMap { buildGroup($0, step: label) },
            location: node.location,
            idLocation: id?.location ?? node.location,
            kelengkapanConditions: kelengkapan.conditions
        )
    }

    private mutating func target(_ node: YAMLNode?, key: String) -> Located<FlowTarget>? {
        guard let id = reader.identifier(node, key: key) else { return nil }
        return Located(FlowTarget(id.value), at: id.location)
    }

    private mutating func buildDecision(_ node: YAMLNode, step: Message) -> Decision? {
        guard let f = reader.fields(node, LanguageCatalog.decision, what: StructureMessages.whereDecision(["step": .message(step)])) else { return nil }
        var outcomes: [Outcome] = []
        var unparsed = 0
        if let list = f["hasil"], !list.isNull {
            if let items = list.items {
                for item in items {
                    guard let o = reader.fields(item, LanguageCatalog.outcome, what: StructureMessages.whereOutcome(["step": .message(step)])),
                          let next = target(o["lanjut"], key: "lanjut") else { continue }
                    let parsed = rule(o["jika"])
                    if parsed == nil, let jika = o["jika"], !jika.isNull { unparsed += 1 }
                    let gate = reader.boolean(o["perlu_kelengkapan"], key: "perlu_kelengkapan")
                    outcomes.append(Outcome(label: reader.text(o["label"], key: "label") ?? "", next: next,
                                            rule: parsed, location: item.location,
                                            kelengkapanWritten: gate.map { Located($0, at: o.keyLocation("perlu_kelengkapan")) }))
                }
            } else {
                reader.error("SOP203", StructureMessages.outcomesNotList(["kind": .message(list.kindText)]), at: list.location)
            }
        }
        return Decision(question: reader.text(f["pertanyaan"], key: "pertanyaan") ?? "", outcomes: outcomes,
                        location: f.keyLocation("hasil"), decider: reader.locatedText(f["oleh"], key: "oleh"),
                        unparsedRules: unparsed)
    }

    mutating func rule(_ node: YAMLNode?) -> Located<Rule>? {
        guard let node, let source = reader.text(node, key: "jika") else { return nil }
        switch RuleParser.parse(source) {
        case .success(let rule):
            return Located(rule, at: NodeReader.position(in: node, offset: 0))
        case .failure(let problem):
            reader.error(problem.code, RuleMessages.inRule(["rule": .text(source), "problem": .message(problem.text)]), at: NodeReader.position(in: node, offset: problem.scalarOffset(in: source)))
            return nil
        }
    }

    private mutating func buildRecurrence(_ node: YAMLNode, step: Message) -> Recurrence? {
        guard let f = reader.fields(node, LanguageCatalog.recurrence, what: StructureMessages.whereRecurrence(["step": .message(step)])) else { return nil }
        let options = time.parserOptions
        guard let every = reader.waktu(f["setiap"], key: "setiap", options: options) else { return nil }
        if every.deadline == nil || every.deadline?.minutes() == 0, let at = f["setiap"]?.location {
            reader.error("SOP404", WaktuMessages.everyNotInterval(["value": .text(every.raw)]), at: at)
            return nil
        }
        return Recurrence(every: every, during: reader.waktu(f["selama"], key: "selama", options: options), location: node.location)
    }

    private mutating func buildGroup(_ node: YAMLNode, step: Message) -> GroupSession? {
        if node.isNull { return GroupSession(attendance: nil, location: node.location) }
        guard let f = reader.fields(node, LanguageCatalog.group, what: StructureMessages.whereGroup(["step": .message(step)])) else { return nil }
        return GroupSession(attendance: reader.locatedText(f["kehadiran"], key: "kehadiran"), location: node.location)
    }
}
