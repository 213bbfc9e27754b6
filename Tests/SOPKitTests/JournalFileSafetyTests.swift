import Foundation
import GRDB
import Testing
@testable import SOPJournal
@testable import SOPKit
#if canImport(Glibc)
import Glibc
#endif

/// The SQLite journal file (issue 12, findings 1-3 and 12): private and complete from the moment
/// its name exists; concurrent first opens all succeed; a file others may read, or that belongs
/// to another user, or that SQLite finds damaged, is refused and left byte-for-byte unchanged.
@Suite("Journal file: safe creation, refusal of unsafe or damaged files", .serialized)
struct JournalFileSafetyTests {
    private static let sop = TestPaths.sops.appendingPathComponent("anak-jalanan.yaml").path

    private static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    private static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    private static func sop(_ arguments: [String], db: String) throws -> CLIResult {
        try CLI.run(arguments + ["--db", db])
    }

    /// A journal with one case, the WAL folded into the main file, so the main file alone is the state.
    private static func journalWithCase(in folder: URL) throws -> String {
        let db = folder.appendingPathComponent("journal.sqlite").path
        let opened = try sop(["case", "open", sop, "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--at", "2025-01-06T08:00"], db: db)
        try #require(opened.status == 0, "\(opened.stderr)")
        return db
    }

