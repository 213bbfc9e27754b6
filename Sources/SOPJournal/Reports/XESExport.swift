import Foundation
import SOPKit

/// The event log in IEEE XES (1849-2016), so process-mining tools (ProM, PM4Py, Disco) can read
/// it: one trace per case, one event per step start, completion, performer sign-off and session.
/// Case data marked `sensitif` is left out.
public enum XESExport {
    public static func xml(_ cases: [LoadedCase]) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">
          <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
          <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
          <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
          <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
          <global scope="trace">
            <string key="concept:name" value="__INVALID__"/>
          </global>
          <global scope="event">
            <string key="concept:name" value="__INVALID__"/>
            <date key="time:timestamp" value="1970-01-01T00:00:00.000+00:00"/>
            <string key="lifecycle:transition" value="complete"/>
          </global>
          <classifier name="Activity" keys="concept:name"/>
          <classifier name="Activity and transition" keys="concept:name lifecycle:transition"/>

        """
        for loaded in cases {
            let sop = loaded.context.definition
            out += "  <trace>\n"
            out += "    <string key=\"concept:name\" value=\"\(escape(loaded.id))\"/>\n"
            out += "    <string key=\"sop\" value=\"\(escape(sop.id))\"/>\n"
            out += "    <string key=\"definition\" value=\"\(escape(loaded.stored.header.definitionHash))\"/>\n"
            out += "    <string key=\"outcome\" value=\"\(loaded.state.status.rawValue)\"/>\n"
            for field in sop.caseFields where !field.sensitive {
                guard let value = loaded.state.data[field.name] else { continue }
                out += "    <string key=\"data:\(escape(field.name))\" value=\"\(escape(value.description))\"/>\n"
            }
            for stored in loaded.stored.events {
                guard let (activity, transition, extra) = describe(stored.event) else { continue }
                out += "    <event>\n"
                out += "      <string key=\"concept:name\" value=\"\(escape(activity))\"/>\n"
                out += "      <string key=\"lifecycle:transition\" value=\"\(transition)\"/>\n"
                out += "      <date key=\"time:timestamp\" value=\"\(timestamp(stored.event.at))\"/>\n"
                out += "      <string key=\"org:resource\" value=\"\(escape(stored.actor))\"/>\n"
                for (key, value) in extra { out += "      <string key=\"\(key)\" value=\"\(escape(value))\"/>\n" }
                out += "    </event>\n"
            }
            out += "  </trace>\n"
        }
        return out + "</log>\n"
    }

    private static func describe(_ event: CaseEvent) -> (String, String, [(String, String)])? {
        switch event.kind {
        case .stepStarted(let step): (step, "start", [])
        case .signedOff(let step, let performer, _): (step, "complete", [("org:role", performer)])
        case .stepCompleted: nil
        case .decisionTaken(let step, let outcome, let byRule): ("\(step) decided", "complete", [("outcome", outcome), ("by", byRule ? "rule" : "performer")])
        case .sessionAttended(let step, let number): ("\(step) session", "complete", [("session", String(number))])
        case .opened: ("opened", "complete", [])
        case .ended(let outcome): ("ended", "complete", [("outcome", outcome.rawValue)])
        case .documentProduced: nil
        case .migrated(let from, let to, _): ("migrated", "complete", [("from", from), ("to", to)])
        }
    }

    static func timestamp(_ date: Date) -> String {
        let ms = EventCoding.milliseconds(date)
        let base = InstantFormat.string(EventCoding.date(milliseconds: ms - ((ms % 1000) + 1000) % 1000), in: TimeZone(identifier: "UTC") ?? .current)
        let fraction = String(((ms % 1000) + 1000) % 1000)
        return base.replacingOccurrences(of: "+00:00", with: "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "+00:00")
    }

    /// XML-escaped, as the BPMN export escapes attribute values.
    static func escape(_ s: String) -> String { DiagramText.xml(s) }
}
