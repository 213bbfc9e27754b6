/// The words of the argument parser (ArgumentParser) itself: its errors ("Missing expected
/// argument", "Unknown option", "The value 'x' is invalid for ..."), the `Usage:` and `Help:` lines
/// and the headings of `--help`. The English texts are ArgumentParser's own, word for word:
/// ``ParserText`` recognises a line by its English template and writes the Indonesian one.
public enum ParserMessages: String, MessageGroup {
    case errorPrefix, missingArgument, missingOneOf, unknownOptionSuggest, unknownOption, missingValue, takesNoValue
    case unexpectedArgument, unexpectedArguments, invalidValueFor, invalidValue, alreadySet, missingSubcommand
    case provideOneOf, provideOneOfList, or, and
    case helpLine, usageLine, seeHelp, usageHeading, overviewHeading, argumentsHeading, optionsHeading, subcommandsHeading
    case seeSubcommandHelp, showHelp, showVersion, defaultValue, valuesList, defaultAfterValues

    public var texts: MessageTexts {
        switch self {
        case .errorPrefix: .init(id: "Kesalahan: ", en: "Error: ")
        case .missingArgument: .init(id: "Argumen '{name}' belum diberikan", en: "Missing expected argument '{name}'")
        case .missingOneOf: .init(id: "Salah satu dari '{names}' belum diberikan", en: "Missing one of: '{names}'")
        case .unknownOptionSuggest: .init(id: "Opsi '{option}' tidak dikenal. Maksud Anda '{candidate}'?", en: "Unknown option '{option}'. Did you mean '{candidate}'?")
        case .unknownOption: .init(id: "Opsi '{option}' tidak dikenal", en: "Unknown option '{option}'")
        case .missingValue: .init(id: "Nilai untuk '{option}' belum diberikan", en: "Missing value for '{option}'")
        case .takesNoValue: .init(id: "Opsi '{option}' tidak menerima nilai, tetapi '{value}' diberikan.", en: "The option '{option}' does not take any value, but '{value}' was specified.")
        case .unexpectedArgument: .init(id: "Argumen '{value}' tidak diharapkan", en: "Unexpected argument '{value}'")
        case .unexpectedArguments: .init(id: "{n} argumen tidak diharapkan: '{values}'", en: "{n} unexpected arguments: '{values}'")
        case .invalidValueFor: .init(id: "Nilai '{value}' tidak sah untuk '{option}'{rest}", en: "The value '{value}' is invalid for '{option}'{rest}")
        case .invalidValue: .init(id: "Nilai '{value}' tidak sah.{rest}", en: "The value '{value}' is invalid.{rest}")
        case .alreadySet: .init(id: "Nilai untuk {duplicate} sudah diberikan dengan {previous}", en: "Value to be set with {duplicate} had already been set with {previous}")
        case .missingSubcommand: .init(id: "Subperintah belum disebut.", en: "Missing required subcommand.")
        case .provideOneOf: .init(id: ". Berikan salah satu dari {values}.", en: ". Please provide one of {values}.")
        case .provideOneOfList: .init(id: ". Berikan salah satu dari yang berikut:", en: ". Please provide one of the following:")
        case .or: .init(id: " atau ", en: " or ")
        case .and: .init(id: " dan ", en: " and ")
        case .helpLine: .init(id: "Bantuan:  {help}", en: "Help:  {help}")
        case .usageLine: .init(id: "Cara pakai: {usage}", en: "Usage: {usage}")
        case .seeHelp: .init(id: "  Lihat '{command}' untuk keterangan lebih lanjut.", en: "  See '{command}' for more information.")
        case .usageHeading: .init(id: "PENGGUNAAN: {usage}", en: "USAGE: {usage}")
        case .overviewHeading: .init(id: "IKHTISAR: {abstract}", en: "OVERVIEW: {abstract}")
        case .argumentsHeading: .init(id: "ARGUMEN:", en: "ARGUMENTS:")
        case .optionsHeading: .init(id: "OPSI:", en: "OPTIONS:")
        case .subcommandsHeading: .init(id: "SUBPERINTAH:", en: "SUBCOMMANDS:")
        case .seeSubcommandHelp: .init(id: "  Lihat '{command} <subcommand>' untuk bantuan lengkap.", en: "  See '{command} <subcommand>' for detailed help.")
        case .showHelp: .init(id: "Menampilkan bantuan.", en: "Show help information.")
        case .showVersion: .init(id: "Menampilkan versi.", en: "Show the version.")
        case .defaultValue: .init(id: "(bawaan: ", en: "(default: ")
        case .valuesList: .init(id: "(nilai: ", en: "(values: ")
        case .defaultAfterValues: .init(id: "; bawaan: ", en: "; default: ")
        }
    }
}
