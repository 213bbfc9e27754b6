/// Phrases shared by many messages: did-you-mean, names of steps, kinds of YAML values, lists of
/// valid keys, and the refusal of a language no one speaks.
public enum CommonMessages: String, MessageGroup {
    case didYouMean, unknownLanguage, stepNamed, stepNumbered
    case kindNull, kindScalar, kindMapping, kindList
    case validKeys, validValues, firstHere, firstUsedHere, firstDefinedHere, earlierDefinitionIn
    case fileMissing, fileFolder, fileNotRegular, fileSymlinkLoop, filePermissionDenied, fileTooLarge, fileOther
    case identity, theSOP, and
    case notNumber, notBoolean, writeTrue, writeFalse, notDate, notChoice

    public var texts: MessageTexts {
        switch self {
        case .and: .init(id: " dan ", en: " and ")
        case .didYouMean: .init(id: ". Maksud Anda '{candidate}'?", en: "; did you mean '{candidate}'?")
        case .unknownLanguage: .init(id: "{variable}: bahasa '{value}' tidak dikenal; gunakan id (Indonesia) atau en (Inggris)",
                                     en: "{variable}: unknown language '{value}'; use id (Indonesian) or en (English)")
        case .stepNamed: .init(id: "langkah '{step}'", en: "step '{step}'")
        case .stepNumbered: .init(id: "langkah {number}", en: "step {number}")
        case .kindNull: .init(id: "kosong (null)", en: "nothing (null)")
        case .kindScalar: .init(id: "satu nilai", en: "a single value")
        case .kindMapping: .init(id: "pemetaan (kunci: nilai)", en: "a mapping (key: value)")
        case .kindList: .init(id: "daftar", en: "a list")
        case .validKeys: .init(id: "kunci yang sah: {keys}", en: "valid keys: {keys}")
        case .validValues: .init(id: "nilai yang sah: {values}", en: "valid values: {values}")
        case .firstHere: .init(id: "yang pertama di sini", en: "first here")
        case .firstUsedHere: .init(id: "pertama kali dipakai di sini", en: "first used here")
        case .firstDefinedHere: .init(id: "pertama kali ditulis di sini", en: "first defined here")
        case .earlierDefinitionIn: .init(id: "definisi sebelumnya ada di {path}", en: "the earlier definition is {path}")
        case .fileMissing: .init(id: "tidak ada", en: "does not exist")
        case .fileFolder: .init(id: "adalah folder, bukan berkas", en: "is a folder, not a file")
        case .fileNotRegular: .init(id: "bukan berkas biasa (pipa, soket atau perangkat tidak dapat dibaca sebagai berkas)",
                                    en: "is not a regular file (a pipe, socket or device cannot be read as one)")
        case .fileSymlinkLoop: .init(id: "adalah lingkaran tautan simbolik", en: "is a loop of symbolic links")
        case .filePermissionDenied: .init(id: "tidak dapat dibaca (izin ditolak)", en: "cannot be read (permission denied)")
        case .fileTooLarge: .init(id: "berukuran {bytes} bita; batasnya {limit} bita", en: "is {bytes} bytes; the limit is {limit} bytes")
        case .fileOther: .init(id: "tidak dapat dibaca ({cause})", en: "cannot be read ({cause})")
        case .notNumber: .init(id: "'{value}' bukan angka", en: "'{value}' is not a number")
        case .notBoolean: .init(id: "'{value}' bukan nilai benar/salah (true atau false){hint}", en: "'{value}' is not a boolean (true or false){hint}")
        case .writeTrue: .init(id: "; tulis true", en: "; write true")
        case .writeFalse: .init(id: "; tulis false", en: "; write false")
        case .notDate: .init(id: "'{value}' bukan tanggal (TTTT-BB-HH)", en: "'{value}' is not a date (YYYY-MM-DD)")
        case .notChoice: .init(id: "'{value}' bukan salah satu dari {choices}{hint}", en: "'{value}' is not one of {choices}{hint}")
        case .identity: .init(id: "identitas SOP", en: "the identity")
        case .theSOP: .init(id: "SOP", en: "the SOP")
        }
    }
}

extension CommonMessages {
    /// `langkah 'x'` / `step 'x'`, or the step's number when it has no id.
    public static func step(_ id: String, index: Int) -> Message {
        id.isEmpty ? stepNumbered(["number": .text(String(index + 1))]) : stepNamed(["step": .text(id)])
    }
}
