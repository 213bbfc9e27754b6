/// The second loading phase: builds the typed ``SOPDefinition`` from composed nodes, keeping positions.
///
/// It reports shape problems (unknown or missing keys, wrong types, malformed dates and waktu) and
/// builds as much of the model as it can, so that the ``SOPValidator`` can check references and flow
/// in the same run.
struct SOPBuilder {
    var reader = NodeReader()
    private(set) var time = TimeConventions.standard

    /// The definition, or `nil` when the root is not an SOP mapping at all.
    mutating func build(_ root: YAMLNode) -> SOPDefinition? {
        guard root.pairs != nil else {
            reader.error("SOP203", StructureMessages.topNotMapping(["kind": .message(root.kindText)]),
                         at: root.location)
            return nil
        }
        guard let f = reader.fields(root, LanguageCatalog.sop, what: CommonMessages.theSOP()) else { return nil }
        time = buildTimeConventions(f["waktu"])
        let options = time.parserOptions
        let jangkaWaktu = reader.waktu(f["jangka_waktu"], key: "jangka_waktu", options: options)
        if let jangkaWaktu, case .frequency = jangkaWaktu.value, let node = f["jangka_waktu"] {
            reader.error("SOP404", WaktuMessages.periodIsFrequency(["value": .text(jangkaWaktu.raw)]), at: node.location)
        }
        let persyaratan = documentList(f["persyaratan"], key: "persyaratan")
        var definition = SOPDefinition(
            id: reader.identifier(f["id"], key: "id")?.value ?? "",
            nama: reader.text(f["nama"], key: "nama") ?? "",
            nomor: reader.text(f["nomor"], key: "nomor"),
            judul: reader.text(f["judul"], key: "judul"),
            unit: buildUnit(f["unit"]),
            tanggal: buildDates(f["tanggal"]),
            disahkanOleh: buildApprover(f["disahkan_oleh"]),
            dasarHukum: texts(f["dasar_hukum"], "dasar_hukum"),
            kualifikasiPelaksana: texts(f["kualifikasi_pelaksana"], "kualifikasi_pelaksana"),
            keterkaitan: buildRelated(f["keterkaitan"]),
            peralatan: texts(f["peralatan"], "peralatan"),
            peringatan: texts(f["peringatan"], "peringatan"),
            pencatatan: texts(f["pencatatan"], "pencatatan"),
            sasaran: reader.text(f["sasaran"], key: "sasaran"),
            jangkaWaktu: jangkaWaktu,
            biaya: reader.text(f["biaya"], key: "biaya"),
            persyaratan: persyaratan.names,
            time: time,
            performers: buildPerformers(f["pelaksana"]),
            caseFields: buildCaseFields(f["data_kasus"]),
            steps: buildSteps(f["langkah"])
        )
        definition.persyaratanConditions = persyaratan.conditions
        definition.resolveDeciders()
        definition.resolveKelengkapanGates()
        checkTotal(definition, at: f["waktu"]?.pairs?.first { $0.keyText == "total" }?.value)
        return definition
    }

    private mutating func texts(_ node: YAMLNode?, _ key: String) -> [String] {
        reader.textList(node, key: key).map(\.value)
    }

    private mutating func buildTimeConventions(_ node: YAMLNode?) -> TimeConventions {
        var result = TimeConventions.standard
        guard let node, !node.isNull, let f = reader.fields(node, LanguageCatalog.waktu, what: StructureMessages.quotedKey("waktu")) else { return result }
        let unit = reader.keyword(f["satuan_angka"], key: "satuan_angka",
                                  allowed: ["menit", "jam", "hari", "hari_kerja", "hari_kalender"])
        if let basis = reader.keyword(f["hari"], key: "hari", allowed: TimeConventions.DayBasis.allCases.map(\.rawValue)),
           let value = TimeConventions.DayBasis(rawValue: basis) {
            result.dayBasis = value
        }
        if unit == "hari" {
            result.bareNumberUnit = result.dayBasis == .kerja ? .hariKerja : .hariKalender
        } else if let unit {
            result.bareNumberUnit = WaktuUnit(rawValue: unit)
        }
        if let zone = reader.locatedText(f["zona"], key: "zona") {
            let iana = TimeConventions.ianaZone(zone.value)
            if TimeConventions.knownZones.contains(iana) {
                result.timeZone = iana
                result.timeZoneGiven = true
            } else {
                reader.error("SOP407", WaktuMessages.unknownZone(["zone": .text(zone.value)]),
                             at: zone.location)
            }
        }
        if let calendar = reader.identifier(f["kalender"], key: "kalender") { result.calendar = calendar.value }
        result.total = reader.waktu(f["total"], key: "total", options: result.parserOptions)
        return result
    }

