import Foundation

/// ArgumentParser's own words in the language of the run. ArgumentParser writes English only and
/// its error types are not public, so its finished text is read line by line: a line that matches
/// the English template of a ``ParserMessages`` entry is written again from the Indonesian one,
/// with the same values (the option named, the value quoted). Anything else (the abstracts and
/// option help, already from the catalogue; a line of a newer ArgumentParser) stays as it is.
public enum ParserText {
    /// The error or help text `text`, in `bahasa` (English is returned unchanged).
    public static func translate(_ text: String, in bahasa: Bahasa) -> String {
        guard bahasa != .en else { return text }
        var out: [String] = []
        var hangingExtra = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            // The continuation lines of a usage are indented under its first word; keep them so.
            if hangingExtra > 0, line.hasPrefix(String(repeating: " ", count: 7)) {
                out.append(String(repeating: " ", count: hangingExtra) + line)
                continue
            }
            hangingExtra = 0
            let (translated, extra) = translateLine(line, in: bahasa)
            hangingExtra = extra
            out.append(translated)
        }
        return out.joined(separator: "\n")
    }

    /// One line, and how much wider the usage's hanging indent became (0 for other lines).
    static func translateLine(_ line: String, in bahasa: Bahasa) -> (String, Int) {
        for heading in [ParserMessages.usageLine, .usageHeading] {
            if let values = match(heading, line) {
                let text = heading.text(values, in: bahasa)
                return (text, text.count - line.count)
            }
        }
        let errorPrefix = ParserMessages.errorPrefix.texts.en
        if line.hasPrefix(errorPrefix) {
            return (ParserMessages.errorPrefix.text(in: bahasa) + error(String(line.dropFirst(errorPrefix.count)), in: bahasa), 0)
        }
        for entry in [ParserMessages.helpLine, .seeHelp, .overviewHeading, .argumentsHeading, .optionsHeading, .subcommandsHeading, .seeSubcommandHelp] {
            if let values = match(entry, line) { return (entry.text(values, in: bahasa), 0) }
        }
        return (optionLine(line, in: bahasa), 0)
    }

    /// The message of an `Error:` line.
    static func error(_ message: String, in bahasa: Bahasa) -> String {
        let entries: [ParserMessages] = [.missingArgument, .missingOneOf, .unknownOptionSuggest, .unknownOption, .missingValue, .takesNoValue,
                                         .unexpectedArgument, .unexpectedArguments, .invalidValueFor, .invalidValue, .alreadySet, .missingSubcommand]
        for entry in entries {
            guard var values = match(entry, message) else { continue }
            if case .text(let rest)? = values["rest"] { values["rest"] = .text(validValues(rest, in: bahasa)) }
            return entry.text(values, in: bahasa)
        }
        return message
    }

    /// `. Please provide one of 'a', 'b' or 'c'.` after an invalid value.
    static func validValues(_ rest: String, in bahasa: Bahasa) -> String {
        if let values = match(.provideOneOf, rest), case .text(let list)? = values["values"] {
            // "one of 'a' and 'b'" (ArgumentParser's words for two values) reads "salah satu dari 'a' atau 'b'".
            let joined = list.replacingOccurrences(of: "'" + ParserMessages.or.texts.en + "'", with: "'" + ParserMessages.or.text(in: bahasa) + "'")
                .replacingOccurrences(of: "'" + ParserMessages.and.texts.en + "'", with: "'" + ParserMessages.or.text(in: bahasa) + "'")
            return ParserMessages.provideOneOf.text(["values": .text(joined)], in: bahasa)
        }
        if rest == ParserMessages.provideOneOfList.texts.en { return ParserMessages.provideOneOfList.text(in: bahasa) }
        return rest
    }

    /// An option's line in `--help`: the built-in help and version options, `(default: x)`.
    static func optionLine(_ line: String, in bahasa: Bahasa) -> String {
        var line = line
        for entry in [ParserMessages.showHelp, .showVersion, .defaultValue, .valuesList, .defaultAfterValues] where line.contains(entry.texts.en) {
            line = line.replacingOccurrences(of: entry.texts.en, with: entry.text(in: bahasa))
        }
        // "(values: a, b; default: a)" wrapped after the semicolon: the continuation starts "default: ".
        let continued = String(ParserMessages.defaultAfterValues.texts.en.dropFirst(2))
        if let start = line.firstIndex(where: { $0 != " " }), line[start...].hasPrefix(continued) {
            line = String(line[..<start]) + String(ParserMessages.defaultAfterValues.text(in: bahasa).dropFirst(2)) + line[start...].dropFirst(continued.count)
        }
        return line
    }

    /// The values of `entry`'s English template when `text` is that template filled, else `nil`.
    static func match(_ entry: ParserMessages, _ text: String) -> [String: MessageArgument]? {
        let template = entry.texts.en
        let names = MessageTemplate.names(in: template)
        var pattern = "^"
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.*?)"
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        var values: [String: MessageArgument] = [:]
        for (i, name) in names.enumerated() {
            guard let range = Range(found.range(at: i + 1), in: text) else { return nil }
            values[name] = .text(String(text[range]))
        }
        return values
    }
}
