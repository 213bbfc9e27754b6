/// Reading `workweek:`: the working weekdays, the office hours of each, and the Ramadan hours and periods.
extension CalendarFileReader {
    static let workweekKeys = ["days", "hours", "ramadan", "legal_basis", "hours_per_week", "start_time",
                               "break_minutes", "local_practice", "note"]
    static let ramadanKeys = ["hours", "periods", "legal_basis", "hours_per_week", "start_time", "break_minutes", "note"]
    static let dayKeys = ["start", "end", "break", "note"]
    static let periodKeys = ["start", "end", "hijri", "note"]

    /// One weekday's hours as read: the intervals (breaks removed) and the minutes of break.
    struct DayHours {
        var intervals: [Range<Int>]
        var breakMinutes: Int
    }

    mutating func readWorkweek(_ node: YAMLNode, into spec: inout CalendarSpec) {
        guard let keys = mapping(node, what: StructureMessages.quotedKey("workweek"), known: CalendarFileReader.workweekKeys) else { return }
        if let days = keys["days"]?.value { spec.days = readDays(days) }
        let hours = keys["hours"].map { readHours($0.value, what: StructureMessages.quotedKey("workweek.hours")) } ?? [:]
        spec.hours = hours.mapValues(\.intervals)
        let workdays = spec.days.map { $0.map(\.value) } ?? Array(hours.keys)
        checkTotals(keys, hours: hours, workdays: workdays, what: CalendarMessages.workweekHours())
        if let ramadanNode = keys["ramadan"]?.value,
           let ramadan = mapping(ramadanNode, what: StructureMessages.quotedKey("workweek.ramadan"), known: CalendarFileReader.ramadanKeys) {
            let ramadanHours = ramadan["hours"].map { readHours($0.value, what: StructureMessages.quotedKey("workweek.ramadan.hours")) } ?? [:]
            spec.ramadanHours = ramadanHours.mapValues(\.intervals)
            checkTotals(ramadan, hours: ramadanHours, workdays: workdays, what: CalendarMessages.ramadanHours())
            if let periods = ramadan["periods"]?.value { spec.ramadanPeriods = readPeriods(periods) }
        }
        if let start = keys["start_time"]?.value { _ = clockTime(start, what: StructureMessages.quotedKey("start_time")) }
    }

    /// `days: [mon, tue, wed, thu, fri]` (or Indonesian names).
    private mutating func readDays(_ node: YAMLNode) -> [Located<Int>] {
        guard let items = node.items, !items.isEmpty else {
            error("SOP601", CalendarMessages.daysNotList(), at: node.location)
            return []
        }
        var result: [Located<Int>] = []
        for item in items {
            guard let name = text(item, what: CalendarMessages.whereWeekday()), let weekday = weekday(name, at: item.location) else { continue }
            if result.contains(where: { $0.value == weekday }) {
                error("SOP603", CalendarMessages.dayTwice(["day": .text(name)]), at: item.location)
                continue
            }
            result.append(Located(weekday, at: item.location))
        }
        return result
    }

    /// `hours: {mon: {start, end, break}, ...}`.
    private mutating func readHours(_ node: YAMLNode, what: Message) -> [Int: DayHours] {
        guard let pairs = node.pairs else {
            error("SOP601", CalendarMessages.hoursNotMapping(["what": .message(what), "kind": .message(node.kindText)]),
                  at: node.location)
            return [:]
        }
        var result: [Int: DayHours] = [:]
        for pair in pairs {
            guard let weekday = weekday(pair.keyText, at: pair.key.location) else { continue }
            if result[weekday] != nil {
                error("SOP603", CalendarMessages.dayAlreadyGiven(["day": .text(pair.keyText), "what": .message(what)]), at: pair.key.location)
                continue
            }
            if let day = readDay(pair.value, name: pair.keyText) { result[weekday] = day }
        }
        return result
    }

    /// `{start: "07:30", end: "16:00", break: ["12:00", "13:00"]}`; `break` may also be a list of pairs.
    private mutating func readDay(_ node: YAMLNode, name: String) -> DayHours? {
        guard let keys = mapping(node, what: CalendarMessages.whereHoursOf(["day": .text(name)]), known: CalendarFileReader.dayKeys) else { return nil }
        guard let startNode = keys["start"]?.value, let endNode = keys["end"]?.value else {
            error("SOP601", CalendarMessages.hoursNeedStartEnd(["day": .text(name)]), at: node.location)
            return nil
        }
        guard let start = clockTime(startNode, what: StructureMessages.quotedKey("start")), let end = clockTime(endNode, what: StructureMessages.quotedKey("end")) else { return nil }
        guard end > start else {
            error("SOP604", CalendarMessages.endsBeforeStart(["day": .text(name), "end": .text(endNode.scalar?.value ?? ""), "start": .text(startNode.scalar?.value ?? "")]),
                  at: endNode.location)
            return nil
        }
        var breaks: [Located<Range<Int>>] = []
        for pair in keys["break"].map({ breakPairs($0.value) }) ?? [] {
            guard let from = clockTime(pair.0, what: CalendarMessages.whereBreakStart()), let to = clockTime(pair.1, what: CalendarMessages.whereBreakEnd()) else { continue }
            guard to > from else {
                error("SOP604", CalendarMessages.breakEndsBeforeStart(["day": .text(name), "end": .text(pair.1.scalar?.value ?? ""), "start": .text(pair.0.scalar?.value ?? "")]),
                      at: pair.1.location)
                continue
            }
            guard from >= start, to <= end else {
                error("SOP605", CalendarMessages.breakOutside(["day": .text(name)]), at: pair.0.location)
                continue
            }
            if let other = breaks.first(where: { $0.value.overlaps(from..<to) }) {
                error("SOP605", CalendarMessages.breaksOverlap(["day": .text(name)]), at: pair.0.location, notes: [.init(CalendarMessages.otherBreak(), at: other.location)])
                continue
            }
            breaks.append(Located(from..<to, at: pair.0.location))
        }
        let pauses = breaks.map(\.value)
        return DayHours(intervals: OfficeSchedule.intervals(start: start, end: end, breaks: pauses),
                        breakMinutes: pauses.reduce(0) { $0 + $1.count })
    }

