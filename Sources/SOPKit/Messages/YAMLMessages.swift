/// Messages of the YAML layer (`SOP1xx`): reading the file and composing its nodes.
public enum YAMLMessages: String, MessageGroup {
    case unreadable, unreadableFolder, noYAMLFiles, noScenarioFiles, syntax, syntaxUnknown, syntaxContext, parserStart, duplicateKey, alias, anchor, tag, keyNotScalar
    case empty, tooLarge, invalidUTF8, tab, tooDeep, secondDocument, controlRaw, controlEscaped

    public var code: String? {
        switch self {
        case .unreadable, .unreadableFolder, .noYAMLFiles, .noScenarioFiles: "SOP100"
        case .syntax, .syntaxUnknown, .syntaxContext, .parserStart: "SOP101"
        case .duplicateKey: "SOP102"
        case .alias, .anchor: "SOP103"
        case .tag: "SOP104"
        case .keyNotScalar: "SOP105"
        case .empty: "SOP106"
        case .tooLarge: "SOP107"
        case .invalidUTF8: "SOP108"
        case .tab: "SOP109"
        case .tooDeep: "SOP110"
        case .secondDocument: "SOP111"
        case .controlRaw, .controlEscaped: "SOP112"
        }
    }

    public var texts: MessageTexts {
        switch self {
        case .unreadable: .init(id: "'{path}' {reason}", en: "'{path}' {reason}")
        case .noYAMLFiles: .init(id: "'{path}' tidak memuat berkas .yaml atau .yml", en: "'{path}' holds no .yaml or .yml files")
        case .noScenarioFiles: .init(id: "'{path}' tidak memuat berkas skenario (berkas YAML dengan kunci 'skenario:')",
                                     en: "'{path}' holds no scenario files (YAML files with a 'skenario:' key)")
        case .unreadableFolder: .init(id: "Folder '{folder}' {reason}; berkas di dalamnya tidak diperiksa",
                                      en: "the folder '{folder}' {reason}; the files in it were not checked")
        case .syntax: .init(id: "Kesalahan sintaks YAML: {problem}", en: "YAML syntax error: {problem}")
        case .syntaxContext: .init(id: "{context}", en: "{context}")
        case .syntaxUnknown: .init(id: "YAML tidak berbentuk benar", en: "malformed YAML")
        case .parserStart: .init(id: "Pengurai YAML tidak dapat dimulai (memori habis)", en: "the YAML parser could not start (out of memory)")
        case .duplicateKey: .init(id: "Kunci '{key}' ditulis dua kali; sudah ada di baris {line}",
                                  en: "duplicate key '{key}'; it is already defined at line {line}")
        case .alias: .init(id: "Alias '*{name}' tidak diperbolehkan; berkas SOP tidak memakai anchor atau alias, tulis nilainya langsung",
                           en: "alias '*{name}' is not allowed; SOP files do not use anchors or aliases, write the value out")
        case .anchor: .init(id: "Anchor '&{name}' tidak diperbolehkan; berkas SOP tidak memakai anchor atau alias, tulis nilainya langsung",
                            en: "anchor '&{name}' is not allowed; SOP files do not use anchors or aliases, write the value out")
        case .tag: .init(id: "Tag '{name}' tidak diperbolehkan; tulis nilainya apa adanya (beri tanda kutip agar tetap teks)",
                         en: "tag '{name}' is not allowed; write the value plainly (quote it to keep it as text)")
        case .keyNotScalar: .init(id: "Kunci harus satu nilai, bukan {kind}", en: "a key must be a single value, not {kind}")
        case .empty: .init(id: "Berkas kosong; berkas SOP berisi satu pemetaan YAML", en: "the file is empty; an SOP file holds one YAML mapping")
        case .tooLarge: .init(id: "Berkas berukuran {bytes} bita; batasnya {limit} bita", en: "the file is {bytes} bytes; the limit is {limit} bytes")
        case .invalidUTF8: .init(id: "UTF-8 tidak sah (bita 0x{byte}); simpan berkas sebagai UTF-8",
                                 en: "invalid UTF-8 (byte 0x{byte}); save the file as UTF-8")
        case .tab: .init(id: "Tab dipakai untuk indentasi; YAML hanya memakai spasi untuk indentasi",
                         en: "a tab is used for indentation; YAML indents with spaces only")
        case .tooDeep: .init(id: "Teks bersarang lebih dari {limit} tingkat; SOP tidak pernah memerlukan sedalam itu",
                             en: "the text nests deeper than {limit} levels; an SOP never needs that much nesting")
        case .secondDocument: .init(id: "Dokumen YAML kedua dimulai di sini; satu berkas SOP hanya berisi satu dokumen",
                                    en: "a second YAML document starts here; an SOP file holds exactly one")
        case .controlRaw: .init(id: "Karakter kendali {char} ada dalam teks; teks dalam berkas ini boleh berisi tab dan baris baru, tetapi tidak karakter kendali lain",
                                en: "the control character {char} is in the text; text in these files may hold tabs and line breaks but no other control characters")
        case .controlEscaped: .init(id: "Sebuah nilai teks berisi karakter kendali {char} (ditulis sebagai escape); teks dalam berkas ini boleh berisi tab dan baris baru, tetapi tidak karakter kendali lain",
                                    en: "a text value holds the control character {char} (written as an escape); text in these files may hold tabs and line breaks but no other control characters")
        }
    }
}
