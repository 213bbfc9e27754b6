import ArgumentParser
import Foundation
import SOPKit

extension Bahasa: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }

    public static var allValueStrings: [String] { ["id", "en"] }
}

/// `--bahasa id|en`, on every command: the language of what `sop` prints for a person.
struct BahasaOption: ParsableArguments {
    @Option(name: .long, help: .catalogue(.bahasa, valueName: "id|en"))
    var bahasa: Bahasa?
}

extension ArgumentHelp {
    /// An option's help from the catalogue, in the language of this run (decided before parsing).
    static func catalogue(_ entry: OptionHelpMessages, _ arguments: [String: MessageArgument] = [:], valueName: String? = nil) -> ArgumentHelp {
        ArgumentHelp(entry.text(arguments, in: Language.session), valueName: valueName)
    }
}

/// The language of this run, decided once before the arguments are parsed (help texts are chosen
/// from it too): `--bahasa` on the command line, else `SOP_BAHASA`, else the locale, else
/// Indonesian. The parsed `--bahasa` option checks the same value and names it when it is bad.
enum Language {
    /// The language everything printed for a person uses.
    static let session: Bahasa = resolve(arguments: Array(CommandLine.arguments.dropFirst()),
                                         environment: ProcessInfo.processInfo.environment)

    /// `--bahasa X` / `--bahasa=X` (the last one, before a `--`), else the environment.
    static func resolve(arguments: [String], environment: [String: String]) -> Bahasa {
        var chosen: Bahasa?
        var i = 0
        while i < arguments.count, arguments[i] != "--" {
            let argument = arguments[i]
            if argument == "--bahasa", i + 1 < arguments.count {
                chosen = Bahasa(code: arguments[i + 1]) ?? chosen
                i += 1
            } else if argument.hasPrefix("--bahasa=") {
                chosen = Bahasa(code: String(argument.dropFirst("--bahasa=".count))) ?? chosen
            }
            i += 1
        }
        if let chosen { return chosen }
        return (try? Bahasa.fromEnvironment(environment).get()) ?? .id
    }

    /// The refusal of a `SOP_BAHASA` that names no language, or `nil`.
    static func environmentProblem() -> String? {
        if case .failure(let problem) = Bahasa.fromEnvironment(ProcessInfo.processInfo.environment) {
            return problem.message(in: session)
        }
        return nil
    }
}
