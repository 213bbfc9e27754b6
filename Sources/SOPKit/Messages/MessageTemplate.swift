/// Filling `{name}` placeholders, and reading which names a template uses.
enum MessageTemplate {
    /// `template` with every `{name}` replaced by its argument in `bahasa`; an unknown name stays
    /// as written (the catalogue test makes sure none is).
    static func fill(_ template: String, _ arguments: [String: MessageArgument], in bahasa: Bahasa) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if isName(name), let value = arguments[name] {
                out += value.text(in: bahasa)
            } else if let first = name.first, first.isUppercase, isName(first.lowercased() + name.dropFirst()),
                      let value = arguments[first.lowercased() + name.dropFirst()] {
                // `{Step}`: the argument with its first letter capitalised, to begin a sentence.
                let text = value.text(in: bahasa)
                out += text.prefix(1).uppercased() + text.dropFirst()
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The placeholder names a template uses, in order, each once (`{Step}` counts as `step`).
    static func names(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            let plain = name.prefix(1).lowercased() + name.dropFirst()
            if isName(plain), !names.contains(plain) { names.append(plain) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
