import Foundation

/// Loads scenario files: compose, check keys against ``ScenarioCatalog``, build the ``Scenario``.
public struct ScenarioLoader: Sendable {
    public init() {}

    /// Whether a composed root is a scenario rather than an SOP (it has a `skenario` key).
    public static func isScenario(_ root: YAMLNode) -> Bool {
        root.pairs?.contains { $0.keyText == "skenario" } ?? false
    }

    /// Loads the file at `path`.
    public func load(path: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        let data: [UInt8]
        switch BoundedFile.read(path, limit: YAMLLimits.standard.maxBytes) {
        case .success(let bytes): data = bytes
        case .failure(let failure): return (nil, [failure.diagnostic(path: path)])
        }
        let composed = YAMLComposer().compose(data, file: path)
        guard let root = composed.root else { return (nil, composed.diagnostics) }
        let (scenario, diagnostics) = build(root, file: path)
        return (scenario, composed.diagnostics + diagnostics)
    }

    /// Builds a scenario from a composed root.
    public func build(_ root: YAMLNode, file: String?) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        var reader = NodeReader()
        guard let f = reader.fields(root, ScenarioCatalog.scenario, what: ScenarioMessages.whereScenario()) else { return (nil, reader.diagnostics) }
        var data: [String: String] = [:]
        if let node = f["data"], !node.isNull {
            let (fields, problems) = CaseDataFile.fields(of: node, what: StructureMessages.quotedKey("data"))
            data = fields
            reader.diagnostics += problems
        }
        var history: [ScenarioEntry] = []
        if let node = f["riwayat"], !node.isNull {
            if let items = node.items {
                history = items.compactMap { readEntry($0, &reader) }
            } else {
                reader.error("SOP203", ScenarioMessages.historyNotList(["kind": .message(node.kindText)]), at: node.location)
            }
        }
        let expectations = f["harapan"].flatMap { readExpectations($0, &reader) }
        guard let name = reader.text(f["skenario"], key: "skenario"), let sop = reader.locatedText(f["sop"], key: "sop"),
              let start = reader.locatedText(f["mulai"], key: "mulai") else { return (nil, reader.diagnostics) }
        let now = reader.locatedText(f["sekarang"], key: "sekarang")
        let documents = reader.textList(f["dokumen"], key: "dokumen").map(\.value)
        let dataLocation = f["data"]?.location ?? root.location
        let scenario = Scenario(name: name, sop: sop, start: start, now: now, data: data, dataLocation: dataLocation,
                                documents: documents, history: history, expectations: expectations, file: file,
                                location: root.location)
        return (reader.diagnostics.hasErrors ? nil : scenario, reader.diagnostics)
    }

    private func readEntry(_ node: YAMLNode, _ reader: inout NodeReader) -> ScenarioEntry? {
        guard let f = reader.fields(node, ScenarioCatalog.entry, what: ScenarioMessages.whereEntry()) else { return nil }
        let at = reader.locatedText(f["pada"], key: "pada")
        let refused = reader.text(f["ditolak"], key: "ditolak")
        let step = reader.identifier(f["langkah"], key: "langkah")
        let session = reader.identifier(f["sesi"], key: "sesi")
        switch (step, session) {
        case (let step?, nil):
            let performers = f["oleh"].map { reader.textList($0, key: "oleh").map(\.value) }
            return ScenarioEntry(kind: .act(step: step.value, performers: performers, answer: reader.text(f["jawaban"], key: "jawaban"),
                                            note: reader.text(f["catatan"], key: "catatan"),
                                            documents: reader.textList(f["dokumen"], key: "dokumen").map(\.value)),
                                 at: at, refused: refused, location: node.location)
        case (nil, let session?):
            for key in ["oleh", "jawaban", "catatan", "dokumen"] where f[key] != nil {
                reader.error("SOP702", ScenarioMessages.notForSession(["key": .text(key), "session": .text(session.value)]), at: f.keyLocation(key))
            }
            if at == nil {
                reader.error("SOP702", ScenarioMessages.sessionNeedsPada(), at: node.location)
                return nil
            }
            return ScenarioEntry(kind: .session(step: session.value), at: at, refused: refused, location: node.location)
        case (_?, _?):
            reader.error("SOP702", ScenarioMessages.actionOrSession(), at: node.location)
        case (nil, nil):
            if f["langkah"] == nil, f["sesi"] == nil {
                reader.error("SOP702", ScenarioMessages.entryNeedsStep(), at: node.location)
            }
        }
        return nil
    }

    private func readExpectations(_ node: YAMLNode, _ reader: inout NodeReader) -> ScenarioExpectations? {
        guard !node.isNull, let f = reader.fields(node, ScenarioCatalog.expectations, what: StructureMessages.quotedKey("harapan")) else { return nil }
        func list(_ key: String) -> Located<[String]>? {
            guard let value = f[key] else { return nil }
            return Located(reader.textList(value, key: key).map(\.value), at: f.keyLocation(key))
        }
        func count(_ key: String) -> Located<Int>? {
            guard let value = reader.locatedText(f[key], key: key) else { return nil }
            guard let n = Int(value.value), n >= 0 else {
                reader.error("SOP203", ScenarioMessages.notWholeNumber(["key": .text(key), "value": .text(value.value)]), at: value.location)
                return nil
            }
            return Located(n, at: f.keyLocation(key))
        }
        var outcome: Located<CaseOutcome>?
        if let word = reader.keyword(f["hasil"], key: "hasil", allowed: ScenarioExpectations.outcomeWords.map(\.0)),
           let value = ScenarioExpectations.outcomeWords.first(where: { $0.0 == word })?.1 {
            outcome = Located(value, at: f.keyLocation("hasil"))
        }
        var total: Located<Waktu>?
        if let waktu = reader.waktu(f["total_waktu"], key: "total_waktu", options: WaktuParser.Options()) {
            total = Located(waktu, at: f.keyLocation("total_waktu"))
        }
        return ScenarioExpectations(path: list("jalur"), outcome: outcome, overdue: list("terlambat"), totalTime: total,
                                    sessionsAttended: count("sesi_hadir"), sessionsMissed: count("sesi_terlewat"),
                                    documents: list("dokumen"),
                                    pastDeadline: reader.boolean(f["lewat_batas"], key: "lewat_batas").map { Located($0, at: f.keyLocation("lewat_batas")) })
    }
}
