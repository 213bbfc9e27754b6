/// Every key of a scenario file, for the loader's key checks and the docs.
public enum ScenarioCatalog {
    public static let entry = ObjectShape("riwayat entry", "One thing that happened: a performer's action on a step, or a session attended.", [
        KeySpec("langkah", .identifier, "The step acted on (an action)."),
        KeySpec("sesi", .identifier, "The recurring or group step whose session the case attended."),
        KeySpec("oleh", .textOrList, "Who acted (performer ids or names); default every performer awaited, in order."),
        KeySpec("pada", .text, "When (ISO 8601 or a local date/time); default when the step falls due. Required for a session."),
        KeySpec("jawaban", .text, "The answer to a decision taken by a performer."),
        KeySpec("catatan", .text, "A note kept with the action."),
        KeySpec("dokumen", .textOrList, "Documents brought with the action (they count for the kelengkapan gate)."),
        KeySpec("ditolak", .text, "The action must be refused: a reason (wrong_performer, missing_kelengkapan, ...) or words of the message."),
    ])

    public static let expectations = ObjectShape("harapan", "What the case must look like at the end.", [
        KeySpec("jalur", .textOrList, "The step ids in the order they ran."),
        KeySpec("hasil", .keyword(ScenarioExpectations.outcomeWords.map(\.0)), "selesai (completed), keluar (exited early) or berjalan (still open)."),
        KeySpec("terlambat", .textOrList, "Exactly these steps were late or are overdue (empty list: none)."),
        KeySpec("total_waktu", .waktu, "Total working time from opening to the end (or to `sekarang`)."),
        KeySpec("sesi_hadir", .text, "Sessions attended."),
        KeySpec("sesi_terlewat", .text, "Sessions missed."),
        KeySpec("dokumen", .textOrList, "Documents the case holds at the end (at least these)."),
        KeySpec("lewat_batas", .boolean, "true when the case is past its deadline (the SOP's jangka_waktu) at the end, false when it is not."),
    ])

    public static let scenario = ObjectShape("skenario", "A case history to replay against an SOP, with expectations.", [
        KeySpec("skenario", .text, required: true, "The scenario's name."),
        KeySpec("sop", .text, required: true, "The SOP's id (the file <id>.yaml beside the scenario) or a path to it."),
        KeySpec("keterangan", .text, "What the scenario shows."),
        KeySpec("mulai", .text, required: true, "When the case is opened."),
        KeySpec("sekarang", .text, "When the case is looked at (default: its last recorded moment)."),
        KeySpec("data", .map(.text), "The case data, field: value."),
        KeySpec("dokumen", .textOrList, "Documents (persyaratan) the case brings when opened."),
        KeySpec("riwayat", .list(.object(entry)), "What happened, in order."),
        KeySpec("harapan", .object(expectations), "What must hold at the end (`sop test`)."),
    ])
}
