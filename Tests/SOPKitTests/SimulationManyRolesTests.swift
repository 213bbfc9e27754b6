import Foundation
import Testing
@testable import SOPKit
@testable import SOPSimulate

/// An SOP with more performers than a 64-bit mask holds (the compiled form declines it, so the
/// simulator drives `CaseEngine`): a `bersama` step of 70 signers, several people in each role.
/// Every signer is given the step once, so two people of one role never work the same signature
/// and the engine accepts every command; every case's state is the fold of its own events.
@Suite struct SimulationManyRolesTests {
    static func context(roles: Int) throws -> CaseContext {
        let ids = (0..<roles).map { "r\($0)" }
        let yaml = """
        id: banyak-peran
        nama: Banyak peran
        unit:
          dinas: Dinas Sosial
        sasaran: Pegawai
        waktu:
          satuan_angka: menit
        pelaksana:
        \(ids.map { "  - id: \($0)\n    nama: Peran \($0)" }.joined(separator: "\n"))
        langkah:
          - id: awal
            mulai: true
            uraian: Menerima berkas
            pelaksana: r0
            waktu: 10
            output: Berkas
          - id: semua
            uraian: Semua menandatangani
            pelaksana: [\(ids.joined(separator: ", "))]
            mode: bersama
            waktu: 30
            output: Berkas
            selesai: true
        """
        let result = SOPLoader().load(bytes: Array(yaml.utf8), file: "banyak-peran.yaml",
                                      validator: SOPValidator(folderSOPIDs: ["banyak-peran"], fileStem: "banyak-peran"))
        let definition = try #require(result.definition, "\(result.diagnostics)")
        let (calendar, _) = CalendarStore.load(id: definition.time.calendar, searchingFrom: TestPaths.sops.path)
        return CaseContext(definition: definition, calendar: try #require(calendar))
    }

    @Test(arguments: [70])
    func everySignerIsTaskedOnceBeyondSixtyFourRoles(roles: Int) throws {
        let context = try Self.context(roles: roles)
        #expect(CompiledSOP(context: context) == nil, "the compiled form declines more than 64 performers")
        let staff = context.definition.performers.map { ($0.id, 3) }
        for seed in UInt64(1)...2 {
            let settings = SimulationSettings(arrivals: .rate(try ArrivalRate(parsing: "200/bulan")), from: CalendarDate(iso: "2025-01-06")!,
                                              to: CalendarDate(iso: "2025-01-20")!, staff: staff, runs: 1, seed: seed)
            let cases = try Simulation.cases(try SimulationPlan(context: context, settings: settings), run: Int(seed))
            #expect(cases.count > 40)
            var done = 0
            for (events, state) in cases {
                #expect(CaseState.fold(events, in: context) == state)
                guard state.status != .open else { continue }
                done += 1
                let signers = events.compactMap { event -> String? in
                    if case .signedOff("semua", let performer, _) = event.kind { performer } else { nil }
                }
                #expect(signers.count == roles && Set(signers).count == roles)
            }
            #expect(done > 0)
        }
    }
}
