import Foundation
import Testing

/// What a journal that cannot be used says (a file of another user or readable by others, a file
/// that is not a journal, a bad or unreachable PostgreSQL URL), a decimal in a refusal, a total
/// spread over steps and a bad --trusted-proxy range: in the language asked, never in English
/// for an Indonesian reader.
extension BahasaCLITests {
    private static func journalFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-bahasa-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `sop case list --db db` in both languages: exit status and stderr of each.
    private static func caseList(_ db: String) throws -> (id: (Int32, String), en: (Int32, String)) {
        let id = try CLI.run(["case", "list", "--db", db, "--bahasa", "id"])
        let en = try CLI.run(["case", "list", "--db", db, "--bahasa", "en"])
        return ((id.status, id.stderr), (en.status, en.stderr))
    }

    @Test("a journal file others may read, or of another user, is refused in the language asked")
    func journalNotPrivateBothLanguages() throws {
        let folder = try Self.journalFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("j.sqlite").path
        let opened = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--db", db])
        #expect(opened.status == 0, "\(opened.stderr)")
        chmod(db, 0o644)
        let open = try Self.caseList(db)
        #expect(open.id.0 == 1 && open.id.1 == "sop: Berkas jurnal '\(db)' dapat dibaca atau ditulisi pengguna lain (mode 644): berkas ini memuat data anak, "
                + "sehingga tidak dipakai; jalankan `chmod 600 '\(db)'`, atau berikan --shared-journal bila berbagi berkas ini memang disengaja\n", "\(open.id.1)")
        #expect(open.en.0 == 1 && open.en.1.hasPrefix("sop: the journal file '\(db)' can be read or written by other users (mode 644)"), "\(open.en.1)")
        chmod(db, 0o600)
        // Another user's file: only root can give a file away, so only then.
        guard geteuid() == 0, chown(db, 65534, 65534) == 0 else { return }
        let other = try Self.caseList(db)
        #expect(other.id.0 == 1 && other.id.1.hasPrefix("sop: Berkas jurnal '\(db)' milik pengguna lain (") && other.id.1.contains("bukan milik pengguna ini"), "\(other.id.1)")
        #expect(other.en.0 == 1 && other.en.1.hasPrefix("sop: the journal file '\(db)' belongs to another user ("), "\(other.en.1)")
    }

    @Test("a file that is not a journal, and a damaged journal, are named so in the language asked")
    func journalNotADatabaseBothLanguages() throws {
        let folder = try Self.journalFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("catatan.sqlite").path
        try Data("catatan rapat, bukan jurnal\n".utf8).write(to: URL(fileURLWithPath: text))
        chmod(text, 0o600)
        let notes = try Self.caseList(text)
        #expect(notes.id.0 == 1 && notes.id.1.contains("bukan basis data SQLite") && !notes.id.1.contains("not an SQLite"), "\(notes.id.1)")
        #expect(notes.en.0 == 1 && notes.en.1.contains("not an SQLite database"), "\(notes.en.1)")
        // A journal cut short: its first pages stay, the rest is gone.
        let db = folder.appendingPathComponent("j.sqlite").path
        for name in ["Budi", "Siti", "Andi"] {
            _ = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=\(name)", "--data", "putus_sekolah=true", "--db", db])
        }
        let whole = try Data(contentsOf: URL(fileURLWithPath: db))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: db))
        chmod(db, 0o600)
        let cut = try Self.caseList(db)
        #expect(cut.id.0 == 1 && cut.id.1.hasPrefix("sop: Jurnal '\(db)' rusak (") && !cut.id.1.contains("the database"), "\(cut.id.1)")
        #expect(cut.en.0 == 1 && cut.en.1.hasPrefix("sop: the journal '\(db)' is damaged ("), "\(cut.en.1)")
    }

    @Test("a malformed --db URL, a URL of another kind and a PostgreSQL port nobody listens on, in the language asked")
    func journalURLsBothLanguages() throws {
        let malformed = try Self.caseList("postgres://")
        #expect(malformed.id.1 == "sop: URL PostgreSQL 'postgres://' tidak sah: tidak menyebut host; tulis postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, "
                + "boleh dengan ?sslmode=require\n", "\(malformed.id.1)")
        #expect(malformed.en.1.hasPrefix("sop: the PostgreSQL URL 'postgres://' is not valid: it names no host;"), "\(malformed.en.1)")
        let port = try Self.caseList("postgres://sop@127.0.0.1:99999/sop")
        #expect(port.id.1.contains("port '99999' bukan angka dari 1 sampai 65535") || port.id.1.contains("port 99999 tidak di antara 1 dan 65535"), "\(port.id.1)")
        let web = try Self.caseList("https://example.org/jurnal")
        #expect(web.id.0 == 1 && web.id.1.contains("tampak seperti URL, tetapi hanya URL postgres:// dan postgresql://"), "\(web.id.1)")
        #expect(web.en.1.contains("looks like a URL, but only postgres:// and postgresql://"), "\(web.en.1)")
        // Port 1 on loopback: nothing listens there.
        let closed = try Self.caseList("postgres://sop:rahasia@127.0.0.1:1/sop")
        #expect(closed.id.0 == 1 && closed.id.1.hasPrefix("sop: Tidak dapat terhubung ke server PostgreSQL di 127.0.0.1:1: koneksi ditolak;"), "\(closed.id.1)")
        #expect(closed.en.1.hasPrefix("sop: cannot connect to the PostgreSQL server at 127.0.0.1:1: connection refused;"), "\(closed.en.1)")
        #expect(!closed.id.1.contains("rahasia") && !closed.en.1.contains("rahasia"))
    }

    @Test("a decimal in a refusal has the language's separators: the --share sum is 1,4 in Indonesian, 1.4 in English")
    func decimalArgumentBothLanguages() throws {
        let arguments = ["simulate", "sops/anak-jalanan.yaml", "--arrivals", "40/bulan", "--share", "penjangkauan=Ya:0.7", "--share", "penjangkauan=Tidak:0.7"]
        let id = try CLI.run(arguments + ["--bahasa", "id"])
        #expect(id.status == 64 && id.stderr.contains("berjumlah 1,4, bukan 1"), "\(id.stderr)")
        let en = try CLI.run(arguments + ["--bahasa", "en"])
        #expect(en.status == 64 && en.stderr.contains("add up to 1.4, not 1"), "\(en.stderr)")
    }

    @Test("sop simulate says which steps got a share of a spread total, in the language asked")
    func spreadTotalBothLanguages() throws {
        let arguments = ["simulate", "sops/rekomendasi-reaktivasi-pbi.yaml", "--arrivals", "40/bulan", "--share", "verifikasi=Ya:0.5", "--runs", "1",
                         "--from", "2025-01-01", "--to", "2025-02-01"]
        func joined(_ s: String) -> String { s.replacingOccurrences(of: "\n  ", with: " ") }
        let id = try CLI.run(arguments + ["--bahasa", "id"])
        #expect(id.status == 0, "\(id.stderr)")
        #expect(joined(id.stdout).contains("Waktu total 20 menit dibagi ke 9 langkah yang tidak bermutu baku sendiri (") && id.stdout.contains("masing-masing 14,3% dari total"),
                "\(id.stdout)")
        let en = try CLI.run(arguments + ["--bahasa", "en"])
        #expect(joined(en.stdout).contains("Total time 20 menit spread over 9 steps without a mutu baku of their own (") && en.stdout.contains("takes 14.3% of the total"),
                "\(en.stdout)")
        #expect(id.stdout.contains("Keputusan verifikasi: Ya 50% / Tidak 50% (diberikan)") && en.stdout.contains("(given)"), "\(id.stdout)")
        #expect(en.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 } && id.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("a --trusted-proxy range that is not one is a usage error naming the option, in the language asked")
    func trustedProxyRangeRefusalBothLanguages() throws {
        let folder = try Self.journalFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func serve(_ bahasa: String) throws -> (status: Int32, stderr: String) {
            // A server that starts despite the bad range is killed after 20 s and fails the test.
            let r = Spawn.run(TestPaths.binary.path, ["serve", "--db", folder.appendingPathComponent("j.sqlite").path, "--listen", "127.0.0.1:8997",
                                                      "--trusted-proxy", "10.0.0.0/8", "--trusted-proxy", "10.0.0.0/33", "--bahasa", bahasa],
                              environment: ProcessInfo.processInfo.environment, directory: TestPaths.root.path, killAfter: 20)
            #expect(!r.killed)
            return (r.status, r.stderr)
        }
        let id = try serve("id")
        #expect(id.status == 64 && id.stderr.contains("--trusted-proxy '10.0.0.0/33': panjang prefiks '33' harus bilangan dari 0 sampai 32"), "\(id.stderr)")
        let en = try serve("en")
        #expect(en.status == 64 && en.stderr.contains("--trusted-proxy '10.0.0.0/33': the prefix length '33' must be a whole number from 0 to 32"), "\(en.stderr)")
    }
}
