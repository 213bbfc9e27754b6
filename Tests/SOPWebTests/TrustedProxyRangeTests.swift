import Testing
@testable import SOPKit
@testable import SOPWeb

/// `--trusted-proxy` with CIDR ranges: which peers a range trusts, and the refusal of a value that
/// is neither an address nor a range, in both languages.
@Suite("sop serve: trusted proxy ranges")
struct TrustedProxyRangeTests {
    private func range(_ text: String) throws -> AddressRange {
        try AddressRange.parse(text).get()
    }

    @Test("an IPv4 range holds exactly the addresses under its prefix, also seen through an IPv6 socket")
    func ipv4() throws {
        let ten = try range("10.0.0.0/8")
        #expect(ten.contains("10.0.0.1") && ten.contains("10.255.255.255") && ten.contains("::ffff:10.2.3.4"))
        #expect(!ten.contains("11.0.0.0") && !ten.contains("9.255.255.255") && !ten.contains("::1") && !ten.contains("bukan"))
        let narrow = try range("192.168.1.64/26")
        #expect(narrow.contains("192.168.1.64") && narrow.contains("192.168.1.127"))
        #expect(!narrow.contains("192.168.1.63") && !narrow.contains("192.168.1.128"))
        // Host bits past the prefix are ignored; /0 holds every IPv4 address; no prefix is /32.
        #expect(try range("10.1.2.3/8") == ten && ten.description == "10.0.0.0/8")
        #expect(try range("0.0.0.0/0").contains("203.0.113.5"))
        let one = try range("127.0.0.1")
        #expect(one.prefix == 32 && one.contains("127.0.0.1") && !one.contains("127.0.0.2"))
    }

    @Test("an IPv6 range holds exactly the addresses under its prefix, however they are written")
    func ipv6() throws {
        let ula = try range("fd00::/8")
        #expect(ula.contains("fd12:3456::1") && ula.contains("FDFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF"))
        #expect(!ula.contains("fe80::1") && !ula.contains("fc00::1") && !ula.contains("10.0.0.1"))
        let doc = try range("2001:db8:0:0:0:0:0:0/33")
        #expect(doc.contains("2001:0db8:7fff::1") && !doc.contains("2001:db8:8000::1"))
        #expect(try range("::1").prefix == 128)
    }

    @Test("behind a proxy pool, the client is the last forwarded address outside the trusted ranges")
    func client() throws {
        let proxies = try TrustedProxies.parse(["10.0.0.0/8", "fd00::/8"]).get()
        #expect(proxies.client(peer: "10.1.2.3", forwardedFor: ["203.0.113.5, 10.9.9.9"]) == "203.0.113.5")
        #expect(proxies.client(peer: "fd00::7", forwardedFor: ["2001:db8::5"]) == TrustedProxies.normalized("2001:db8::5"))
        #expect(proxies.client(peer: "198.51.100.7", forwardedFor: ["203.0.113.5"]) == "198.51.100.7")
    }

    @Test("a malformed range is refused naming --trusted-proxy and what to write, in Indonesian and in English")
    func refusals() {
        let cases: [(String, String, String)] = [
            ("nginx.local", "bukan alamat IP atau rentang CIDR", "is not an IP address or a CIDR range"),
            ("10.0.0.0/33", "panjang prefiks '33' harus bilangan dari 0 sampai 32", "the prefix length '33' must be a whole number from 0 to 32"),
            ("fd00::/129", "dari 0 sampai 128", "from 0 to 128"),
            ("10.0.0.0/", "panjang prefiks ''", "the prefix length ''"),
            ("10.0.0.0/x", "prefiks 'x'", "prefix length 'x'"),
            ("10.0.0.0/-1", "prefiks '-1'", "prefix length '-1'"),
            ("10.0.0/8", "bukan alamat IP", "is not an IP address"),
            ("fd00::/8/8", "prefiks '8/8'", "prefix length '8/8'"),
        ]
        for (text, indonesian, english) in cases {
            guard case .failure(let refusal) = TrustedProxies.parse(["127.0.0.1", text]) else {
                Issue.record("'\(text)' was accepted")
                continue
            }
            let id = refusal.text.text(in: .id), en = refusal.text.text(in: .en)
            #expect(id.hasPrefix("--trusted-proxy '\(text)'") && id.contains(indonesian), "\(id)")
            #expect(en.hasPrefix("--trusted-proxy '\(text)'") && en.contains(english), "\(en)")
        }
    }
}
