import Foundation
import PostgresNIO
import SOPKit

/// Typed access to a row's columns by name; a missing column or an unexpected type is a
/// `corrupt` error, never a crash.
struct PGRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    private func cell(_ name: String) throws(JournalError) -> PostgresCell {
        guard row.contains(name) else { throw .corrupt(JournalDataMessages.columnMissing(["column": .text(name)])) }
        return row[name]
    }

    func string(_ name: String) throws(JournalError) -> String {
        guard let value = try optionalString(name) else { throw .corrupt(JournalDataMessages.columnNull(["column": .text(name)])) }
        return value
    }

    func optionalString(_ name: String) throws(JournalError) -> String? {
        let c = try cell(name)
        do { return try c.decode(String?.self) } catch { throw .corrupt(JournalDataMessages.columnNotText(["column": .text(name)])) }
    }

    func int(_ name: String) throws(JournalError) -> Int {
        Int(try int64(name))
    }

    func optionalInt64(_ name: String) throws(JournalError) -> Int64? {
        let c = try cell(name)
        do { return try c.decode(Int64?.self) } catch { throw .corrupt(JournalDataMessages.columnNotNumber(["column": .text(name)])) }
    }

    func int64(_ name: String) throws(JournalError) -> Int64 {
        let c = try cell(name)
        let value: Int64?
        do { value = try c.decode(Int64?.self) } catch { throw .corrupt(JournalDataMessages.columnNotNumber(["column": .text(name)])) }
        guard let value else { throw .corrupt(JournalDataMessages.columnNull(["column": .text(name)])) }
        return value
    }
}
