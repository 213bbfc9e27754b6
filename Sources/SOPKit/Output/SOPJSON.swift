/// The normalised model of an SOP as JSON (`sop show --format json`): every default applied,
/// waktu parsed into minutes next to the raw text, flow targets resolved.
public enum SOPJSON {
    /// The whole definition.
    public static func model(_ sop: SOPDefinition) -> JSONValue {
        .object([
            ("id", .string(sop.id)),
            ("name", .string(sop.nama)),
            ("nomor", .optional(sop.nomor)),
            ("judul", .optional(sop.judul)),
            ("unit", .object([("pemerintah", .string(sop.unit.pemerintah)), ("dinas", .string(sop.unit.dinas)),
                              ("bidang", .optional(sop.unit.bidang)), ("seksi", .optional(sop.unit.seksi))])),
            ("tanggal", sop.tanggal.map { t in
                .object([("pembuatan", .string(t.pembuatan.description)), ("revisi", .optional(t.revisi?.description)),
                         ("efektif", .optional(t.efektif?.description))])
            } ?? .null),
            ("disahkan_oleh", sop.disahkanOleh.map { a in
                .object([("jabatan", .string(a.jabatan)), ("nama", .string(a.nama)), ("nip", .optional(a.nip)),
                         ("pangkat", .optional(a.pangkat))])
            } ?? .null),
            ("dasar_hukum", strings(sop.dasarHukum)),
            ("kualifikasi_pelaksana", strings(sop.kualifikasiPelaksana)),
            ("keterkaitan", .array(sop.keterkaitan.map { .object([("nama", .string($0.nama)), ("sop", .optional($0.sopID?.value))]) })),
            ("peralatan", strings(sop.peralatan)),
            ("peringatan", strings(sop.peringatan)),
            ("pencatatan", strings(sop.pencatatan)),
            ("sasaran", .optional(sop.sasaran)),
            ("jangka_waktu", waktu(sop.jangkaWaktu)),
            ("biaya", .optional(sop.biaya)),
            ("persyaratan", strings(sop.persyaratan.map(\.value))),
            ("persyaratan_conditions", conditions(sop.persyaratan, { sop.persyaratanConditions[DocumentAvailability.key($0)] }, in: sop)),
            ("time", .object([
                ("bare_number_unit", .optional(sop.time.bareNumberUnit?.rawValue)),
                ("hari", .string(sop.time.dayBasis.rawValue)),
                ("time_zone", .string(sop.time.timeZone)),
                ("calendar", .string(sop.time.calendar)),
                ("total", waktu(sop.time.total)),
            ])),
            ("performers", .array(sop.performers.enumerated().map { i, p in
                .object([("id", .string(p.id)), ("column", .number(Double(i + 1))), ("nama", .string(p.nama)),
                         ("jabatan", .optional(p.jabatan)), ("alias", strings(p.alias)), ("jenis", .string(p.kind.rawValue))])
            })),
            ("case_fields", .array(sop.caseFields.map(caseField))),
            ("steps", .array(sop.steps.enumerated().map { step($1, number: $0 + 1, in: sop) })),
        ])
    }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// The documents needed only sometimes: name, rule (`jika` as written) and the text as printed.
    static func conditions(_ names: [Located<String>], _ rule: (String) -> Located<Rule>?, in sop: SOPDefinition) -> JSONValue {
        .array(names.compactMap { name in
            rule(name.value).map { rule in
                .object([("name", .string(name.value)), ("jika", .string(rule.value.source)),
                         ("printed", .string(sop.printed(name.value, condition: rule)))])
            }
        })
    }

