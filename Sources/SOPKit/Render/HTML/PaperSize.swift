/// The paper an SOP document is printed on, always in landscape: the procedure table is wide.
public enum PaperSize: String, CaseIterable, Sendable {
    /// A4, 297 x 210 mm in landscape.
    case a4
    /// F4 (folio), 330 x 215 mm in landscape, common in Indonesian offices.
    case f4

    /// The sheet's width and height in millimetres, landscape.
    public var millimetres: (width: Double, height: Double) {
        switch self {
        case .a4: (297, 210)
        case .f4: (330, 215)
        }
    }

    /// The page margin on every side, in millimetres.
    static let marginMillimetres = 10.0

    /// CSS pixels per millimetre (96 per inch).
    static let pixelsPerMillimetre = 96.0 / 25.4

    /// The CSS `@page` size declaration.
    var cssPageSize: String {
        switch self {
        case .a4: "A4 landscape"
        case .f4: "330mm 215mm"
        }
    }

    /// The printable width (inside the margins) in whole CSS pixels; the procedure table is exactly this wide.
    var contentWidth: Double {
        let mm = millimetres.width - 2 * PaperSize.marginMillimetres
        return (mm * PaperSize.pixelsPerMillimetre).rounded(.down)
    }

    /// The printable height (inside the margins) in CSS pixels.
    var printableHeight: Double {
        (millimetres.height - 2 * PaperSize.marginMillimetres) * PaperSize.pixelsPerMillimetre
    }

    /// The height of one procedure sheet in whole CSS pixels: the printable height less a little, so
    /// that rounding never pushes a sheet onto a second page.
    var sheetHeight: Double {
        printableHeight.rounded(.down) - 2
    }

    /// The name printed for people ("A4", "F4").
    var displayName: String { rawValue.uppercased() }
}