    private mutating func buildUnit(_ node: YAMLNode?) -> SOPUnit {
        guard let node, let f = reader.fields(node, LanguageCatalog.unit, what: StructureMessages.quotedKey("unit")) else {
            return SOPUnit(pemerintah: "", dinas: "")
        }
        return SOPUnit(pemerintah: reader.text(f["pemerintah"], key: "pemerintah") ?? "",
                       dinas: reader.text(f["dinas"], key: "dinas") ?? "",
                       bidang: reader.text(f["bidang"], key: "bidang"),
                       seksi: reader.text(f["seksi"], key: "seksi"),
                       logoPath: reader.locatedText(f["logo"], key: "logo"))
    }

    private mutating func buildDates(_ node: YAMLNode?) -> SOPDates? {
        guard let node, !node.isNull, let f = reader.fields(node, LanguageCatalog.tanggal, what: StructureMessages.quotedKey("tanggal")) else { return nil }
        guard let made = reader.date(f["pembuatan"], key: "pembuatan") else {
            _ = reader.date(f["revisi"], key: "revisi")
            _ = reader.date(f["efektif"], key: "efektif")
            return nil
        }
        let dates = SOPDates(pembuatan: made, revisi: reader.date(f["revisi"], key: "revisi"),
                             efektif: reader.date(f["efektif"], key: "efektif"))
        if let revised = dates.revisi, revised < made {
            reader.warning("SOP405", WaktuMessages.revisionBeforeMade(["revised": .date(revised), "made": .date(made)]), at: f.keyLocation("revisi"))
        }
        if let effective = dates.efektif, effective < made {
            reader.warning("SOP405", WaktuMessages.effectiveBeforeMade(["effective": .date(effective), "made": .date(made)]), at: f.keyLocation("efektif"))
        }
        return dates
    }

    private mutating func buildApprover(_ node: YAMLNode?) -> SOPApprover? {
        guard let node, !node.isNull, let f = reader.fields(node, LanguageCatalog.disahkanOleh, what: StructureMessages.quotedKey("disahkan_oleh")) else {
            return nil
        }
        let nip = reader.locatedText(f["nip"], key: "nip")
        if let nip {
            let digits = nip.value.filter { $0 != " " }
            if digits.count != 18 || !digits.allSatisfy(\.isASCIIDigit) {
                reader.warning("SOP406", WaktuMessages.nipLength(["nip": .text(nip.value)]), at: nip.location)
            }
        }
        return SOPApprover(jabatan: reader.text(f["jabatan"], key: "jabatan") ?? "",
                           nama: reader.text(f["nama"], key: "nama") ?? "",
                           nip: nip?.value,
                           pangkat: reader.text(f["pangkat"], key: "pangkat"))
    }