    /// A parsed waktu: raw text, normalised text, kind, and the deadline and minimum in minutes.
    public static func waktu(_ waktu: Waktu?) -> JSONValue {
        guard let waktu else { return .null }
        var pairs: [(String, JSONValue)] = [("raw", .string(waktu.raw)), ("text", .string(waktu.description)),
                                            ("kind", .string(waktu.value.kind))]
        if let deadline = waktu.deadline {
            // Months and years are calendar months (3 Feb + 3 bulan = 3 May; 31 Jan + 3 bulan =
            // 30 Apr), not a number of minutes: they are given as months, the rest in minutes.
            let months = deadline.parts.reduce(0.0) { $0 + ($1.unit == .bulan ? $1.amount : $1.unit == .tahun ? 12 * $1.amount : 0) }
            let rest = Durasi(parts: deadline.parts.filter { $0.unit != .bulan && $0.unit != .tahun })
            if months > 0 { pairs.append(("months", .number(months))) }
            if months == 0 || !rest.parts.isEmpty { pairs.append(("minutes", .number(rest.minutes()))) }
        }
        // Working minutes (office hours of working days) or calendar minutes: "24 jam" and
        // "1 x 24 jam" are both 1440 minutes, counted very differently.
        if let counting = waktu.counting { pairs.append(("counted", .string(counting))) }
        if let lead = waktu.lead { pairs.append(("lead", .string(lead))) }
        if let remark = waktu.remark {
            pairs.append(("remark", .string(remark)))
            if let start = waktu.remarkIsStart { pairs.append(("remark_kind", .string(start ? "start" : "condition"))) }
        }
        if let minimum = waktu.minimum, !minimum.parts.contains(where: { $0.unit == .bulan || $0.unit == .tahun }) {
            pairs.append(("min_minutes", .number(minimum.minutes())))
        }
        switch waktu.value {
        case .sameDay:
            pairs.append(("due", .string("close of office hours on the working day it starts")))
        case .cutoff(let minute, let before, let after):
            pairs.append(("cutoff", .string(String(format: "%02d:%02d", minute / 60, minute % 60))))
            pairs.append(("before", .string(before.rawValue)))
            pairs.append(("after", .string(after.rawValue)))
            pairs.append(("due", .string("close of office hours: started before the cut-off, \(before.rawValue.replacingOccurrences(of: "_", with: " ")); after it, \(after.rawValue.replacingOccurrences(of: "_", with: " "))")))
        case .monthly(let days):
            pairs.append(("days_of_month", .array(days.map { .number(Double($0)) })))
            pairs.append(("due", .string("close of office hours on the next of these dates of the month (-1: its last day), or the working day after when it is a day off")))
        default:
            break
        }
        if case .frequency(let times, let per) = waktu.value {
            pairs.append(("times", .number(Double(times))))
            pairs.append(("per", .string(per.rawValue)))
        }
        return .object(pairs)
    }

    private static func caseField(_ f: CaseField) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("name", .string(f.name)), ("type", .string(f.type.keyword)),
                                            ("required", .bool(f.required)), ("sensitive", .bool(f.sensitive)),
                                            ("label", .optional(f.label))]
        if case .choice(let choices) = f.type { pairs.append(("choices", strings(choices))) }
        return .object(pairs)
    }

    private static func step(_ s: Step, number: Int, in sop: SOPDefinition) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("number", .number(Double(number))), ("id", .string(s.id)), ("uraian", .string(s.uraian)),
            ("kind", .string(s.kind.rawValue)), ("start", .bool(s.mergedStart || s.kind == .mulai)),
            ("end", .bool(s.mergedEnd || s.kind == .selesai)),
            ("performers", strings(s.performers.map(\.value))), ("mode", .string(s.mode.rawValue)),
            ("kelengkapan", strings(s.kelengkapan.map(\.value))),
            ("kelengkapan_conditions", conditions(s.kelengkapan, { sop.condition(of: $0, at: s) }, in: sop)), ("waktu", waktu(s.waktu)),
            ("output", strings(s.output.map(\.value))), ("keterangan", .optional(s.keterangan)),
        ]
        if let decision = s.decision {
            pairs.append(("decision", .object([
                ("question", .string(decision.question)),
                ("rule_decided", .bool(decision.isRuleDecided)),
                ("rule_only", .bool(s.isRuleOnly)),
                ("outcomes", .array(decision.outcomes.map { o in
                    .object([("label", .string(o.label)), ("next", .string(o.next.value.description)),
                             ("rule", .optional(o.rule?.value.source)),
                             // Whether the outcome needs the step's kelengkapan (false: it may be taken while they are missing).
                             ("perlu_kelengkapan", .bool(o.needsKelengkapan))])
                })),
            ])))
        } else if let index = sop.stepIndex(s.id) {
            pairs.append(("next", .string(sop.defaultNext(after: index).description)))
        }
        if let r = s.recurrence {
            pairs.append(("recurrence", .object([("every", waktu(r.every)), ("during", waktu(r.during ?? sop.jangkaWaktu))])))
        }
        if let g = s.group {
            pairs.append(("group", .object([("attendance", .optional(g.attendance?.value))])))
        }
        return .object(pairs)
    }
}
