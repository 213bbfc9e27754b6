extension SOPBuilder {
    /// A list of documents (`kelengkapan`, `persyaratan`): each item a name, or `{nama, jika}` for a
    /// document needed only when a rule on case data holds ("Surat keterangan rawat inap, jika
    /// dirawat_inap"). Returns the names in order and the conditions by document key.
    mutating func documentList(_ node: YAMLNode?, key: String) -> (names: [Located<String>], conditions: [String: Located<Rule>]) {
        guard let node, !node.isNull else { return ([], [:]) }
        guard let items = node.items, items.contains(where: { $0.pairs != nil }) else {
            return (reader.textList(node, key: key), [:])
        }
        var names: [Located<String>] = []
        var conditions: [String: Located<Rule>] = [:]
        for item in items {
            guard item.pairs != nil else {
                names += reader.textList(YAMLNode(.sequence([item]), at: item.location), key: key)
                continue
            }
            guard let f = reader.fields(item, LanguageCatalog.conditionalDocument, what: StructureMessages.whereDocumentItem(["key": .text(key)])),
                  let name = reader.locatedText(f["nama"], key: "nama") else { continue }
            names.append(name)
            if let rule = rule(f["jika"]) { conditions[DocumentAvailability.key(name.value)] = rule }
        }
        return (names, conditions)
    }
}
