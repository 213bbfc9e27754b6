import ArgumentParser
import SOPKit

/// `sop diff`: what a revision of an SOP changes, in SOP terms.
struct DiffCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "diff",
            abstract: HelpMessages.diffCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.diffCommandDiscussion.text(in: Language.session)
        )
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, md }

    @Argument(help: .catalogue(.earlierDefinition))
    var old: String

    @Argument(help: .catalogue(.revisedDefinition))
    var new: String

    @Option(help: .catalogue(.formatDiff))
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
        case .text: print(diff.text(in: Language.session), terminator: "")
        case .json: print(diff.json().serialized())
        case .md: print(diff.markdown(), terminator: "")
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
