/// A point in the coordinate space of one procedure sheet (CSS pixels, origin at the table's top-left grid line).
struct FlowPoint: Hashable, Sendable {
    var x: Double
    var y: Double
}

/// An axis-aligned box on a sheet (a label's extent).
typealias FlowBox = (minX: Double, minY: Double, maxX: Double, maxY: Double)

/// A side of a flowchart symbol, where an arrow leaves or enters it.
enum FlowSide: String, Hashable, Sendable {
    case top, bottom, left, right
}

/// Where a symbol sits: in a step's row (above, in or below the row's main line of symbols), or in
/// the connector band at the top or bottom of a page.
enum FlowPlace: Hashable, Sendable {
    /// The symbol slot of a row.
    enum Slot: Int, Hashable, Sendable {
        case above, main, below
    }

    case row(Int, Slot)
    case band(page: Int, top: Bool)
}

/// One of the five Permen PAN-RB 35/2012 flowchart symbols (the arrows are `FlowEdge`s).
struct FlowSymbol: Hashable, Sendable {
    /// The shape drawn.
    enum Shape: String, Hashable, Sendable {
        /// A capsule: Mulai or Selesai.
        case terminator
        /// A rectangle: an activity.
        case process
        /// A diamond: a decision with labelled exits.
        case decision
        /// A pentagon: an off-page connector, lettered.
        case connector
    }

    /// The element id in the document.
    var id: String
    var shape: Shape
    /// Text drawn inside the symbol (Mulai, Selesai, a connector letter); process and decision symbols are empty.
    var label: String?
    /// A tooltip.
    var title: String?
    /// The step (0-based table row) the symbol belongs to.
    var step: Int
    /// The performer column (0-based).
    var column: Int
    var place: FlowPlace
    /// Whether the symbol was added by the renderer (a Mulai or Selesai capsule the SOP does not
    /// merge into a step, or a connector) rather than drawn for a performer of the step.
    var generated: Bool = false
    /// For a connector: whether the flow leaves the page through it (else it comes in), whether the
    /// flow goes up (a loop back to an earlier page: the pentagon points up), and the page it leads
    /// to or comes from, printed beside it ("ke hal. 3", "dari hal. 2").
    var outgoing: Bool = false
    /// For the one symbol of a step done by any one of several performers (`salah_satu`): the last
    /// column it spans, from `column` (the first alternative's) to the last alternative's.
    var spanEnd: Int? = nil
    /// The performer columns the symbol covers.
    var coveredColumns: ClosedRange<Int> { column...max(column, spanEnd ?? column) }
    var pointsUp: Bool = false
    var caption: String? = nil

    /// The symbol's size in CSS pixels for a symbol width `width`.
    func size(width: Double) -> (width: Double, height: Double) {
        switch shape {
        case .process: (width, DocumentMetrics.processHeight)
        case .decision: (width, DocumentMetrics.decisionHeight)
        case .terminator:
            // Wider than the other symbols when its word needs it: type is never shrunk below 8 pt.
            (max(width, (TextMeasure.width(label ?? "", fontSize: DocumentMetrics.symbolFontSize) + 12).rounded(.up)),
             DocumentMetrics.terminatorHeight)
        case .connector: (DocumentMetrics.connectorSize, DocumentMetrics.connectorSize)
        }
    }
}

/// An arrow between two symbols.
struct FlowEdge: Hashable, Sendable {
    /// What the arrow means; printed as `data-arrow`.
    enum Kind: String, Hashable, Sendable {
        /// From the generated Mulai capsule to the first step.
        case start
        /// Between the performers of one step, in the order of the list.
        case performer
        /// To the following step.
        case next
        /// Forward to a later step, skipping rows.
        case jump
        /// Back to an earlier step (or the same one): revise and resubmit.
        case loop
        /// To a Selesai capsule: the procedure completes.
        case end
        /// To a Selesai capsule on an early exit (`keluar`).
        case exit
    }

    var kind: Kind
    /// Symbol indices.
    var from: Int
    var to: Int
    /// The side the arrow leaves from; `nil` lets the router choose.
    var exitSide: FlowSide?
    /// The side the arrow enters; `nil` lets the router choose.
    var entrySide: FlowSide?
    /// The decision outcome label written on the arrow (Ya, Tidak).
    var outcome: String?
    /// The connector letter, when the arrow was split at a page break.
    var connector: String?
}