    /// The (start, end) nodes of `break: [a, b]` or `break: [[a, b], [c, d]]`.
    private mutating func breakPairs(_ node: YAMLNode) -> [(YAMLNode, YAMLNode)] {
        if node.isNull { return [] }
        let items = node.items ?? []
        if items.count == 2, items.allSatisfy({ $0.scalar != nil }) { return [(items[0], items[1])] }
        if !items.isEmpty, items.allSatisfy({ $0.items?.count == 2 }) {
            return items.compactMap { pair in pair.items.map { ($0[0], $0[1]) } }
        }
        error("SOP601", CalendarMessages.breakShape(),
              at: node.location)
        return []
    }

    /// `periods: [{start: 2025-03-01, end: 2025-03-30}, ...]`.
    private mutating func readPeriods(_ node: YAMLNode) -> [ClosedRange<CalendarDate>] {
        guard let items = node.items else {
            error("SOP601", CalendarMessages.periodsNotList(["kind": .message(node.kindText)]), at: node.location)
            return []
        }
        var result: [Located<ClosedRange<CalendarDate>>] = []
        for item in items {
            guard let keys = mapping(item, what: CalendarMessages.wherePeriod(), known: CalendarFileReader.periodKeys) else { continue }
            guard let startNode = keys["start"]?.value, let endNode = keys["end"]?.value else {
                error("SOP601", CalendarMessages.periodNeedsStartEnd(), at: item.location)
                continue
            }
            guard let start = date(startNode, what: StructureMessages.quotedKey("start")), let end = date(endNode, what: StructureMessages.quotedKey("end")) else { continue }
            guard end >= start else {
                error("SOP604", CalendarMessages.periodBackwards(["end": .text("\(end)"), "start": .text("\(start)")]), at: endNode.location)
                continue
            }
            if let other = result.first(where: { $0.value.overlaps(start...end) }) {
                error("SOP607", CalendarMessages.periodsOverlap(["start": .text("\(start)"), "end": .text("\(end)")]), at: startNode.location,
                      notes: [.init(CalendarMessages.otherPeriod(), at: other.location)])
                continue
            }
            result.append(Located(start...end, at: startNode.location))
        }
        return result.map(\.value)
    }

    /// Warns when `hours_per_week` or `break_minutes` disagree with the hours written.
    private mutating func checkTotals(_ keys: [String: YAMLPair], hours: [Int: DayHours], workdays: [Int], what: Message) {
        if let node = keys["hours_per_week"]?.value, let stated = number(node, what: StructureMessages.quotedKey("hours_per_week")),
           workdays.allSatisfy({ hours[$0] != nil }) {
            let total = workdays.reduce(0) { $0 + OfficeSchedule.minutes(hours[$1]?.intervals ?? []) }
            if abs(Double(total) - stated * 60) > 0.5 {
                warning("SOP609", CalendarMessages.weeklyHours(["what": .message(what), "total": .decimal(Double(total) / 60, places: 2), "stated": .text(node.scalar?.value ?? "")]),
                        at: node.location)
            }
        }
        guard let node = keys["break_minutes"]?.value else { return }
        guard let pairs = node.pairs else {
            error("SOP601", CalendarMessages.breakMinutesShape(), at: node.location)
            return
        }
        for pair in pairs {
            guard let weekday = weekday(pair.keyText, at: pair.key.location),
                  let stated = number(pair.value, what: StructureMessages.quotedKey("break_minutes.\(pair.keyText)")),
                  let day = hours[weekday] else { continue }
            if Double(day.breakMinutes) != stated {
                warning("SOP609", CalendarMessages.breakMinutes(["what": .message(what), "day": .text(pair.keyText), "minutes": .number(day.breakMinutes),
                                                             "stated": .text(pair.value.scalar?.value ?? "")]),
                        at: pair.value.location)
            }
        }
    }

    /// A weekday index from its name, or nil with an error (and a did-you-mean).
    private mutating func weekday(_ name: String, at location: SourceLocation) -> Int? {
        if let weekday = OfficeSchedule.weekday(named: name) { return weekday }
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"]
        error("SOP603", CalendarMessages.notWeekday(["day": .text(name), "hint": .message(Suggestion.hint(name, in: names))]), at: location,
              notes: [.init(CalendarMessages.weekdays())])
        return nil
    }
}
