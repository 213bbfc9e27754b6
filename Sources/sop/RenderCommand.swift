import ArgumentParser
import Foundation
import SOPJournal
import SOPKit

/// `sop render`: the SOP as a printable document (HTML, PDF) or as a diagram for other tools
/// (Mermaid, Graphviz, BPMN 2.0) or the procedure table as Markdown.
struct RenderCommand: ParsableCommand {
    @OptionGroup var language: BahasaOption

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "render",
            abstract: HelpMessages.renderCommandAbstract.text(in: Language.session),
            discussion: HelpMessages.renderCommandDiscussion.text(in: Language.session)
        )
    }

    /// What to produce.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, pdf, mermaid, dot, md, bpmn
    }

    /// The paper of the printed document.
    enum Paper: String, ExpressibleByArgument, CaseIterable {
        case a4, f4

        var size: PaperSize {
            switch self {
            case .a4: .a4
            case .f4: .f4
            }
        }
    }

    @Argument(help: .catalogue(.sopFile))
    var sop: String

    @Option(help: .catalogue(.renderFormat))
    var format: Format

    @Option(name: .shortAndLong, help: .catalogue(.outputPDF))
    var output: String?

    @Option(help: .catalogue(.paper))
    var paper: Paper?

    func validate() throws {
        if format == .pdf, output == nil {
            throw ValidationError(CLIMessages.pdfNeedsOutput.text(in: Language.session))
        }
        if paper != nil, format != .html, format != .pdf {
            throw ValidationError(CLIMessages.paperOnly.text(["format": .text(format.rawValue)], in: Language.session))
        }
    }

    func run() throws {
        let definition = try LoadedSOP.load(sop)
        let paperSize = (paper ?? .a4).size
        switch format {
        case .html:
            try emit(SOPDocumentHTML(paper: paperSize).render(definition))
        case .pdf:
            try printPDF(SOPDocumentHTML(paper: paperSize).render(definition))
        case .mermaid:
            try emit(DiagramFormat.mermaid.render(definition))
        case .dot:
            try emit(DiagramFormat.dot.render(definition))
        case .md:
            try emit(DiagramFormat.md.render(definition))
        case .bpmn:
            try emit(DiagramFormat.bpmn.render(definition))
        }
    }

    /// Writes `text` to the output file, or to standard output.
    private func emit(_ text: String) throws {
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try OutputFile.write(text, to: output)
        } catch {
            Terminal.error(CLIMessages.cannotWrite.text(["path": .text(output), "reason": .text(error.reason)], in: Language.session))
            throw ExitCode(1)
        }
    }

    private func printPDF(_ html: String) throws {
        guard let output else { throw ValidationError(CLIMessages.pdfNeedsOutput.text(in: Language.session)) }
        guard PDFPrinter.findChromium() != nil else {
            Terminal.error(CLIMessages.noChromium.text(["path": .text(sop)], in: Language.session))
            Terminal.error(CLIMessages.installChromium.text(in: Language.session))
            throw ExitCode(1)
        }
        do {
            try PDFPrinter.printPDF(html: html, to: URL(fileURLWithPath: output))
        } catch {
            Terminal.error(CLIMessages.pdfFailed.text(["path": .text(output), "why": .text("\(error)")], in: Language.session))
            throw ExitCode(1)
        }
    }
}
