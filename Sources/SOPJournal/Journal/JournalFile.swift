import SOPKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The journal file on disk: created private and complete before anyone can open it, and refused
/// when it is not private to the current user.
///
/// Creation never exposes a half-made or readable file: the new journal is made in a fresh
/// folder only its owner can enter (`mkdtemp`, mode 0700) beside the target, opened with
/// `O_CREAT|O_EXCL` and mode 0600, given its schema and migrations there, and only then linked
/// under its final name with `link(2)`, which fails if the name exists. Processes opening a
/// journal that does not exist yet all at once each make such a file; one link wins and the others
/// throw theirs away and open the winner's, which is complete by the time its name exists.
enum JournalFile {
    /// Called at each step of a creation with the paths involved, so a test can look at the
    /// permissions of every file at every step. Nil outside tests.
    nonisolated(unsafe) static var creationProbe: (@Sendable (_ step: String, _ paths: [String]) -> Void)?

    /// Creates the journal at `path` when nothing is there, with `prepare` run on the private
    /// file before it gets its name. Returns false when the name existed (or another process
    /// linked its journal first).
    @discardableResult
    static func createIfMissing(_ path: String, prepare: (String) throws -> Void) throws(JournalError) -> Bool {
        var info = stat()
        if lstat(path, &info) == 0 { return false }
        guard errno == ENOENT else { throw .cannotOpen(JournalFileMessages.cannotOpenFile(["path": .text(path), "why": .message(systemError(errno))])) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .cannotOpen(JournalFileMessages.noFolder(["path": .text(path), "folder": .text(folder)]))
        }
        var template = Array((folder + "/.sop-new-journal-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .cannotOpen(JournalFileMessages.cannotCreateInFolder(["path": .text(path), "why": .message(systemError(errno)), "folder": .text(folder)]))
        }
        let privateFolder = String(cString: made)
        defer { removeFolder(privateFolder) }
        let temporary = privateFolder + "/" + url.lastPathComponent
        let fd = open(temporary, O_CREAT | O_EXCL | O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(JournalFileMessages.cannotCreate(["path": .text(path), "why": .message(systemError(errno))])) }
        // The umask can only take bits away; fchmod makes the mode exactly 0600 whatever it is.
        _ = fchmod(fd, 0o600)
        close(fd)
        creationProbe?("created", [privateFolder, temporary])
        do {
            try prepare(temporary)
        } catch let error as JournalError {
            throw error
        } catch {
            throw .cannotOpen(JournalFileMessages.cannotCreate(["path": .text(path), "why": .message(SQLiteJournal.describe(error))]))
        }
        creationProbe?("prepared", [privateFolder, temporary])
        if link(temporary, path) != 0 {
            if errno == EEXIST { return false }
            throw .cannotOpen(JournalFileMessages.cannotCreate(["path": .text(path), "why": .message(systemError(errno))]))
        }
        creationProbe?("linked", [path, temporary])
        return true
    }

    /// A system call's failure (`errno`) in our words; an unusual one by its number.
    static func systemError(_ code: Int32) -> Message {
        switch code {
        case EACCES, EPERM: JournalFileMessages.permissionDenied()
        case ENOENT, ENOTDIR: JournalFileMessages.noSuchFile()
        case EROFS: JournalFileMessages.readOnlyFileSystem()
        case ENOSPC, EDQUOT: JournalFileMessages.noSpace()
        case ELOOP: JournalFileMessages.symbolicLink()
        default: JournalFileMessages.systemError(["number": .text(String(code))])
        }
    }

    private static func removeFolder(_ folder: String) {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for name in names { unlink(folder + "/" + name) }
        }
        rmdir(folder)
    }

    /// Refuses a journal (or its `-wal` / `-shm` file) that belongs to another user or that group
    /// or others may read or write, unless `allowShared` says the sharing is intended.
    static func checkPrivate(_ path: String, allowShared: Bool) throws(JournalError) {
        guard !allowShared else { return }
        let me = geteuid()
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            guard (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if info.st_uid != me {
                throw .cannotOpen(JournalFileMessages.notOwner(["file": .text(file), "owner": .text(userName(info.st_uid)), "me": .text(userName(me))]))
            }
            let mode = info.st_mode & 0o777
            if mode & 0o077 != 0 {
                throw .cannotOpen(JournalFileMessages.notPrivate(["file": .text(file), "mode": .text(String(mode, radix: 8))]))
            }
        }
    }

    /// Whether `path` starts with SQLite's header. Opens the file outside SQLite, which drops
    /// this process's SQLite locks on it when closed: only for a file about to be refused.
    static func startsLikeSQLite(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return true }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        return read(fd, &header, 16) == 16 && header == Array("SQLite format 3\0".utf8)
    }

    /// The name of a user id, or the number when it has none.
    static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }

    /// The login of the process's real user (not `$USER`, which the caller can set).
    static var processLogin: String { userName(getuid()) }
}
