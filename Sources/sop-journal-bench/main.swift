import Foundation

// sop-journal-bench --db LOCATION --writers N [--seconds S] [--repeat R] [--workload own-case|one-case] [--sop FILE] [--header]
// Runs R times (each on new cases in the same journal) and prints one Markdown table row (with
// --header, the table's header first). LOCATION: a new SQLite file, or a PostgreSQL URL of an
// empty database or schema.
var values: [String: String] = [:]
var flags: Set<String> = []
var rest = CommandLine.arguments.dropFirst()[...]
while let word = rest.popFirst() {
    guard word.hasPrefix("--") else { continue }
    let name = String(word.dropFirst(2))
    if name == "header" { flags.insert(name); continue }
    values[name] = rest.popFirst()
}
guard let location = values["db"], let writers = Int(values["writers"] ?? "") else {
    FileHandle.standardError.write(Data("usage: sop-journal-bench --db LOCATION --writers N [--seconds S] [--workload own-case|one-case] [--sop FILE]\n".utf8))
    exit(64)
}
do {
    var runs: [JournalBench.Result] = []
    for _ in 0..<max(1, Int(values["repeat"] ?? "") ?? 1) {
        runs.append(try JournalBench.run(location: location, workload: values["workload"] ?? "own-case", writers: writers,
                                         seconds: Double(values["seconds"] ?? "") ?? 5, sop: values["sop"] ?? "sops/anak-jalanan.yaml"))
    }
    if flags.contains("header") { print(JournalBench.header) }
    print(JournalBench.row(runs))
} catch {
    FileHandle.standardError.write(Data("sop-journal-bench: \(error)\n".utf8))
    exit(1)
}