    private mutating func buildRelated(_ node: YAMLNode?) -> [RelatedSOP] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            reader.error("SOP203", StructureMessages.notList(["key": "keterkaitan", "kind": .message(node.kindText)]), at: node.location)
            return []
        }
        return items.compactMap { item in
            if let scalar = item.scalar {
                return RelatedSOP(nama: scalar.value, sopID: nil, location: item.location)
            }
            guard let f = reader.fields(item, LanguageCatalog.keterkaitan, what: StructureMessages.whereRelated()) else { return nil }
            return RelatedSOP(nama: reader.text(f["nama"], key: "nama") ?? "",
                              sopID: reader.identifier(f["sop"], key: "sop"), location: item.location)
        }
    }

    private mutating func buildPerformers(_ node: YAMLNode?) -> [Performer] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            reader.error("SOP203", StructureMessages.performersNotList(["kind": .message(node.kindText)]), at: node.location)
            return []
        }
        return items.compactMap { item in
            guard let f = reader.fields(item, LanguageCatalog.pelaksana, what: StructureMessages.wherePerformer()),
                  let id = reader.identifier(f["id"], key: "id") else { return nil }
            let kind = reader.keyword(f["jenis"], key: "jenis", allowed: Performer.Kind.allCases.map(\.rawValue))
            return Performer(id: id.value, nama: reader.text(f["nama"], key: "nama") ?? id.value,
                             jabatan: reader.text(f["jabatan"], key: "jabatan"),
                             alias: reader.textList(f["alias"], key: "alias").map(\.value),
                             kind: kind.flatMap(Performer.Kind.init(rawValue:)) ?? .internal_, location: id.location)
        }
    }

    private mutating func buildCaseFields(_ node: YAMLNode?) -> [CaseField] {
        guard let node, !node.isNull else { return [] }
        guard let pairs = node.pairs else {
            reader.error("SOP203", StructureMessages.caseDataNotMapping(["kind": .message(node.kindText)]),
                         at: node.location)
            return []
        }
        return pairs.compactMap { pair in
            let name = pair.keyText
            guard NodeReader.isIdentifier(name) else {
                reader.error("SOP204", StructureMessages.invalidFieldName(["name": .text(name)]),
                             at: pair.key.location)
                return nil
            }
            guard let f = reader.fields(pair.value, LanguageCatalog.caseField, what: StructureMessages.whereCaseField(["name": .text(name)])) else { return nil }
            let keyword = reader.keyword(f["tipe"], key: "tipe", allowed: CaseFieldType.keywords)
            let choices = reader.textList(f["pilihan"], key: "pilihan").map(\.value)
            var type = CaseFieldType.text
            switch keyword {
            case "angka": type = .number
            case "boolean": type = .boolean
            case "tanggal": type = .date
            case "pilihan":
                if choices.count < 2 {
                    reader.error("SOP209", StructureMessages.choiceTooFew(["name": .text(name), "count": .number(choices.count)]),
                                 at: f.keyLocation(f["pilihan"] == nil ? "tipe" : "pilihan"))
                }
                type = .choice(choices)
            default: break
            }
            if keyword != nil, keyword != "pilihan", f["pilihan"] != nil {
                reader.warning("SOP209", StructureMessages.choicesOnNonChoice(["name": .text(name), "type": .text(keyword ?? "")]),
                               at: f.keyLocation("pilihan"))
            }
            return CaseField(name: name, type: type, required: reader.boolean(f["wajib"], key: "wajib") ?? false,
                             label: reader.text(f["label"], key: "label"),
                             keterangan: reader.text(f["keterangan"], key: "keterangan"),
                             sensitive: reader.boolean(f["sensitif"], key: "sensitif") ?? false,
                             location: pair.key.location)
        }
    }
}

extension TimeConventions {
    /// Time zones an Indonesian office can be in, plus UTC for tests.
    static let knownZones: Set<String> = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak", "UTC"]
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension SOPBuilder {
    /// SOP409: the printed total (`waktu.total`) fits no path's sum of step times (checked when
    /// the steps carry times at all; paths ending in 'keluar' are left out).
    mutating func checkTotal(_ sop: SOPDefinition, at node: YAMLNode?) {
        guard let total = sop.time.total, let high = total.deadline?.minutes(), let node,
              sop.steps.contains(where: { $0.waktu?.deadline != nil }) else { return }
        let low = total.minimum?.minutes() ?? high
        let paths = PathTotals.of(sop).filter { !$0.0.hasSuffix("[keluar]") }
        guard !paths.isEmpty else { return }
        func fits(_ m: Double) -> Bool {
            switch total.value {
            case .atMost: m <= high + 0.5
            case .about: abs(m - high) <= high * 0.1 + 0.5
            default: m >= low - 0.5 && m <= high + 0.5
            }
        }
        guard !paths.contains(where: { fits($0.1) }) else { return }
        let sums = paths.prefix(4).map { "\($0.0): \(CaseReport.duration($0.1))" }.joined(separator: "; ")
        reader.warning("SOP409", WaktuMessages.totalFitsNoPath(["total": .text(total.raw), "sums": .text(sums + (paths.count > 4 ? "; ..." : ""))]),
                       at: node.location)
    }
}
