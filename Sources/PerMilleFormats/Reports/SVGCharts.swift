/// Inline SVG for the report's charts: no script, no external resource, no `xmlns` URL.
/// Every drawn bar and point carries its exact number in `data-value` and its keys in
/// `data-<category attribute>` / `data-<series attribute>`, so a test can check a chart against the result.
public enum SVGCharts {
    static let width = 860.0
    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"]

    public static func render(_ chart: ReportChart) -> String {
        switch chart.kind {
        case .stackedBars, .groupedBars: bars(chart)
        case .lines: lines(chart)
        case .histogram: histogram(chart)
        }
    }

    static func color(_ index: Int) -> String { palette[index % palette.count] }

    /// A series' own colour, so it is the same in every chart.
    static func color(_ chart: ReportChart, _ series: Int) -> String { chart.series[series].color ?? color(series) }

    /// Id of the table that says in text what the chart draws (HTMLReport renders it for screen readers).
    public static func dataTableID(_ chart: ReportChart) -> String { chart.id + "-data" }

    /// "Nice" tick step for a range.
    static func ticks(_ low: Double, _ high: Double, count: Int = 6) -> [Double] {
        let span = high - low
        guard span > 0 else { return [low] }
        let raw = span / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var value = (low / step).rounded(.down) * step
        var result: [Double] = []
        while value <= high + step * 1e-9 {
            result.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return result
    }

    static func f(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        // `Int(exactly:)`: a coordinate beyond Int's range is printed as it is, never a trap.
        return rounded == rounded.rounded() ? Int(exactly: rounded).map(String.init) ?? String(rounded) : String(rounded)
    }

    static func open(_ chart: ReportChart, height: Double) -> String {
        "<svg class=\"chart\" id=\"\(HTMLReport.escape(chart.id))\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(HTMLReport.escape(chart.title + " (" + chart.unit + ")"))\" aria-describedby=\"\(HTMLReport.escape(dataTableID(chart)))\">\n"
    }

    static func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "start", size: Int = 11, extra: String = "") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\"\(extra)>\(HTMLReport.escape(content))</text>\n"
    }

    static func legend(_ chart: ReportChart, y: Double, dashed reference: Bool) -> (String, Double) {
        var out = ""
        var x = 10.0
        var row = y
        for (index, series) in chart.series.enumerated() {
            let labelWidth = Double(series.label.count) * 6.2 + 30
            if x + labelWidth > width - 10 {
                x = 10
                row += 18
            }
            out += "<rect x=\"\(f(x))\" y=\"\(f(row - 9))\" width=\"12\" height=\"12\" fill=\"\(color(chart, index))\"></rect>\n"
            out += text(x + 16, row + 1, series.label)
            x += labelWidth
        }
        if reference, let reference = chart.reference {
            out += "<line x1=\"\(f(x))\" y1=\"\(f(row - 3))\" x2=\"\(f(x + 24))\" y2=\"\(f(row - 3))\" stroke=\"#c00\" stroke-width=\"2\" stroke-dasharray=\"6 4\"></line>\n"
            out += text(x + 28, row + 1, reference.label + " target")
        }
        return (out, row + 18)
    }

    // MARK: Horizontal bars

    static func bars(_ chart: ReportChart) -> String {
        let stacked = chart.kind == .stackedBars
        let labelWidth = 250.0
        let left = labelWidth + 10
        let right = width - 20
        let top = 30.0
        let bandHeight = stacked ? 30.0 : Double(chart.series.count) * 11 + 12
        let plotHeight = bandHeight * Double(max(chart.categories.count, 1))
        // Value range over what is drawn (stacks for stacked bars) and the reference line.
        var low = 0.0
        var high = 0.0
        for category in chart.categories.indices {
            if stacked {
                var positive = 0.0
                var negative = 0.0
                for series in chart.series.indices {
                    let value = chart.values[series][category]
                    if value > 0 { positive += value } else { negative += value }
                }
                high = max(high, positive)
                low = min(low, negative)
            } else {
                for series in chart.series.indices {
                    high = max(high, chart.values[series][category])
                    low = min(low, chart.values[series][category])
                }
            }
        }
        if let reference = chart.reference {
            high = max(high, reference.value)
            low = min(low, reference.value)
        }
        if high == low { high = low + 1 }
        // Room for the value labels beside the bars.
        let span = high - low
        if low < 0 { low -= span * 0.14 }
        if high > 0 { high += span * 0.14 }
        let tickValues = ticks(low, high)
        let domainLow = min(low, tickValues.first ?? low)
        let domainHigh = max(high, tickValues.last ?? high)
        func x(_ value: Double) -> Double { left + (value - domainLow) / (domainHigh - domainLow) * (right - left) }

        var body = ""
        body += text(10, 16, "\(chart.title) (\(chart.unit))", size: 13, extra: " font-weight=\"bold\"")
        // Grid and tick labels.
        for tick in tickValues {
            let position = x(tick)
            body += "<line x1=\"\(f(position))\" y1=\"\(f(top))\" x2=\"\(f(position))\" y2=\"\(f(top + plotHeight))\" stroke=\"#ddd\" stroke-width=\"1\"></line>\n"
            body += text(position, top + plotHeight + 14, ReportText.number(tick, decimals: tick == tick.rounded() ? 0 : 1), anchor: "middle", size: 10)
        }
        body += "<line x1=\"\(f(x(0)))\" y1=\"\(f(top))\" x2=\"\(f(x(0)))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333\" stroke-width=\"1\"></line>\n"
        let categoryAttribute = "data-" + chart.categoryAttribute
        let seriesAttribute = "data-" + chart.seriesAttribute
        for (index, category) in chart.categories.enumerated() {
            let bandTop = top + Double(index) * bandHeight
            let label = category.label.count > 40 ? String(category.label.prefix(39)) + "…" : category.label
            body += text(labelWidth, bandTop + bandHeight / 2 + 4, label, anchor: "end")
            if stacked {
                var positive = 0.0
                var negative = 0.0
                for series in chart.series.indices {
                    let value = chart.values[series][index]
                    guard value != 0 else { continue }
                    let start = value > 0 ? positive : negative + value
                    if value > 0 { positive += value } else { negative += value }
                    let x0 = x(start)
                    let x1 = x(start + abs(value))
                    body +=
                        "<rect class=\"bar\" x=\"\(f(x0))\" y=\"\(f(bandTop + 5))\" width=\"\(f(max(x1 - x0, 0.5)))\" height=\"\(f(bandHeight - 10))\" fill=\"\(color(chart, series))\" \(categoryAttribute)=\"\(HTMLReport.escape(category.key))\" \(seriesAttribute)=\"\(HTMLReport.escape(chart.series[series].key))\" data-value=\"\(ReportText.exact(value))\"></rect>\n"
                }
                if chart.showNet {
                    let net = chart.series.indices.reduce(0) { $0 + chart.values[$1][index] }
                    let position = x(net)
                    body +=
                        "<line class=\"net\" x1=\"\(f(position))\" y1=\"\(f(bandTop + 2))\" x2=\"\(f(position))\" y2=\"\(f(bandTop + bandHeight - 2))\" stroke=\"#000\" stroke-width=\"3\" \(categoryAttribute)=\"\(HTMLReport.escape(category.key))\" data-net=\"true\" data-value=\"\(ReportText.exact(net))\"></line>\n"
                    let labelX = net >= 0 ? max(x(positive), position) + 4 : min(x(negative), position) - 4
                    body += text(labelX, bandTop + bandHeight / 2 + 4, "net " + ReportText.number(net, decimals: chart.decimals), anchor: net >= 0 ? "start" : "end", size: 10)
                }
            } else {
                for series in chart.series.indices {
                    let value = chart.values[series][index]
                    let y = bandTop + 6 + Double(series) * 11
                    let x0 = x(min(0, value))
                    let x1 = x(max(0, value))
                    body +=
                        "<rect class=\"bar\" x=\"\(f(x0))\" y=\"\(f(y))\" width=\"\(f(max(x1 - x0, 0.5)))\" height=\"9\" fill=\"\(color(chart, series))\" \(categoryAttribute)=\"\(HTMLReport.escape(category.key))\" \(seriesAttribute)=\"\(HTMLReport.escape(chart.series[series].key))\" data-value=\"\(ReportText.exact(value))\"></rect>\n"
                    let label = ReportText.number(value, decimals: chart.decimals)
                    var labelX = value >= 0 ? x1 + 3 : x0 - 3
                    var anchor = value >= 0 ? "start" : "end"
                    // A label that would cross the reference line moves past it, so the line stays readable.
                    if let reference = chart.reference {
                        let line = x(reference.value)
                        let extent = Double(label.count) * 5.4 + 4
                        let (from, to) = anchor == "start" ? (labelX, labelX + extent) : (labelX - extent, labelX)
                        if from - 3 < line && line < to + 3 {
                            labelX = line + 4
                            anchor = "start"
                        }
                    }
                    body += text(labelX, y + 8, label, anchor: anchor, size: 9)
                }
            }
        }
        if let reference = chart.reference {
            let position = x(reference.value)
            body +=
                "<line class=\"reference\" x1=\"\(f(position))\" y1=\"\(f(top - 4))\" x2=\"\(f(position))\" y2=\"\(f(top + plotHeight))\" stroke=\"#c00\" stroke-width=\"2\" stroke-dasharray=\"6 4\" data-value=\"\(ReportText.exact(reference.value))\"></line>\n"
            body += text(position + 4, top - 6, reference.label, size: 10, extra: " fill=\"#c00\"")
        }
        let (legend, bottom) = legend(chart, y: top + plotHeight + 36, dashed: chart.reference != nil)
        return open(chart, height: bottom) + body + legend + "</svg>\n"
    }

    // MARK: Lines

    static func lines(_ chart: ReportChart) -> String {
        let left = 80.0
        let right = width - 20
        let top = 30.0
        let plotHeight = 260.0
        let all: [Double] = Array(chart.values.joined()) + [0]
        var low = all.min() ?? 0
        var high = all.max() ?? 1
        if high == low { high = low + 1 }
        let tickValues = ticks(low, high)
        low = min(low, tickValues.first ?? low)
        high = max(high, tickValues.last ?? high)
        let count = chart.categories.count
        func x(_ index: Int) -> Double { count > 1 ? left + Double(index) / Double(count - 1) * (right - left) : (left + right) / 2 }
        func y(_ value: Double) -> Double { top + (high - value) / (high - low) * plotHeight }

        var body = text(10, 16, "\(chart.title) (\(chart.unit))", size: 13, extra: " font-weight=\"bold\"")
        for tick in tickValues {
            let position = y(tick)
            body += "<line x1=\"\(f(left))\" y1=\"\(f(position))\" x2=\"\(f(right))\" y2=\"\(f(position))\" stroke=\"\(tick == 0 ? "#333" : "#ddd")\" stroke-width=\"1\"></line>\n"
            body += text(left - 6, position + 4, ReportText.number(tick, decimals: 0), anchor: "end", size: 10)
        }
        for (index, category) in chart.categories.enumerated() {
            body += text(x(index), top + plotHeight + 16, category.label, anchor: "middle", size: 10)
        }
        let categoryAttribute = "data-" + chart.categoryAttribute
        let seriesAttribute = "data-" + chart.seriesAttribute
        for (series, key) in chart.series.enumerated() {
            let points = chart.values[series].enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
            body +=
                "<polyline fill=\"none\" stroke=\"\(color(chart, series))\" stroke-width=\"2\" points=\"\(points)\" \(seriesAttribute)=\"\(HTMLReport.escape(key.key))\"></polyline>\n"
            for (index, value) in chart.values[series].enumerated() {
                body +=
                    "<circle class=\"point\" cx=\"\(f(x(index)))\" cy=\"\(f(y(value)))\" r=\"3\" fill=\"\(color(chart, series))\" \(categoryAttribute)=\"\(HTMLReport.escape(chart.categories[index].key))\" \(seriesAttribute)=\"\(HTMLReport.escape(key.key))\" data-value=\"\(ReportText.exact(value))\"></circle>\n"
            }
            if let last = chart.values[series].last {
                body += text(
                    right - 4, y(last) + (series == 0 ? -8 : 16), ReportText.number(last, decimals: chart.decimals), anchor: "end", size: 10,
                    extra: " fill=\"\(color(chart, series))\"")
            }
        }
        let (legend, bottom) = legend(chart, y: top + plotHeight + 40, dashed: false)
        return open(chart, height: bottom) + body + legend + "</svg>\n"
    }

    // MARK: Histogram

    /// Counts as vertical bars over the chart's range; markers as vertical lines labelled on top
    /// (the emphasised one red and solid, the others grey and dashed).
    static func histogram(_ chart: ReportChart) -> String {
        let left = 60.0
        let right = width - 20
        let top = 46.0
        let plotHeight = 220.0
        let counts = chart.values.first ?? []
        let highest = max(1, counts.max() ?? 1)
        let range = chart.range ?? (low: 0, high: 1)
        var low = range.low
        var high = range.high
        for marker in chart.markers {
            low = min(low, marker.value)
            high = max(high, marker.value)
        }
        if high <= low { high = low + 1 }
        func x(_ value: Double) -> Double { left + (value - low) / (high - low) * (right - left) }
        func y(_ count: Double) -> Double { top + (highest - count) / highest * plotHeight }
        var body = text(10, 16, "\(chart.title) (\(chart.unit))", size: 13, extra: " font-weight=\"bold\"")
        for tick in ticks(low, high) where tick >= low && tick <= high {
            body += "<line x1=\"\(f(x(tick)))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(x(tick)))\" y2=\"\(f(top + plotHeight + 4))\" stroke=\"#333\" stroke-width=\"1\"></line>\n"
            body += text(x(tick), top + plotHeight + 16, ReportText.number(tick, decimals: 0), anchor: "middle", size: 10)
        }
        body += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(right))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333\" stroke-width=\"1\"></line>\n"
        let width = counts.isEmpty ? 0 : (range.high - range.low) / Double(counts.count)
        let categoryAttribute = "data-" + chart.categoryAttribute
        for (index, count) in counts.enumerated() {
            let from = x(range.low + Double(index) * width)
            let to = counts.count == 1 ? max(from + 2, x(range.high)) : x(range.low + Double(index + 1) * width)
            let key = index < chart.categories.count ? chart.categories[index].key : String(index)
            body +=
                "<rect class=\"bar\" x=\"\(f(from))\" y=\"\(f(y(count)))\" width=\"\(f(max(1, to - from - 1)))\" height=\"\(f(plotHeight - (y(count) - top)))\" fill=\"\(color(0))\" \(categoryAttribute)=\"\(HTMLReport.escape(key))\" data-value=\"\(ReportText.exact(count))\"></rect>\n"
        }
        for (index, marker) in chart.markers.enumerated() {
            let position = x(marker.value)
            let stroke = marker.emphasis ? "stroke=\"#c00\" stroke-width=\"2\"" : "stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\""
            body +=
                "<line class=\"marker\" x1=\"\(f(position))\" y1=\"\(f(top - 4))\" x2=\"\(f(position))\" y2=\"\(f(top + plotHeight))\" \(stroke) data-value=\"\(ReportText.exact(marker.value))\"></line>\n"
            let anchor = position > (left + right) / 2 ? "end" : "start"
            body += text(
                position + (anchor == "end" ? -4 : 4), top - 8 - Double(index % 2) * 12, "\(marker.label) \(ReportText.number(marker.value, decimals: chart.decimals))",
                anchor: anchor, size: 10, extra: marker.emphasis ? " fill=\"#c00\"" : "")
        }
        return open(chart, height: top + plotHeight + 30) + body + "</svg>\n"
    }
}
