import ArgumentParser
import SOPKit

/// `sop diff`: what a revision of an SOP changes, in SOP terms.
struct DiffCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Shows what a revision of an SOP changes, in the SOP's terms, with the standard time of each path before and after.",
        discussion: """
        Identity fields, performers added, removed or renamed, steps added, removed, moved or renamed \
        (matched by id, and by content when an id changed), and per step its performers, mode, \
        kelengkapan, waktu (with the change in standard time), outputs, flow and decision outcomes. \
        Exit 0 when the two are equal, 1 when they differ (like diff), 2 when one does not load.

        Examples:
          sop diff sops/anak-jalanan-2017.yaml sops/anak-jalanan.yaml
          sop diff old.yaml new.yaml --format md > perubahan.md
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, md }

    @Argument(help: "The earlier definition.")
    var old: String

    @Argument(help: "The revised definition.")
    var new: String

    @Option(help: "Output format: text, json or md.")
    var format: Format = .text

    func run() throws {
        let a: SOPDefinition, b: SOPDefinition
        do {
            a = try LoadedSOP.load(old)
            b = try LoadedSOP.load(new)
        } catch {
            throw ExitCode(2)
        }
        let diff = SOPDiff(old: a, new: b)
        for warning in RevisionCheck.sameRevisionLabel(old: a, oldHash: nil, new: b, newHash: nil, differ: !diff.isEmpty) {
            Terminal.diagnostic(warning)
        }
        switch format {
        case .text: print(diff.text(), terminator: "")
        case .json: print(diff.json().serialized())
        case .md: print(diff.markdown(), terminator: "")
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
