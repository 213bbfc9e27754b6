import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SOPJournal
@testable import SOPKit
@testable import SOPWeb

/// Pratinjau: the document and every diagnostic of a served file, followed as the file changes
/// on disk (Server-Sent Events); a file with errors shows them with line and column, and the last
/// good document greyed.
@Suite("sop serve: Pratinjau")
struct PreviewTests {
    @Test("a saved change reaches the page as an event; errors come with line and column; the last good document stays, greyed")
    func follows() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sop-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("anak-jalanan.yaml")
        let good = try String(contentsOf: WebFixture.root.appendingPathComponent("sops/anak-jalanan.yaml"), encoding: .utf8)
        try good.write(to: file, atomically: true, encoding: .utf8)
        let f = try WebFixture(users: [("sari", ["kasi"])], sopFolder: folder.path)
        try await f.test { b in
            try await b.login("sari")
            #expect(try await b.get("/pratinjau").text.contains("/pratinjau?berkas=0%2Danak%2Djalanan%2Eyaml"))
            let page = try await b.get("/pratinjau?berkas=0-anak-jalanan.yaml")
            #expect(page.text.contains("<script src=\"/pratinjau.js\"></script>") && page.text.contains("id=\"diagnostik\""))
            let version = try #require(page.text.range(of: "data-versi=\"").map { String(page.text[$0.upperBound...].prefix(64)) })
            let document = try await b.get("/pratinjau/dokumen?berkas=0-anak-jalanan.yaml")
            #expect(document.text.contains("Anak Jalanan") && !document.text.contains("grayscale"))
            #expect(try #require(document.headers[.contentSecurityPolicy]).contains("frame-ancestors 'self'"))

            // The file is saved with an error: the event carries the new version and the error with its position.
            try good.replacingOccurrences(of: "pelaksana: [kasi, petugas]", with: "pelaksana: [kasi, petugaz]").write(to: file, atomically: true, encoding: .utf8)
            let event = try await b.get("/pratinjau/peristiwa?berkas=0-anak-jalanan.yaml&versi=\(version)")
            #expect(event.headers[.contentType] == "text/event-stream")
            #expect(event.text.contains("event: ubah\ndata: "))
            // Each line of an event's data is a data: line (else the browser drops the rest).
            let body = try #require(event.text.components(separatedBy: "event: ubah\n").last)
            #expect(body.split(separator: "\n").allSatisfy { $0.hasPrefix("data: ") })
            #expect(event.text.contains("petugaz") && event.text.contains("galat") && !event.text.contains(version))
            #expect(event.text.range(of: #"1\d\d:\d+ galat"#, options: .regularExpression) != nil, "\(event.text)")
            let greyed = try await b.get("/pratinjau/dokumen?berkas=0-anak-jalanan.yaml")
            #expect(greyed.text.contains("grayscale") && greyed.text.contains("Anak Jalanan"))
            // Only served files: a path from the browser opens nothing.
            #expect(try await b.get("/pratinjau/dokumen?berkas=../../etc/passwd").status == .notFound)
            #expect(try await b.get("/pratinjau.js").headers[.contentType] == "text/javascript; charset=utf-8")
        }
    }
}
