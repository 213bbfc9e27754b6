import Foundation

/// The raw bytes of the command line. Swift decodes arguments with U+FFFD in place of bytes that
/// are not UTF-8, so a name typed in another encoding would be stored changed without a word;
/// they are checked here, before parsing, for every option at once.
enum ArgumentBytes {
    /// The option (or argument position) holding the first value that is not UTF-8, and the
    /// problem in words; nil when every argument is UTF-8.
    static func firstInvalidUTF8() -> (option: String, problem: String)? {
        let argv = CommandLine.unsafeArgv
        var previous: String?
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = argv[index] else { continue }
            let length = strlen(pointer)
            let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
            if let text = String(validating: bytes, as: UTF8.self) {
                previous = text
                continue
            }
            let option: String
            let prefix = bytes.prefix(while: { $0 != UInt8(ascii: "=") })
            if bytes.starts(with: Array("--".utf8)), prefix.count < bytes.count, let name = String(validating: prefix, as: UTF8.self) {
                option = name
            } else if let previous, previous.hasPrefix("-"), !previous.contains("=") {
                option = previous
            } else {
                option = "argument \(index)"
            }
            let bad = firstBadByte(bytes)
            return (option, "the value is not valid UTF-8 (byte 0x\(String(bad, radix: 16, uppercase: true))); give text in UTF-8")
        }
        return nil
    }

    private static func firstBadByte(_ bytes: UnsafeRawBufferPointer) -> UInt8 {
        var i = 0
        while i < bytes.count {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[i...])
            for length in (1...4).reversed() where length <= rest.count {
                if String(validating: rest.prefix(length), as: UTF8.self) != nil { i += length; break }
                if length == 1 { return bytes[i] }
            }
        }
        return bytes.last ?? 0
    }
}
