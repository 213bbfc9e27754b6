/// What `sop user` and `sop serve` print for a person, and their refusals: user names, passwords,
/// roles, TLS files, the address served.
public enum UserMessages: String, MessageGroup {
    case noSOPKnown, notAKnownSOP, userExists, noSuchUser, giveARole, notAKnownPerformer
    case passwordTooShort, passwordTooLong, passwordControl, nameLength, nameCharacters
    case added, noUsers, listLine, allSOPs, disabledMark, disabled, passwordSet
    case noPasswordOnStdin, passwordsDiffer, noPasswordTyped, passwordPrompt, passwordAgain
    case tlsTogether, cannotBeRead, notOffered, withoutTLS, serving, serverStopped, auditRetry, auditLost

    public var texts: MessageTexts {
        switch self {
        case .noSOPKnown: .init(id: "belum ada SOP yang dikenal untuk memeriksa perannya; berikan --sops FOLDER", en: "no SOP is known to check the roles against; give --sops DIR")
        case .notAKnownSOP: .init(id: "--sop '{id}' bukan SOP yang dikenal{hint}", en: "--sop '{id}' is not a known SOP{hint}")
        case .userExists: .init(id: "pengguna '{name}' sudah ada", en: "the user '{name}' exists already")
        case .noSuchUser: .init(id: "tidak ada pengguna '{name}'", en: "there is no user '{name}'")
        case .giveARole: .init(id: "berikan paling sedikit satu --role", en: "give at least one --role")
        case .notAKnownPerformer: .init(id: "'{role}' bukan pelaksana SOP mana pun yang dikenal{hint} (peran: {roles})", en: "'{role}' is not a performer of any known SOP{hint} (roles: {roles})")
        case .passwordTooShort: .init(id: "kata sandi terlalu pendek: berikan paling sedikit {n} karakter", en: "the password is too short: give at least {n} characters")
        case .passwordTooLong: .init(id: "kata sandi terlalu panjang: bcrypt membaca paling banyak {n} bita", en: "the password is too long: bcrypt reads at most {n} bytes")
        case .passwordControl: .init(id: "kata sandi memuat karakter kendali", en: "the password holds a control character")
        case .nameLength: .init(id: "nama pengguna terdiri atas 1 sampai 64 karakter", en: "a user name has 1 to 64 characters")
        case .nameCharacters: .init(id: "nama pengguna hanya memuat huruf, angka dan . _ - @", en: "a user name holds only letters, digits and . _ - @")
        case .added: .init(id: "pengguna {name} ditambahkan: peran {roles}", en: "user {name} added: roles {roles}")
        case .noUsers: .init(id: "belum ada pengguna", en: "no users")
        case .listLine: .init(id: "{name}  peran {roles}  SOP {sops}{disabled}", en: "{name}  roles {roles}  SOPs {sops}{disabled}")
        case .allSOPs: .init(id: "semua", en: "all")
        case .disabledMark: .init(id: "  NONAKTIF", en: "  DISABLED")
        case .disabled: .init(id: "pengguna {name} dinonaktifkan", en: "user {name} disabled")
        case .passwordSet: .init(id: "kata sandi {name} sudah diatur", en: "password of {name} set")
        case .noPasswordOnStdin: .init(id: "tidak ada kata sandi di masukan standar: ketik di terminal, atau alirkan satu baris", en: "no password on standard input: type it at the terminal, or pipe one line")
        case .passwordsDiffer: .init(id: "kedua kata sandi berbeda; tidak ada yang diubah", en: "the two passwords differ; nothing was changed")
        case .noPasswordTyped: .init(id: "tidak ada kata sandi yang diketik", en: "no password was typed")
        case .passwordPrompt: .init(id: "Kata sandi: ", en: "Password: ")
        case .passwordAgain: .init(id: "Ulangi kata sandi: ", en: "Password again: ")
        case .tlsTogether: .init(id: "--tls-cert dan --tls-key harus diberikan bersama", en: "--tls-cert and --tls-key go together")
        case .cannotBeRead: .init(id: "'{path}' tidak dapat dibaca", en: "'{path}' cannot be read")
        case .notOffered: .init(id: "sop: {path}: tidak ditawarkan untuk kasus baru: {reason}", en: "sop: {path}: not offered for new cases: {reason}")
        case .withoutTLS: .init(id: "sop: catatan: {host} dilayani tanpa TLS: kata sandi dan cookie melintasi jaringan tanpa sandi; berikan --tls-cert/--tls-key atau pasang proksi TLS di depannya",
                                en: "sop: note: serving {host} without TLS: passwords and cookies cross the network in the clear; give --tls-cert/--tls-key or put a TLS proxy in front")
        case .serving: .init(id: "sop serve: {url} ({n} SOP untuk kasus baru)", en: "sop serve: {url} ({n} SOP(s) for new cases)")
        case .auditRetry: .init(id: "sop: jejak audit tidak dapat ditulis ({n} tampilan halaman menunggu dan akan dicoba lagi): {why}", en: "sop: the audit trail could not be written ({n} page view(s) wait and will be tried again): {why}")
        case .auditLost: .init(id: "sop: {n} tampilan halaman tidak dapat ditulis ke jejak audit: {why}", en: "sop: {n} page view(s) could not be written to the audit trail: {why}")
        case .serverStopped: .init(id: "sop: server berhenti: {why}", en: "sop: the server stopped: {why}")
        }
    }
}
