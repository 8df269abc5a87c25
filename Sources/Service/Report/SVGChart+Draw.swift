extension SVGChart {
  /// The chart as an inline SVG element.
  public var svg: String {
    let (top, step) = Self.axis(maximum)
    let notRecorded = language == .fr ? "n.d." : "n/a"
    var out: [String] = []
    out.append(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
    )
    out.append("<title id=\"\(id)-title\">\(Self.escape(title))</title>")
    out.append("<desc id=\"\(id)-desc\">\(Self.escape(description.isEmpty ? summary : description))</desc>")
    // Left axis: grid lines and labels.
    var tick = 0.0
    while tick <= top + step / 2 {
      let y = Self.top + plotHeight * (1 - tick / top)
      out.append(
        "<line class=\"grid\" x1=\"\(Self.number(Self.left))\" y1=\"\(Self.number(y))\" x2=\"\(Self.number(Self.width - Self.right))\" y2=\"\(Self.number(y))\"/>"
      )
      out.append(
        "<text class=\"tick\" x=\"\(Self.number(Self.left - 6))\" y=\"\(Self.number(y + 4))\" text-anchor=\"end\">\(Self.escape(label(tick)))</text>"
      )
      tick += step
    }
    let slot = plotWidth / Double(max(years.count, 1))
    let barWidth = min(48, slot * 0.7)
    let bars = kind == .barsAndShareLine ? Array(series.dropLast()) : (kind == .line ? [] : series)
    for (i, year) in years.enumerated() {
      let x = Self.left + slot * (Double(i) + 0.5)
      out.append(
        "<text class=\"year\" x=\"\(Self.number(x))\" y=\"\(Self.number(Self.height - Self.bottom + 18))\" text-anchor=\"middle\">\(year)</text>"
      )
      if series.allSatisfy({ $0.values[i] == nil }) {
        out.append(
          "<text class=\"missing\" x=\"\(Self.number(x))\" y=\"\(Self.number(Self.height - Self.bottom - 6))\" text-anchor=\"middle\">\(notRecorded)</text>"
        )
        continue
      }
      var base = 0.0
      for (k, s) in bars.enumerated() {
        guard let v = s.values[i], v > 0 else { continue }
        let h = plotHeight * v / top
        let width = kind == .stackedBars || bars.count == 1 ? barWidth : barWidth / Double(bars.count)
        let bx = kind == .stackedBars || bars.count == 1 ? x - barWidth / 2 : x - barWidth / 2 + width * Double(k)
        let y = Self.top + plotHeight * (1 - (base + v) / top)
        out.append(
          "<rect class=\"bar s\(k)\" x=\"\(Self.number(bx))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(h))\" fill=\"\(Self.palette[k % Self.palette.count])\"><title>\(year) — \(Self.escape(s.name)) : \(Self.escape(label(v)))</title></rect>"
        )
        if kind == .stackedBars { base += v }
      }
    }
    if kind == .line { out += polyline(series[0], index: 0, scale: { Self.top + self.plotHeight * (1 - $0 / top) }) }
    if kind == .barsAndShareLine, let share = series.last {
      // Right axis: 0 to 100 %.
      for p in stride(from: 0.0, through: 1.0, by: 0.25) {
        let y = Self.top + plotHeight * (1 - p)
        out.append(
          "<text class=\"tick right\" x=\"\(Self.number(Self.width - Self.right + 6))\" y=\"\(Self.number(y + 4))\">\(Self.escape(percent(p)))</text>"
        )
      }
      out += polyline(share, index: series.count - 1, scale: { Self.top + self.plotHeight * (1 - $0) }, percent: true)
    }
    out.append(
      "<line class=\"axis\" x1=\"\(Self.number(Self.left))\" y1=\"\(Self.number(Self.height - Self.bottom))\" x2=\"\(Self.number(Self.width - Self.right))\" y2=\"\(Self.number(Self.height - Self.bottom))\"/>"
    )
    if series.count > 1 {
      for (k, s) in series.enumerated() {
        let x = Self.left + Double(k) * (plotWidth / Double(series.count))
        out.append(
          "<rect class=\"key\" x=\"\(Self.number(x))\" y=\"\(Self.number(Self.height - 16))\" width=\"12\" height=\"12\" fill=\"\(Self.palette[k % Self.palette.count])\"/><text class=\"legend\" x=\"\(Self.number(x + 16))\" y=\"\(Self.number(Self.height - 6))\">\(Self.escape(s.name))</text>"
        )
      }
    }
    out.append("</svg>")
    return out.joined(separator: "\n")
  }

  /// A line through the recorded years (broken where a year is not recorded), with a dot per point.
  func polyline(_ s: Series, index k: Int, scale: (Double) -> Double, percent: Bool = false) -> [String] {
    let slot = plotWidth / Double(max(years.count, 1))
    let colour = Self.palette[k % Self.palette.count]
    var out: [String] = []
    var run: [String] = []
    func flush() {
      if run.count > 1 {
        out.append(
          "<polyline class=\"line\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(run.joined(separator: " "))\"/>")
      }
      run = []
    }
    for (i, year) in years.enumerated() {
      guard let v = s.values[i] else {
        flush()
        continue
      }
      let x = Self.left + slot * (Double(i) + 0.5)
      let y = scale(v)
      run.append("\(Self.number(x)),\(Self.number(y))")
      out.append(
        "<circle class=\"point\" cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"3.5\" fill=\"\(colour)\"><title>\(year) — \(Self.escape(s.name)) : \(Self.escape(percent ? self.percent(v) : label(v)))</title></circle>"
      )
    }
    flush()
    return out
  }

  /// What the chart shows, in one sentence (its `<desc>` when none is given).
  var summary: String {
    let recorded = years.indices.filter { i in series.contains { $0.values[i] != nil } }
    guard let first = recorded.first, let last = recorded.last else {
      return language == .fr ? "Aucune donnée enregistrée sur la période." : "No data recorded over the period."
    }
    let s = series[0]
    let a = s.values[first].map(label) ?? "—"
    let b = s.values[last].map(label) ?? "—"
    return language == .fr
      ? "\(s.name) : \(a) en \(years[first]), \(b) en \(years[last])."
      : "\(s.name): \(a) in \(years[first]), \(b) in \(years[last])."
  }

  /// The data as a table: a header row (year, then each series), one row per year ("n.d." where not recorded).
  public var table: (headers: [String], rows: [[String]]) {
    let notRecorded = language == .fr ? "n.d." : "n/a"
    let headers = [language == .fr ? "Année" : "Year"] + series.map(\.name)
    let rows = years.indices.map { i in
      [String(years[i])]
        + series.enumerated().map { k, s in
          s.values[i].map { kind == .barsAndShareLine && k == series.count - 1 ? percent($0) : label($0) } ?? notRecorded
        }
    }
    return (headers, rows)
  }
}
