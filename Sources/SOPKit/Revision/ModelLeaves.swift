/// Every value of a definition, by a path of YAML keys (`data_kasus[nama_anak].sensitif`), found by
/// reflection over the model (`Mirror`), so that a stored property added later is compared without
/// anyone listing it. `sop diff` compares these leaves as the backstop behind its SOP-terms wording.
///
/// What is left out: source positions (`SourceLocation`, and `location`/`idLocation` fields), which
/// move whenever a line is added above them. Arrays of named things are keyed by their name (a
/// step by its id, mapped to the new revision's id; a performer by id; a case field by name; an
/// outcome by label; a related SOP by nama), other arrays by position.
struct ModelLeaves {
    /// Path to printed value.
    private(set) var values: [String: String] = [:]
    /// Paths in the order they were met, for a stable report.
    private(set) var order: [String] = []

    /// The leaves of `definition`; `stepID` maps a step id (and a flow target) to the id it is compared under.
    init(_ definition: SOPDefinition, stepID: (String) -> String = { $0 }) {
        walk(definition, path: "", stepID: stepID)
    }

    /// The YAML key of a model property; a property not listed keeps its own name in snake_case.
    static let keys: [String: String] = [
        "performers": "pelaksana", "caseFields": "data_kasus", "steps": "langkah", "time": "waktu",
        "dayBasis": "hari", "bareNumberUnit": "satuan_angka", "timeZone": "zona", "timeZoneGiven": "zona_ditulis", "calendar": "kalender",
        "kind": "jenis", "required": "wajib", "sensitive": "sensitif", "type": "tipe",
        "disahkanOleh": "disahkan_oleh", "dasarHukum": "dasar_hukum", "kualifikasiPelaksana": "kualifikasi_pelaksana",
        "jangkaWaktu": "jangka_waktu", "mergedStart": "mulai", "mergedEnd": "selesai", "next": "lanjut",
        "decision": "keputusan", "question": "pertanyaan", "outcomes": "hasil", "rule": "jika",
        "recurrence": "berulang", "every": "setiap", "during": "selama", "group": "kelompok",
        "attendance": "kehadiran", "sopID": "sop", "decider": "oleh",
        "kelengkapanWritten": "perlu_kelengkapan", "needsKelengkapan": "perlu_kelengkapan_berlaku",
        "kelengkapanConditions": "kelengkapan_jika", "persyaratanConditions": "persyaratan_jika",
    ]

    /// The printed name of a property: its YAML key.
    static func key(_ label: String) -> String {
        if let k = keys[label] { return k }
        var out = ""
        for c in label {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    private mutating func leaf(_ path: String, _ value: String) {
        if values[path] == nil { order.append(path) }
        values[path] = value
    }

    private mutating func walk(_ value: Any, path: String, stepID: (String) -> String) {
        // Leaves whose printed form is their meaning.
        switch value {
        case is SourceLocation: return
        case let w as Waktu: return leaf(path, "\(w.raw) [\(w.description)]")
        case let r as Rule: return leaf(path, r.source)
        case let d as CalendarDate: return leaf(path, d.description)
        case let t as FlowTarget:
            if case .step(let id) = t { return leaf(path, stepID(id)) }
            return leaf(path, t.description)
        case let t as CaseFieldType:
            if case .choice(let choices) = t { return leaf(path, "pilihan: " + choices.joined(separator: ", ")) }
            return leaf(path, t.keyword)
        case let s as String: return leaf(path, s)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let some = mirror.children.first else { return leaf(path, "(none)") }
            walk(some.value, path: path, stepID: stepID)
        case .collection, .set:
            var seen: [String: Int] = [:]
            for (i, child) in mirror.children.enumerated() {
                var key = Self.elementKey(child.value, stepID: stepID) ?? String(i)
                seen[key, default: 0] += 1
                if let n = seen[key], n > 1 { key += "#\(n)" }
                walk(child.value, path: "\(path)[\(key)]", stepID: stepID)
            }
            if mirror.children.isEmpty { leaf(path, "(none)") }
        case .dictionary:
            for child in mirror.children {
                let pair = Array(Mirror(reflecting: child.value).children)
                guard pair.count == 2 else { continue }
                walk(pair[1].value, path: "\(path)[\(pair[0].value)]", stepID: stepID)
            }
        case .enum:
            let children = Array(mirror.children)
            if children.isEmpty { return leaf(path, String(describing: value)) }
            for child in children {
                walk(child.value, path: path + "." + (child.label ?? "value"), stepID: stepID)
            }
        case .struct, .class, .tuple:
            walkChildren(value, path: path, stepID: stepID)
        default:
            leaf(path, String(describing: value))
        }
    }

    private mutating func walkChildren(_ value: Any, path: String, stepID: (String) -> String) {
        for child in Mirror(reflecting: value).children {
            let label = child.label ?? ""
            // Positions, and caches that are no part of the value (`_stepIndex`).
            if label == "location" || label.hasSuffix("Location") || label.hasPrefix("_") { continue }
            // Boxes and wrappers add no name: Step's storage, a Located value, a Waktu's raw text.
            if label == "storage" || label == "fields" || label == "value" || label.hasPrefix(".") || label.isEmpty {
                walk(child.value, path: path, stepID: stepID)
            } else {
                walk(child.value, path: path.isEmpty ? Self.key(label) : path + "." + Self.key(label), stepID: stepID)
            }
        }
    }

    /// The key of an array element that has a name of its own.
    private static func elementKey(_ value: Any, stepID: (String) -> String) -> String? {
        switch value {
        case let s as Step: return stepID(s.id)
        case let p as Performer: return p.id
        case let f as CaseField: return f.name
        case let o as Outcome: return o.label.lowercased()
        case let r as RelatedSOP: return r.nama
        default: return nil
        }
    }
}
