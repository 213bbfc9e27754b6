import Foundation

/// The office's logo for the identity page (`unit.logo`): the bytes of a PNG, JPEG or SVG file
/// beside the SOP, checked when the SOP is loaded and embedded into the printed document as a data
/// URI, so the HTML stays one self-contained file that fetches nothing.
public struct SOPLogo: Sendable, Hashable {
    /// The largest logo accepted: a scanned crest is a few tens of KiB; more would bloat every document.
    public static let maximumBytes = 512 * 1024

    /// `image/png`, `image/jpeg` or `image/svg+xml`, from the file's content (not its name).
    public var mediaType: String
    /// The file's bytes.
    public var data: [UInt8]

    /// The logo as a `data:` URI for an `<img src>`.
    public var dataURI: String {
        "data:\(mediaType);base64," + Data(data).base64EncodedString()
    }

    /// Reads and checks the logo `path` names, relative to the folder of the SOP file `sopFile` (the
    /// current folder for an SOP that did not come from a file). Each refusal is one located
    /// diagnostic: SOP230 a URL, SOP231 an absolute path or one leaving the SOP's folder, SOP232 a
    /// missing or unreadable file, SOP233 a file over the size cap, SOP234 not a PNG, JPEG or SVG,
    /// SOP235 an SVG that runs scripts or fetches anything.
    static func read(_ path: Located<String>, besides sopFile: String?) -> Either {
        let written = path.value.trimmingCharacters(in: .whitespaces)
        func refuse(_ code: String, _ message: Message) -> Either {
            .problem(.error(code, message, at: path.location))
        }
        let lower = written.lowercased()
        if lower.contains("://") || lower.hasPrefix("//") || lower.hasPrefix("data:") {
            return refuse("SOP230", StructureMessages.logoURL(["logo": .text(written)]))
        }
        let parts = written.split(separator: "/")
        if written.hasPrefix("/") || written.hasPrefix("~") || parts.contains("..") {
            return refuse("SOP231", StructureMessages.logoNotRelative(["logo": .text(written)]))
        }
        let folder = sopFile.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = folder.appendingPathComponent(written)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            return refuse("SOP232", StructureMessages.logoMissing(["logo": .text(written), "path": .text(url.path)]))
        }
        if let size = attributes[.size] as? Int, size > maximumBytes {
            return refuse("SOP233", StructureMessages.logoTooLarge(["logo": .text(written), "size": .number(size / 1024), "limit": .number(maximumBytes / 1024)]))
        }
        guard let handle = try? FileHandle(forReadingFrom: url),
              let data = try? handle.read(upToCount: maximumBytes + 1) else {
            return refuse("SOP232", StructureMessages.logoUnreadable(["logo": .text(written)]))
        }
        try? handle.close()
        let bytes = [UInt8](data)
        if bytes.count > maximumBytes {
            return refuse("SOP233", StructureMessages.logoLarger(["logo": .text(written), "limit": .number(maximumBytes / 1024)]))
        }
        guard let type = mediaType(of: bytes) else {
            return refuse("SOP234", StructureMessages.logoNotImage(["logo": .text(written)]))
        }
        if type == "image/svg+xml" {
            let text = String(decoding: bytes, as: UTF8.self).lowercased()
            let unsafe = ["<script", "javascript:", "<foreignobject", "href=\"http", "href='http", "url(http", "@import"]
            if let found = unsafe.first(where: { text.contains($0) }) {
                return refuse("SOP235", StructureMessages.logoUnsafeSVG(["logo": .text(written), "found": .text(found)]))
            }
        }
        return .logo(SOPLogo(mediaType: type, data: bytes))
    }

    /// What reading a logo gave: the logo, or the one diagnostic that refuses it.
    enum Either {
        case logo(SOPLogo)
        case problem(Diagnostic)
    }

    /// The image type from the file's first bytes.
    static func mediaType(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        if head.contains("<svg") { return "image/svg+xml" }
        return nil
    }
}