    @Test("at every step of a creation, another user (nobody) can open no file of it, and the final name appears only complete")
    func creationWindowClosedForAnotherUser() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The folder itself may be entered by anyone, as a user's home or /tmp often is.
        chmod(folder.path, 0o755)
        let path = folder.appendingPathComponent("journal.sqlite").path
        let log = OutcomeLog()
        let steps = OutcomeLog()
        let runuser = FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") && geteuid() == 0
        JournalFile.creationProbe = { step, paths in
            steps.add(step)
            for file in paths {
                if let mode = Self.mode(file), mode & 0o077 != 0 { log.add("\(step): \(file) has mode \(String(mode, radix: 8))") }
                if runuser {
                    let r = Spawn.run("/usr/sbin/runuser", ["-u", "nobody", "--", "/usr/bin/test", "-r", file],
                                      environment: [:], directory: "/", killAfter: nil)
                    if r.status == 0 { log.add("\(step): nobody can read \(file)") }
                }
            }
            if step != "linked", FileManager.default.fileExists(atPath: path) { log.add("\(step): the final name exists before the journal is complete") }
            if step == "linked" {
                let tables = try? DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
                if !(tables ?? []).contains("events") { log.add("linked: the journal under its final name has no events table") }
            }
        }
        defer { JournalFile.creationProbe = nil }
        let previous = umask(0)  // the widest umask: nothing may rely on it
        defer { umask(previous) }
        _ = try SQLiteJournal(path: path)
        #expect(steps.values == ["created", "prepared", "linked"])
        #expect(log.values.isEmpty, "\(log.values)")
        #expect(Self.mode(path) == 0o600)
        if runuser {
            let r = Spawn.run("/usr/sbin/runuser", ["-u", "nobody", "--", "/usr/bin/test", "-r", path], environment: [:], directory: "/", killAfter: nil)
            #expect(r.status != 0, "nobody can read the finished journal")
        }
    }

    @Test("a watcher polling the final name while journals are created sees it only as 0600 and complete")
    func watcherSeesOnlyPrivateFiles() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = umask(0o022)
        defer { umask(previous) }
        let seen = OutcomeLog()
        for round in 0..<30 {
            let path = folder.appendingPathComponent("journal-\(round).sqlite").path
            let stop = SoundFlag()
            let watcher = DispatchGroup()
            watcher.enter()
            Thread {
                while !stop.isSet {
                    var info = stat()
                    if lstat(path, &info) == 0, info.st_mode & 0o077 != 0 { seen.add("round \(round): mode \(String(info.st_mode & 0o777, radix: 8))") }
                    let fd = open(path, O_RDONLY)
                    if fd >= 0 {
                        var header = [UInt8](repeating: 0, count: 100)
                        let n = read(fd, &header, 100)
                        close(fd)
                        if n < 100 { seen.add("round \(round): the file was empty or short (\(n) bytes) under its final name") }
                        break
                    }
                }
                watcher.leave()
            }.start()
            _ = try SQLiteJournal(path: path)
            stop.set()
            watcher.wait()
        }
        #expect(seen.values.isEmpty, "\(seen.values.prefix(3))")
    }

    @Test("a journal that group or others may read is refused with the fix, left unchanged; --shared-journal uses it")
    func groupReadableRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.journalWithCase(in: folder)
        chmod(db, 0o644)
        let before = Self.bytes(db)
        let r = try Self.sop(["case", "list"], db: db)
        #expect(r.status == 1)
        #expect(r.stderr.contains("chmod 600"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(Self.bytes(db) == before, "the refusing command changed the file")
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
        let shared = try Self.sop(["case", "list", "--shared-journal"], db: db)
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(shared.stdout.contains("AJ-0001"))
    }

    @Test("a -wal or -shm file that others may read is refused too")
    func sideFilesChecked() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.journalWithCase(in: folder)
        for suffix in ["-wal", "-shm"] {
            let side = db + suffix
            FileManager.default.createFile(atPath: side, contents: nil)
            chmod(side, 0o666)
            let r = try Self.sop(["case", "list"], db: db)
            #expect(r.status == 1)
            #expect(r.stderr.contains("chmod 600 '\(side)'"), "\(r.stderr)")
            unlink(side)
        }
    }

    @Test("a journal that belongs to another user is refused, left unchanged", .enabled(if: geteuid() == 0))
    func otherOwnerRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.journalWithCase(in: folder)
        #expect(chown(db, 65534, 65534) == 0)
        let before = Self.bytes(db)
        let r = try Self.sop(["case", "do", "AJ-0001", "perintah-spt", "--as", "kasi", "--at", "2025-01-06T08:05"], db: db)
        #expect(r.status == 1)
        #expect(r.stderr.contains("belongs to another user"), "\(r.stderr)")
        #expect(Self.bytes(db) == before)
    }

    /// Overwrites one page in the middle of the file with random bytes, as a failing disk would.
    private static func damage(_ db: String) throws {
        let size = try #require(try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int)
        let page = 4096
        #expect(size >= 4 * page)
        let handle = try #require(FileHandle(forUpdatingAtPath: db))
        var random = SplitMix(seed: 1234)
        try handle.seek(toOffset: UInt64((size / page - 2) * page))
        try handle.write(contentsOf: Data((0..<page).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
        try handle.close()
    }

    @Test("a damaged journal is never written; the refusal says how to recover; check and export read what they can, writing nothing")
    func damagedRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.journalWithCase(in: folder)
        for i in 2...40 {
            let r = try Self.sop(["case", "open", Self.sop, "--data", "nama_anak=Anak \(i)", "--data", "putus_sekolah=true", "--at", "2025-01-06T08:00"], db: db)
            try #require(r.status == 0, "\(r.stderr)")
        }
        try Self.damage(db)
        let before = Self.bytes(db)
        for arguments in [["case", "do", "AJ-0001", "perintah-spt", "--as", "kasi", "--at", "2025-01-06T08:05"],
                          ["case", "open", Self.sop, "--data", "nama_anak=Baru", "--data", "putus_sekolah=true"]] {
            let r = try Self.sop(arguments, db: db)
            #expect(r.status != 0, "\(arguments): a write on a damaged journal succeeded")
            #expect(r.stderr.contains("damaged") || r.stderr.contains("corrupted"), "\(r.stderr)")
            #expect(Self.bytes(db) == before, "\(arguments) changed the damaged file")
        }
        let check = try Self.sop(["journal", "check"], db: db)
        #expect(check.status == 1)
        #expect(check.stdout.contains("damaged"), "\(check.stdout)")
        let export = try Self.sop(["journal", "export"], db: db)
        #expect(export.stdout.contains("\"cases\""), "\(export.stdout.prefix(300)) \(export.stderr)")
        #expect(Self.bytes(db) == before, "check or export changed the damaged file")
    }

    @Test("sop journal check and export on a sound journal: exit 0, every case")
    func soundCheckAndExport() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Self.journalWithCase(in: folder)
        let check = try Self.sop(["journal", "check"], db: db)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("1 case(s) read"))
        let export = try Self.sop(["journal", "export"], db: db)
        #expect(export.status == 0, "\(export.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String: Any]])
        #expect(cases.map { $0["case"] as? String } == ["AJ-0001"])
        #expect(export.stdout.contains("Budi"))
    }
}

/// Set once, read from any thread (stops a watcher thread).
final class SoundFlag: @unchecked Sendable {
    private var value = false
    private let lock = NSLock()
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
