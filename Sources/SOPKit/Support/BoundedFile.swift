#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}

/// Reads a file the user named, never more than a cap: the size is checked on the open file
/// before reading (`fstat`), and at most `limit + 1` bytes are read whatever it claims, so a
/// 1 GB file is refused at once instead of after reading it all. Only regular files are read (a
/// FIFO or a device would block or never end).
public enum BoundedFile {
    /// Why a file could not be read, in words that name the cause.
    public enum Failure: Error, Sendable, Equatable {
        case missing
        case folder
        case notRegular
        case symlinkLoop
        case permissionDenied
        case tooLarge(bytes: Int, limit: Int)
        case other(String)

        /// The cause, to follow the quoted path: "'x.yaml' does not exist".
        public var reasonText: Message {
            switch self {
            case .missing: CommonMessages.fileMissing()
            case .folder: CommonMessages.fileFolder()
            case .notRegular: CommonMessages.fileNotRegular()
            case .symlinkLoop: CommonMessages.fileSymlinkLoop()
            case .permissionDenied: CommonMessages.filePermissionDenied()
            case .tooLarge(let bytes, let limit): CommonMessages.fileTooLarge(["bytes": .number(bytes), "limit": .number(limit)])
            case .other(let cause): CommonMessages.fileOther(["cause": .text(cause)])
            }
        }

        /// The cause in English.
        public var reason: String { reasonText.english }

        /// The cause in `bahasa`.
        public func reason(in bahasa: Bahasa) -> String { reasonText.text(in: bahasa) }

        /// The diagnostic for this failure: SOP107 for a file over the cap, else `code` (the
        /// caller's "cannot be read" code), without a position (the file itself is the problem).
        public func diagnostic(path: String, code: String = "SOP100") -> Diagnostic {
            if case .tooLarge = self {
                return .error("SOP107", YAMLMessages.unreadable(["path": .text(path), "reason": .message(reasonText)]), at: SourceLocation(file: path, line: 1, column: 1))
            }
            return .error(code, YAMLMessages.unreadable(["path": .text(path), "reason": .message(reasonText)]), at: nil)
        }

        /// The failure an `errno` value stands for.
        public static func from(errno code: Int32) -> Failure {
            switch code {
            case ENOENT, ENOTDIR: .missing
            case ELOOP: .symlinkLoop
            case EACCES, EPERM: .permissionDenied
            case EISDIR: .folder
            default: .other(String(cString: strerror(code)).lowercased())
            }
        }
    }

    /// The bytes of the file at `path`, or why not; at most `limit` bytes are accepted.
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.from(errno: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.from(errno: errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.folder)
        default: return .failure(.notRegular)
        }
        if Int(info.st_size) > limit { return .failure(.tooLarge(bytes: Int(info.st_size), limit: limit)) }
        var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { return .failure(.tooLarge(bytes: count, limit: limit)) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.from(errno: errno))
            }
            if n == 0 { break }
            count += n
        }
        if count > limit { return .failure(.tooLarge(bytes: count, limit: limit)) }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// The names in the folder at `path` (without "." and ".."), or why it cannot be listed.
    public static func folderEntries(_ path: String) -> Result<[String], Failure> {
        guard let dir = opendir(path) else { return .failure(.from(errno: errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        if errno != 0 { return .failure(.from(errno: errno)) }
        return .success(names)
    }

    /// Why `path` cannot be used as a file to open or create: a folder, a loop of symbolic links,
    /// a pipe or device; nil when it is a regular file or does not exist yet.
    public static func problemAsFile(_ path: String) -> Failure? {
        var info = stat()
        if stat(path, &info) != 0 {
            let code = errno
            return code == ENOENT ? nil : Failure.from(errno: code)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .folder
        default: return .notRegular
        }
    }

    /// At most the first `limit` bytes of a regular file (for a quick look at its head), or nil.
    public static func head(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: limit)
        var count = 0
        while count < limit {
            let n = bytes.withUnsafeMutableBytes { buffer in systemRead(fd, buffer.baseAddress! + count, limit - count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            count += n
        }
        return Array(bytes[..<count])
    }
}
