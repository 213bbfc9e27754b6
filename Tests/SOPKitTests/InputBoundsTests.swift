import Foundation
import Testing
@testable import SOPKit

/// Issue 12, findings 7 to 11: size caps before reading, unreadable folders, `--width`, loose
/// input refused with exit 64 naming the option, and one-line messages in our own words.
@Suite("input bounds and messages")
struct InputBoundsTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-bounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A sparse file of `size` bytes: larger than memory, so reading it whole cannot succeed.
    private func sparse(_ name: String, size: UInt64) throws -> String {
        let path = folder.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("id: x\n".utf8)))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: size)
        try handle.close()
        return path
    }

    /// Runs a shell command line with `$SOP` set to the built binary (for arguments a Swift String
    /// cannot hold, such as bytes that are not UTF-8).
    private func shell(_ script: String) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = TestPaths.root
        var env = ProcessInfo.processInfo.environment
        env["SOP"] = TestPaths.binary.path
        env["NO_COLOR"] = "1"
        env["SOP_BAHASA"] = "en"  // these tests read the English messages
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test("the size cap is checked before reading: an 8 TiB sparse SOP, data file and scenario are SOP107")
    func sizeCap() throws {
        let huge = try sparse("huge.yaml", size: 8 << 40)
        let limit = YAMLLimits.standard.maxBytes
        let expected = "'\(huge)' is \(8 << 40) bytes; the limit is \(limit) bytes [SOP107]"
        let validate = try CLI.run(["validate", huge])
        #expect(validate.status == 1)
        #expect(validate.stderr.contains(expected), "\(validate.stderr)")
        let open = try CLI.run(["case", "open", huge, "--db", folder.appendingPathComponent("j.sqlite").path])
        #expect(open.status == 1 && open.stderr.contains(expected), "\(open.stderr)")
        let data = try CLI.run(["run", "sops/anak-jalanan.yaml", "--data-file", huge, "--start", "2025-01-06"])
        #expect(data.status == 1 && data.stderr.contains(expected), "\(data.stderr)")
        let scenario = try CLI.run(["run", "sops/anak-jalanan.yaml", "--scenario", huge])
        #expect(scenario.status == 1 && scenario.stderr.contains(expected), "\(scenario.stderr)")
        // One byte over the cap is refused too; at the cap it is read (and judged as YAML).
        let over = try sparse("over.yaml", size: UInt64(limit + 1))
        #expect(try CLI.run(["validate", over]).stderr.contains("is \(limit + 1) bytes; the limit is \(limit) bytes [SOP107]"))
        if case .failure(let failure) = BoundedFile.read(try sparse("at.yaml", size: UInt64(limit)), limit: limit) {
            Issue.record("a file at the cap was refused: \(failure)")
        }
    }

    @Test("a pipe given as an SOP file is refused, not waited on")
    func pipe() throws {
        let fifo = folder.appendingPathComponent("pipe.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(BoundedFile.read(fifo, limit: 100) == .failure(.notRegular))
    }

    /// Root reads every folder, so the unreadable-folder check runs as `nobody` through runuser.
    static let canRunAsNobody = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser")

    @Test("sop validate DIR reports a subfolder it cannot read (SOP100 with its path) instead of skipping it",
          .enabled(if: canRunAsNobody, "needs root and runuser, to run the check as nobody"))
    func unreadableFolder() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        let good = folder.appendingPathComponent("good.yaml")
        try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("valid/minimal.yaml"), to: good)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: good.path)
        let hidden = folder.appendingPathComponent("rahasia")
        try FileManager.default.createDirectory(at: hidden, withIntermediateDirectories: true)
        try "id: x\n".write(to: hidden.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: hidden.path)
        let r = try shell("runuser -u nobody -- \"$SOP\" validate '\(folder.path)'")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("the folder '\(hidden.path)' cannot be read (permission denied); the files in it were not checked [SOP100]"),
                "\(r.stderr)")
    }

    @Test("--width is bounded when parsed: 0, -1, 39, 10^8 and 2^62 are usage errors naming the option",
          arguments: ["0", "-1", "39", "1001", "100000000", "4611686018427387904", "wide"])
    func width(_ value: String) throws {
        let r = try CLI.run(["show", "sops/anak-jalanan.yaml", "--width", value])
        #expect(r.status == 64)
        #expect(r.stderr.contains("'--width <columns>'"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("--width at its bounds works, and a huge $COLUMNS is brought into the range")
    func widthBounds() throws {
        #expect(try CLI.run(["show", "sops/anak-jalanan.yaml", "--width", "40"]).status == 0)
        #expect(try CLI.run(["show", "sops/anak-jalanan.yaml", "--width", "1000"]).status == 0)
        let wide = try CLI.run(["show", "sops/anak-jalanan.yaml"], environment: ["COLUMNS": "100000000"])
        #expect(wide.status == 0)
        #expect(wide.stdout.split(separator: "\n").allSatisfy { $0.count <= 1000 })  // the upper bound of --width
    }

    @Test("a --data-file value with NUL or ESC written as a YAML escape is SOP112 at its position")
    func dataFileControls() throws {
        let file = folder.appendingPathComponent("data.yaml")
        try "nama_anak: \"Budi\\0\"\nputus_sekolah: true\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["run", "sops/anak-jalanan.yaml", "--data-file", file.path, "--start", "2025-01-06"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file.path):1:12: error: a text value holds the control character U+0000 (written as an escape)"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("loose case data is refused with exit 64 naming --data", arguments: [
        (["nama_anak=", "putus_sekolah=true"], "nama_anak: a required field cannot be empty"),
        (["nama_anak=  ", "putus_sekolah=true"], "nama_anak: a required field cannot be empty"),
        (["nama_anak=Budi", "putus_sekolah=true", "tanggal_lahir=2999-01-01"], "tanggal_lahir: 2999-01-01 is outside the dates a case may hold (1900-01-01 to 2099-12-31)"),
        (["nama_anak=Budi", "putus_sekolah=true", "tanggal_lahir=1899-12-31"], "tanggal_lahir: 1899-12-31 is outside the dates"),
        (["nama_anak=Budi", "putus_sekolah=true", "tanggal_lahir=2025-01-07"], "tanggal_lahir: a birth date cannot be after the day the case is opened (2025-01-06)"),
        (["nama_anak=Budi", "putus_sekolah=true", "nama_anak=Andi"], "'nama_anak' is given twice"),
    ])
    func looseData(_ pairs: [String], _ message: String) throws {
        let db = folder.appendingPathComponent("j.sqlite").path
        let open = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--at", "2025-01-06T08:00", "--db", db]
                               + pairs.flatMap { ["--data", $0] })
        #expect(open.status == 64, "\(open.stderr)")
        #expect(open.stderr.hasPrefix("sop: --data: "), "\(open.stderr)")
        #expect(open.stderr.contains(message), "\(open.stderr)")
        #expect(open.stderr.split(separator: "\n").count == 1, "\(open.stderr)")
        let run = try CLI.run(["run", "sops/anak-jalanan.yaml", "--start", "2025-01-06T08:00"] + pairs.flatMap { ["--data", $0] })
        #expect(run.status == 64 && run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("a birth date on the opening day and a date in the range are accepted")
    func sensibleDates() throws {
        let run = try CLI.run(["run", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true",
                               "--data", "tanggal_lahir=2025-01-06", "--start", "2025-01-06T08:00"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("--data that is not UTF-8 is refused naming the option, not stored as U+FFFD")
    func invalidUTF8() throws {
        let db = folder.appendingPathComponent("j.sqlite").path
        let r = try shell("\"$SOP\" case open sops/anak-jalanan.yaml --db '\(db)' --data \"nama_anak=Bud$(printf '\\351')\" --data putus_sekolah=true")
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr == "sop: --data: the value is not valid UTF-8 (byte 0xE9); give text in UTF-8\n", "\(r.stderr)")
        let joined = try shell("\"$SOP\" validate \"--format=$(printf '\\377')\"")
        #expect(joined.status == 64 && joined.stderr.contains("sop: --format: the value is not valid UTF-8 (byte 0xFF)"), "\(joined.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test("tasks --as a role no SOP in the journal has is refused naming --as")
    func unknownRole() throws {
        let db = folder.appendingPathComponent("j.sqlite").path
        let open = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--db", db])
        #expect(open.status == 0, "\(open.stderr)")
        let r = try CLI.run(["tasks", "--as", "nobody", "--db", db])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("sop: --as: 'nobody' is not a performer of any SOP in this journal"), "\(r.stderr)")
        #expect(r.stderr.contains("kasi"))
        #expect(try CLI.run(["tasks", "--as", "Kepala Dinas", "--db", db]).status == 0)
    }

    @Test("run --answer naming no decision or no outcome is refused naming --answer", arguments: [
        ("nosuch=Ya", "'nosuch' is not a step of pembuatan-duk"),
        ("kumpulkan-data=Ya", "step 'kumpulkan-data' is not a decision"),
        ("periksa-konsep=Mungkin", "'Mungkin' is not an outcome of 'periksa-konsep' (outcomes: Ya, Tidak)"),
    ])
    func unknownAnswer(_ answer: String, _ message: String) throws {
        let r = try CLI.run(["run", "sops/pembuatan-duk.yaml", "--data", "tahun=2025", "--answer", answer, "--start", "2025-01-06"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("sop: --answer: \(message)"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("-o naming a folder, a full disk and a symbolic link loop are one line in our own words")
    func messages() throws {
        let folderOut = try CLI.run(["render", "sops/anak-jalanan.yaml", "--format", "md", "-o", folder.path])
        #expect(folderOut.status == 1)
        #expect(folderOut.stderr == "sop: '\(folder.path)' is a folder; give a file name to write to\n", "\(folderOut.stderr)")
        let loop = folder.appendingPathComponent("loop.yaml")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        let validate = try CLI.run(["validate", loop.path])
        #expect(validate.stderr.contains("'\(loop.path)' is a loop of symbolic links [SOP100]"), "\(validate.stderr)")
        let show = try CLI.run(["show", loop.path])
        #expect(show.status == 1 && show.stderr.contains("'\(loop.path)' is a loop of symbolic links"), "\(show.stderr)")
        let loopDB = try CLI.run(["case", "list", "--db", loop.path])
        #expect(loopDB.status == 1)
        #expect(loopDB.stderr == "sop: the journal '\(loop.path)' is a loop of symbolic links; give the journal file with --db\n", "\(loopDB.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: loop.path) == loop.path)
        let folderDB = try CLI.run(["case", "list", "--db", folder.path])
        #expect(folderDB.stderr == "sop: the journal '\(folder.path)' is a folder, not a file; give the journal file with --db\n", "\(folderDB.stderr)")
        let badDate = try CLI.run(["report", "--from", "kemarin", "--db", folder.appendingPathComponent("j.sqlite").path])
        #expect(badDate.status == 64)
        #expect(badDate.stderr == "sop: --from: 'kemarin' is not a date; write e.g. 2025-01-01 (YYYY-MM-DD)\n", "\(badDate.stderr)")
    }

    @Test("writing to a full disk says the disk is full", .enabled(if: getuid() == 0, "mounts a small tmpfs, which needs root"))
    func fullDisk() throws {
        let mount = folder.appendingPathComponent("full")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        #expect(try shell("mount -t tmpfs -o size=64k tmpfs '\(mount.path)' && head -c 1000000 /dev/zero > '\(mount.path)/filler'; true").status == 0)
        defer { _ = try? shell("umount '\(mount.path)'") }
        let out = mount.appendingPathComponent("doc.md").path
        let render = try CLI.run(["render", "sops/anak-jalanan.yaml", "--format", "md", "-o", out])
        #expect(render.status == 1)
        #expect(render.stderr == "sop: '\(out)' cannot be written: the disk is full\n", "\(render.stderr)")
        let db = mount.appendingPathComponent("sop.sqlite").path
        let open = try CLI.run(["case", "open", "sops/anak-jalanan.yaml", "--data", "nama_anak=Budi", "--data", "putus_sekolah=true", "--db", db])
        #expect(open.status == 1)
        #expect(open.stderr.contains("the disk is full") || open.stderr.contains("is it full"), "\(open.stderr)")
        #expect(!open.stderr.contains("disk I/O error"), "\(open.stderr)")
        #expect(open.stderr.split(separator: "\n").count == 1, "\(open.stderr)")
    }
}
