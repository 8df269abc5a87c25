import Domain
import Journal
import Mustache
import Projections

extension Reports {
  /// The template of the HTML bilan bundled with ess (`--template FILE` replaces it).
  public static var defaultTemplate: String { String(decoding: PackageResources.bilan_html_mustache, as: UTF8.self) }

  /// The publishable HTML bilan of `year`: one self-contained page (inline CSS and SVG, no script, no network),
  /// rendered by a Mustache template from one pass over the journal.
  /// - Parameters:
  ///   - template: a Mustache template file to use instead of the bundled one.
  ///   - command: the command that reproduces the page, for its colophon.
  /// - Throws: ``ServiceError``: a template that does not parse (`.badInput`), a journal that cannot be read.
  public static func bilanHTML(
    journal: String, year: Int, asKnownOn: String? = nil, language: BilanLanguage, treeSize: UInt64? = nil, template: String? = nil,
    command: String
  ) throws(ServiceError) -> String {
    try page(
      journal: journal, year: year, asKnownOn: asKnownOn, language: language, treeSize: treeSize, template: template, command: command
    )
    .html
  }

  /// The page and the bilan it shows.
  static func page(
    journal: String, year: Int, asKnownOn: String?, language: BilanLanguage, treeSize: UInt64?, template: String?, command: String
  ) throws(ServiceError) -> (html: String, bilan: Bilan) {
    let text = try template.map { (path: String) throws(ServiceError) in String(decoding: try InputFile.read(path), as: UTF8.self) }
    let parsed: MustacheTemplate
    do {
      parsed = try MustacheTemplate(string: text ?? defaultTemplate)
    } catch {
      throw ServiceError(
        .badInput, "The template \(template ?? "(bundled)") is not a valid Mustache template: \(error).", at: .init(file: template))
    }
    let limit = try BilanReader.limit(asKnownOn)
    // One pass: the bilan's fold, where each figure of the year comes from, and which years each domain recorded.
    var fold = FigureSourcesFold(year: year)
    var years = DomainYears.initial
    let checkpoint: Checkpoint?
    do {
      try BilanReader(journal: journal, useCheckpoint: false).read(from: 1, recordedBefore: limit, treeSize: treeSize) { r, lookup in
        try fold.apply(r, lookup: lookup)
        DomainYears.apply(r, to: &years)
      }
      let state = fold.state
      let log = try CheckpointLog(journal: journal)
      checkpoint = log.isSetUp ? try log.sizes().first { $0 >= state.seq }.map { try log.checkpoint(size: $0).checkpoint } : nil
    } catch {
      throw ServiceError.wrap(error)
    }
    let state = fold.state
    var bilan = state.figures.bilan(year: year, asKnownOn: asKnownOn, journalSeq: state.seq, journalHash: state.hash)
    bilan.changes = bilan.changes(
      since: state.figures.bilan(year: year - 1, asKnownOn: asKnownOn, journalSeq: state.seq, journalHash: state.hash))
    let first = min(seriesStart, year)
    let series = Series(
      state.figures, keys: BilanPage.chartKeys, years: first...year, asKnownOn: asKnownOn, journalSeq: state.seq, journalHash: state.hash)
    let page = BilanPage(
      bilan: bilan, series: series, years: years, language: language, checkpoint: checkpoint, command: command, sources: fold.sources,
      corrected: fold.corrected)
    return (parsed.render(page.context), bilan)
  }
}

extension Reports {
  /// The command that makes a bilan again, as its page names it (no journal path: it is the reader's).
  public static func reproducingCommand(year: Int, asKnownOn: String?, format: String, language: String, treeSize: UInt64?) -> String {
    var words = ["ess", "bilan", String(year)]
    if let asKnownOn { words += ["--as-known-on", asKnownOn] }
    if let treeSize { words += ["--tree-size", String(treeSize)] }
    words += ["--format", format, "--lang", language]
    return words.joined(separator: " ")
  }
}
