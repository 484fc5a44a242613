/// The home page's picture of coverage: one tile per province, a row per region, coloured
/// by the share of the province's districts that have a network. Inline SVG written at
/// build time (no script, nothing fetched). It is a picture only (`aria-hidden`): the
/// provinces table beside it holds the same numbers for screen readers.
struct TileMap {
    /// Regions as the home view builds them: `name` and `rows` (`name`, `share`, `url`).
    let regions: [View]

    static let tile = (width: 76, height: 40, gap: 4)
    static let labelWidth = 200
    /// Fill for no network, then for shares up to 25, 50, 75 and 100 %; text colour on each.
    static let scale: [(limit: Double, fill: String, text: String)] = [
        (0, "#eef1f4", "#1b1f24"), (0.25, "#c6dbef", "#1b1f24"), (0.5, "#6baed6", "#1b1f24"),
        (0.75, "#2171b5", "#ffffff"), (1.0, "#08306b", "#ffffff"),
    ]

    static func shade(_ share: Double) -> (fill: String, text: String) {
        let step = scale.first { share <= $0.limit } ?? scale[scale.count - 1]
        return (step.fill, step.text)
    }

    var svg: String {
        let columns = regions.map { ($0["rows"] as! [View]).count }.max() ?? 0
        let (w, h, gap) = Self.tile
        let width = Self.labelWidth + columns * (w + gap)
        let legendY = regions.count * (h + gap) + 8
        let height = legendY + 28
        var out = "<svg class=\"tile-map\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "aria-hidden=\"true\" focusable=\"false\" font-size=\"11\">"
        for (row, region) in regions.enumerated() {
            let y = row * (h + gap)
            out += "<text x=\"0\" y=\"\(y + h / 2 + 4)\" fill=\"#1b1f24\">\(Feeds.escape(region["name"] as! String))</text>"
            for (column, province) in (region["rows"] as! [View]).enumerated() {
                let x = Self.labelWidth + column * (w + gap)
                let (fill, text) = Self.shade(province["share"] as! Double)
                out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(h)\" rx=\"4\" fill=\"\(fill)\" stroke=\"#9aa5b1\"/>"
                out += "<text x=\"\(x + w / 2)\" y=\"\(y + h / 2 + 4)\" text-anchor=\"middle\" fill=\"\(text)\""
                let name = province["name"] as! String
                if name.count > 9 { out += " textLength=\"\(w - 6)\" lengthAdjust=\"spacingAndGlyphs\"" }
                out += ">\(Feeds.escape(name))</text>"
            }
        }
        let labels = ["ยังไม่มี", "ถึง 25%", "ถึง 50%", "ถึง 75%", "ถึง 100%"]
        out += "<text x=\"0\" y=\"\(legendY + 14)\" fill=\"#1b1f24\">อำเภอที่มีเครือข่าย</text>"
        for (index, step) in Self.scale.enumerated() {
            let x = Self.labelWidth + index * 110
            out += "<rect x=\"\(x)\" y=\"\(legendY)\" width=\"20\" height=\"20\" rx=\"3\" fill=\"\(step.fill)\" stroke=\"#9aa5b1\"/>"
            out += "<text x=\"\(x + 26)\" y=\"\(legendY + 14)\" fill=\"#1b1f24\">\(labels[index])</text>"
        }
        return out + "</svg>"
    }
}
