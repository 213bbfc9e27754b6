#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an output file the user named (`-o FILE`) whole or not at all: into a temporary file
/// beside it, then renamed into place. A failure says in words what is wrong with the path
/// ("is a folder", "the disk is full"), never a library's error domain and number.
public enum OutputFile {
    /// Why the file could not be written; `reason` follows the quoted path.
    public struct Failure: Error, Sendable, Equatable {
        public var reason: String
    }

    /// Writes `text` to `path`, replacing what was there.
    public static func write(_ text: String, to path: String) throws(Failure) {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw Failure(reason: "is a folder; give a file name to write to")
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        var template = Array((folder + "/.sop-output-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(errno, creating: true, folder: folder) }
        let temporary = String(cString: template)
        var written = 0
        let bytes = Array(text.utf8)
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temporary)
                throw failure(code, creating: false, folder: folder)
            }
            written += n
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw failure(code, creating: false, folder: folder)
        }
        // Other users may read a document as they could a file the shell would have made.
        chmod(temporary, 0o644)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(code, creating: false, folder: folder)
        }
    }

    private static func failure(_ code: Int32, creating: Bool, folder: String) -> Failure {
        switch code {
        case ENOENT where creating, ENOTDIR where creating: Failure(reason: "cannot be written: the folder '\(folder)' does not exist")
        case EACCES, EPERM, EROFS: Failure(reason: "cannot be written: no permission to write in '\(folder)'")
        case ENOSPC, EDQUOT: Failure(reason: "cannot be written: the disk is full")
        case EISDIR: Failure(reason: "is a folder; give a file name to write to")
        case ELOOP: Failure(reason: "cannot be written: it is a loop of symbolic links")
        default: Failure(reason: "cannot be written (\(String(cString: strerror(code)).lowercased()))")
        }
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}
