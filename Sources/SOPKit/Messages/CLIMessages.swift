/// Errors of the command line itself: options that do not go together, missing paths, the PDF printer.
public enum CLIMessages: String, MessageGroup {
    case notLoaded, notUTF8, calendarMissing, severalZones, scenarioAlone, notStepOutcome, noScenarioPath, noSOPPath, pdfNeedsOutput, paperOnly, noChromium, installChromium, pdfFailed, cannotWrite

    public var texts: MessageTexts {
        switch self {
        case .notUTF8: .init(id: "{path}: tidak dimuat: berkas ini bukan teks UTF-8", en: "{path}: not loaded: the file is not UTF-8 text")
        case .notLoaded: .init(id: "{path}: tidak dimuat; perbaiki kesalahan di atas (sop validate {path})", en: "{path}: not loaded; fix the errors above (sop validate {path})")
        case .calendarMissing: .init(id: "{path}: kalender kerja '{calendar}' tidak ditemukan (dicari di $SOP_CALENDARS dan folder calendars/)", en: "{path}: the working calendar '{calendar}' was not found (looked in $SOP_CALENDARS and calendars/ folders)")
        case .severalZones: .init(id: "{option} '{text}' tidak memuat selisih UTC dan kasus-kasusnya berada di beberapa zona waktu ({zones}); tulis selisihnya, misalnya 2025-01-06T08:00+08:00", en: "{option} '{text}' has no UTC offset and the cases are in several time zones ({zones}); write the offset, e.g. 2025-01-06T08:00+08:00")
        case .scenarioAlone: .init(id: "--scenario membawa data, waktu mulai dan jawabannya sendiri; jangan sertakan --data, --data-file, --start dan --answer", en: "--scenario carries its own data, start and answers; leave out --data, --data-file, --start and --answer")
        case .notStepOutcome: .init(id: "'{item}' bukan LANGKAH=HASIL", en: "'{item}' is not STEP=OUTCOME")
        case .noScenarioPath: .init(id: "sebutkan paling sedikit satu berkas atau folder skenario", en: "name at least one scenario file or folder")
        case .noSOPPath: .init(id: "sebutkan paling sedikit satu berkas atau folder SOP", en: "name at least one SOP file or folder")
        case .pdfNeedsOutput: .init(id: "--format pdf menulis berkas biner; berikan -o BERKAS", en: "--format pdf writes a binary file; give -o FILE")
        case .paperOnly: .init(id: "--paper hanya berlaku untuk html dan pdf, tidak untuk {format}", en: "--paper applies to html and pdf only, not to {format}")
        case .noChromium: .init(id: "{path}: PDF tidak dapat dicetak: Chromium atau Google Chrome tidak ditemukan.", en: "{path}: cannot print a PDF: no Chromium or Google Chrome was found to print it with.")
        case .installChromium: .init(id: "Pasang salah satunya (misalnya apt-get install chromium), atau tulis HTML dengan --format html lalu cetak dari peramban.", en: "Install one (e.g. apt-get install chromium), or write HTML with --format html and print it from a browser.")
        case .pdfFailed: .init(id: "{path}: PDF tidak dapat dicetak: {why}", en: "{path}: the PDF could not be printed: {why}")
        case .cannotWrite: .init(id: "sop: '{path}' {reason}", en: "sop: '{path}' {reason}")
        }
    }
}
