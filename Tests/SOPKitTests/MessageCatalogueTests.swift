import Foundation
import Testing
@testable import SOPKit

/// The message catalogue: every message a person reads exists in Indonesian and English with the
/// same named parameters, every diagnostic code of `docs/diagnostics.md` has its messages there,
/// and no code builds a message from an English literal any more.
@Suite struct MessageCatalogueTests {
    @Test func everyEntryHasBothLanguagesWithTheSameParameters() {
        var problems: [String] = []
        for entry in MessageCatalogue.entries {
            if entry.texts.id.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(entry.key): no Indonesian text") }
            if entry.texts.en.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("\(entry.key): no English text") }
            let id = Set(MessageTemplate.names(in: entry.texts.id)), en = Set(MessageTemplate.names(in: entry.texts.en))
            if id != en {
                problems.append("\(entry.key): parameters differ: id \(id.sorted()) en \(en.sorted())")
            }
            if entry.texts.id == entry.texts.en, !MessageCatalogueTests.sameInBothLanguages.contains(entry.key) {
                problems.append("\(entry.key): the Indonesian text is the English text")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    /// Texts that are the same in both languages on purpose (a quoted key, a path and a reason).
    static let sameInBothLanguages: Set<String> = [
        "YAMLMessages.unreadable", "YAMLMessages.syntaxContext", "StructureMessages.whereQuotedKey", "StructureMessages.booleanInvalid",
        "CLIMessages.cannotWrite", "DiffMessages.heading", "DiffMessages.outcome", "CaseViewMessages.documentLine", "CaseViewMessages.colSOP", "CaseViewMessages.colMedian", "CaseViewMessages.status", "OutputMessages.kinds", "OutputMessages.oneSOP", "OutputMessages.colStatus", "OutputMessages.filesChecked", "EngineMessages.semicolon", "EngineMessages.missingItem", "EngineMessages.fieldProblem", "RuleMessages.fieldDescribed", "RuleMessages.quotedToken", "CalendarMessages.indonesianZones", "CalendarMessages.ramadanHours", "CLIMessages.commandProblem", "CaseMigrationMessages.reasons", "CalendarSummaryMessages.dayLine", "CaseCommandMessages.auditLogin", "CaseCommandMessages.dueMove", "OutputMessages.rowHeading", "PageMessages.sop", "PageMessages.status", "PageMessages.reportMedian", "AuditMessages.stepRefused", "AuditMessages.reasons",
    ]

    @Test func keysAreUnique() {
        let keys = MessageCatalogue.entries.map(\.key)
        #expect(Set(keys).count == keys.count)
    }

    /// A diagnostic code documented in docs/diagnostics.md has catalogue messages, and a catalogue
    /// message's code is documented: the two tables cannot drift apart.
    @Test func diagnosticCodesMatchTheDocumentedTable() throws {
        let docs = try String(contentsOf: TestPaths.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let documented = Set(docs.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| SOP") else { return nil }
            return String(line.dropFirst(2).prefix(6))
        })
        let catalogued = Set(MessageCatalogue.entries.compactMap(\.code))
        let codesInSources = try Self.codesUsedInSources()
        #expect(catalogued.subtracting(documented).sorted() == [], "catalogue codes missing from docs/diagnostics.md")
        #expect(codesInSources.subtracting(catalogued).sorted() == [], "codes used in Sources with no catalogue message")
    }

    /// No diagnostic, note, refusal or problem is built from an English literal: the list is found
    /// in the sources themselves, so a message added the old way (on another branch) is named here
    /// until its Indonesian text is added to the catalogue.
    @Test func noMessageIsBuiltFromAnEnglishLiteral() throws {
        let found = try Self.untranslatedSites()
        #expect(found.isEmpty, "messages built from English literals (add them to Sources/SOPKit/Messages):\n\(found.joined(separator: "\n"))")
    }

    /// No text printed for a person by the command line, the simulator's report or the journal's
    /// progress lines is an English literal: option help (`help: "..."`), a command's abstract or
    /// discussion, or a literal with words in it handed to `print`, `Terminal.error`,
    /// `ValidationError`, `UsageFailure.exit`, `AdminError`, `progress`, `wrap` or `out +=`.
    @Test func noCommandOutputIsAnEnglishLiteral() throws {
        let found = Self.englishOutputSites(try Self.swiftSources().filter { Self.isPrintedForAPerson($0.path) })
        #expect(found.isEmpty, "English literals printed for a person (add them to Sources/SOPKit/Messages):\n\(found.joined(separator: "\n"))")
    }

    /// The message-literal detector finds the simulator's and the web server's errors built from
    /// English, and leaves alone those built from the catalogue.
    @Test func theMessageLiteralDetectorReachesSimulateAndServe() throws {
        let probes: [Substring] = [
            #"            throw SimulationInputError("--staff", "'\(text)' is not ROLE=N, e.g. peksos=2")"#,
            #"            throw WebSetupError("the TLS key '\(key)' cannot be read as a PEM private key")"#,
        ]
        let quiet: [Substring] = [
            #"            throw SimulationInputError("--staff", SimulationInputMessages.staffNotRoleN(["text": .text(text)]))"#,
            #"            throw WebSetupError(ServeSetupMessages.keyUnreadable(["path": .text(key)]))"#,
        ]
        #expect(try Self.untranslatedSites([("Sources/SOPSimulate/probe.swift", probes)]).count == probes.count)
        #expect(try Self.untranslatedSites([("Sources/SOPWeb/quiet.swift", quiet)]).isEmpty)
    }

    /// The detector itself finds each kind of English literal, and leaves alone what holds no words.
    @Test func theEnglishLiteralDetectorFindsEachKind() {
        let probes: [Substring] = [
            #"    @Option(help: "The SOP file.")"#, #"        abstract: "Serves the office's cases","#, #"        discussion: """"#,
            #"            if listed.isEmpty { print("no cases") }"#, #"        Terminal.error("sop: the journal '\(path)' is damaged")"#,
            #"        throw ValidationError("name at least one --case")"#, #"            throw UsageFailure.exit("--as", "'\(role)' is not a performer")"#,
            #"            throw AdminError("there is no user '\(name)'")"#, #"            progress("copied \(id): \(n) events")"#,
            #"        out += "\nCases\n""#, #"        out += wrap("Staff: " + staff)"#,
        ]
        let quiet: [Substring] = [
            #"        print("\(listed.id)  \(listed.summary.sopID)")"#, #"        out += "\n""#, #"        Terminal.error("sop: \(problem)")"#,
            #"    @Option(help: .catalogue(.sopFile))"#, #"        print(text, terminator: "")"#,
        ]
        #expect(Self.englishOutputSites([("probe.swift", probes)]).count == probes.count)
        #expect(Self.englishOutputSites([("quiet.swift", quiet)]).isEmpty)
    }

    /// Every invalid fixture, in both languages: no diagnostic or note is untranslated, and the
    /// Indonesian and English runs give the same codes at the same positions.
    @Test func invalidFixturesAreTranslated() {
        for file in TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("invalid"), ext: "yaml") {
            let diagnostics = SOPLoader().load(path: file.path).diagnostics
            for d in diagnostics where d.isUntranslated {
                Issue.record("\(file.lastPathComponent): \(d.code) untranslated: \(d.message)")
            }
            for d in diagnostics {
                #expect(!d.message(in: .id).isEmpty && !d.message(in: .en).isEmpty)
                #expect(!d.message(in: .id).contains("{") || d.message(in: .en).contains("{"), "unfilled placeholder: \(d.message(in: .id))")
            }
        }
    }

    @Test func numbersUseIndonesianSeparators() {
        #expect(NumberFormat.integer(1234, in: .id) == "1.234")
        #expect(NumberFormat.integer(1234567, in: .id) == "1.234.567")
        #expect(NumberFormat.integer(1234, in: .en) == "1234")
        #expect(NumberFormat.decimal(1234.5, in: .id) == "1.234,5")
        #expect(NumberFormat.decimal(1234.5, in: .en) == "1234.5")
        #expect(NumberFormat.decimal(-0.25, places: 2, in: .id) == "-0,25")
        #expect(NumberFormat.decimal(7.0, in: .id) == "7")
    }

    /// A decimal in a message reads with the language's separators, English grouped too (a person
    /// reads it, no script), trailing zeros dropped.
    @Test func decimalArgumentsUseTheLanguagesSeparators() {
        let sum = SimulationInputMessages.sharesOverOne(["step": "penjangkauan", "shares": "Ya:0.7, Tidak:0.7", "total": .decimal(1.4, places: 4)])
        #expect(sum.text(in: .id).hasSuffix("berjumlah 1,4, lebih dari 1"))
        #expect(sum.text(in: .en).hasSuffix("add up to 1.4, more than 1"))
        #expect(MessageArgument.decimal(1234.5, places: 1).text(in: .id) == "1.234,5")
        #expect(MessageArgument.decimal(1234.5, places: 1).text(in: .en) == "1,234.5")
        #expect(MessageArgument.decimal(-1234567.25, places: 2).text(in: .en) == "-1,234,567.25")
        #expect(MessageArgument.decimal(1.0 / 3, places: 4).text(in: .id) == "0,3333")
        #expect(MessageArgument.decimal(12, places: 2).text(in: .id) == "12")
    }

    @Test func languageComesFromTheEnvironmentInOrder() throws {
        #expect(try Bahasa.fromEnvironment([:]).get() == .id)
        #expect(try Bahasa.fromEnvironment(["LANG": "en_US.UTF-8"]).get() == .en)
        #expect(try Bahasa.fromEnvironment(["LANG": "id_ID.UTF-8"]).get() == .id)
        #expect(try Bahasa.fromEnvironment(["LANG": "C.UTF-8"]).get() == .id)
        #expect(try Bahasa.fromEnvironment(["LC_ALL": "en_GB", "LANG": "id_ID"]).get() == .en)
        #expect(try Bahasa.fromEnvironment(["LC_MESSAGES": "id_ID", "LANG": "en_US"]).get() == .id)
        #expect(try Bahasa.fromEnvironment(["SOP_BAHASA": "en", "LANG": "id_ID"]).get() == .en)
        guard case .failure(let problem) = Bahasa.fromEnvironment(["SOP_BAHASA": "fr"]) else {
            Issue.record("SOP_BAHASA=fr accepted")
            return
        }
        #expect(problem.message(in: .en) == "SOP_BAHASA: unknown language 'fr'; use id (Indonesian) or en (English)")
    }

    @Test func templatesFillNamedParametersAndCapitalise() {
        let message = FlowMessages.unknownPerformer(["performer": "stf", "step": .message(CommonMessages.step("agenda-proposal", index: 0)),
                                                     "hint": .message(Suggestion.hint("stf", in: ["staf", "kasi"]))])
        #expect(message.text(in: .id) == "Pelaksana 'stf' tidak dikenal di langkah 'agenda-proposal'. Maksud Anda 'staf'?")
        #expect(message.text(in: .en) == "unknown performer 'stf' in step 'agenda-proposal'; did you mean 'staf'?")
        let start = FlowMessages.startNotFirst(["step": .message(CommonMessages.step("b", index: 1))])
        #expect(start.text(in: .id).hasPrefix("Langkah 'b' memuat"))
    }

    // MARK: - Reading the sources

    static func swiftSources() throws -> [(path: String, lines: [Substring])] {
        let root = TestPaths.root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [(String, [Substring])] = []
        for case let relative as String in walker where relative.hasSuffix(".swift") {
            // The benchmark and fuzz drivers print for developers, not for an office.
            if relative.hasPrefix("sop-bench") || relative.hasPrefix("sop-journal-bench") || relative.hasPrefix("SOPFuzz") { continue }
            let text = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            out.append(("Sources/" + relative, text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Where a message is made from a string literal: diagnostics, notes, refusals, problems.
    static let literalPatterns: [String] = [
        #"\.(error|warning)\(\s*"SOP\d{3}"\s*,\s*""#,
        #"Diagnostic\(\s*\.\w+\s*,\s*"SOP\d{3}"\s*,\s*""#,
        #"(error|warning|fail)\(\s*"SOP\d{3}"\s*,\s*""#,
        #"Note\(\s*""#,
        #"notes:\s*\[\s*\.init\(\s*""#,
        #"CaseRefusal\(\s*[\w.]+\s*,\s*""#,
        #"RuleEvaluationError\(\s*""#,
        #"RuleProblem\([^)]*message:"#,
        #"WaktuProblem\([^)]*message:"#,
        #"\.syntax\(\s*""#,
        #"(failure|warn|invalid|refuse)\(\s*"(?!SOP\d{3}")"#,
        #"\buntranslated\("#,
        // The simulator's refusals of its input and the web server's setup errors.
        #"SimulationInputError\(\s*"[^"]*"\s*,\s*""#,
        #"WebSetupError\(\s*""#,
    ]

    /// The files that define the old English-literal entry points (marked deprecated).
    static let definingFiles: Set<String> = [
        "Sources/SOPKit/Messages/Message.swift", "Sources/SOPKit/Diagnostics/Diagnostic.swift",
        "Sources/SOPKit/Waktu/WaktuParse.swift", "Sources/SOPKit/Rules/RuleProblem.swift",
        "Sources/SOPKit/Engine/CaseRefusal.swift", "Sources/SOPKit/Rules/RuleEvaluationError.swift",
    ]

    static func untranslatedSites() throws -> [String] {
        try untranslatedSites(try swiftSources())
    }

    static func untranslatedSites(_ sources: [(path: String, lines: [Substring])]) throws -> [String] {
        let patterns = try literalPatterns.map { try NSRegularExpression(pattern: $0) }
        var found: [String] = []
        for (path, lines) in sources where !definingFiles.contains(path) {
            for (i, line) in lines.enumerated() {
                let text = String(line)
                if text.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                let range = NSRange(text.startIndex..., in: text)
                if patterns.contains(where: { $0.firstMatch(in: text, range: range) != nil }) {
                    found.append("\(path):\(i + 1): \(text.trimmingCharacters(in: .whitespaces).prefix(120))")
                }
            }
        }
        return found
    }

    /// The sources whose literals reach a person as they are: the command line, the simulator's
    /// text report and the journal's migration (its audit details stay English on purpose).
    static func isPrintedForAPerson(_ path: String) -> Bool {
        path.hasPrefix("Sources/sop/") || path.hasPrefix("Sources/SOPSimulate/SimulationReport+Text")
            || path.hasPrefix("Sources/SOPSimulate/SimulationComparison") || path == "Sources/SOPJournal/Postgres/JournalMigration.swift"
            || path == "Sources/SOPJournal/Journal/CaseMigration.swift" || path == "Sources/SOPWeb/UserAdmin.swift"
            || path == "Sources/SOPKit/Calendar/CalendarSummary.swift"
    }

    /// Calls whose string argument is printed for a person.
    static let printingCalls = try! NSRegularExpression(
        pattern: #"(\bprint|Terminal\.error|ValidationError|AdminError|UsageFailure\.exit\([^,]+,|\bprogress|\bwrap|\.refused|out \+=)\(?\s*"((?:[^"\\]|\\.)*)""#)
    /// A command's static English help.
    static let staticHelp = try! NSRegularExpression(pattern: #"(\bhelp|\babstract|\bdiscussion):\s*""#)
    /// Words that are not English text: the program's name and URL schemes.
    static let notWords: Set<String> = ["sop", "http", "https"]

    static func englishOutputSites(_ sources: [(path: String, lines: [Substring])]) -> [String] {
        let word = try! NSRegularExpression(pattern: #"[A-Za-z]{2,}"#)
        var found: [String] = []
        for (path, lines) in sources {
            for (i, line) in lines.enumerated() {
                let text = Self.withoutInterpolations(String(line))
                if text.trimmingCharacters(in: .whitespaces).hasPrefix("//") || text.contains("English on purpose") { continue }
                let range = NSRange(text.startIndex..., in: text)
                var english = staticHelp.firstMatch(in: text, range: range) != nil
                for match in printingCalls.matches(in: text, range: range) where !english {
                    guard let r = Range(match.range(at: 2), in: text) else { continue }
                    let literal = String(text[r])
                    let plain = literal.replacingOccurrences(of: "\\n", with: " ")
                    english = word.matches(in: plain, range: NSRange(plain.startIndex..., in: plain)).contains { m in
                        Range(m.range, in: plain).map { !notWords.contains(String(plain[$0]).lowercased()) } ?? false
                    }
                }
                if english { found.append("\(path):\(i + 1): \(text.trimmingCharacters(in: .whitespaces).prefix(120))") }
            }
        }
        return found
    }

    /// The line with every `\(...)` of a string literal replaced by a space (quotes inside an
    /// interpolation would otherwise end the literal early).
    static func withoutInterpolations(_ line: String) -> String {
        var out = "", depth = 0
        var chars = Array(line)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if depth == 0 {
                if c == "\\", chars.first == "(" { depth = 1; chars = chars.dropFirst(); out += " "; continue }
                out.append(c)
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
            }
        }
        return out
    }

    static func codesUsedInSources() throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #""(SOP\d{3})""#)
        var codes = Set<String>()
        for (path, lines) in try swiftSources() where !path.hasPrefix("Sources/SOPKit/Messages/") {
            for line in lines {
                let text = String(line)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let r = Range(match.range(at: 1), in: text) { codes.insert(String(text[r])) }
                }
            }
        }
        return codes
    }
}
