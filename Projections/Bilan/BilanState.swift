import Domain
import Journal

/// The bilan's figures: the domains' folds, composed. Each is told every
/// effective change and keeps what its indicators need, for every year at
/// once, so one fold serves any year's bilan.
public struct BilanState: Sendable, Equatable {
  package var pole = PoleFigures()
  package var conseil = ConseilFigures()
  package var procurement = ProcurementFigures()
  package var okote = OkoteFigures()
  package var books = BooksFigures()
  package var marcheOff = MarcheOffFigures()
  package var subsidy = SubsidyFigures()
  package var reported = ReportedFigures()
  package var milestones = Milestones()

  public init() {}

  /// Folds one change into the domain of its event's kind.
  public mutating func apply(_ change: EffectiveChange) {
    let (e, sign): (EffectiveEvent, Int64) =
      switch change {
      case .added(let e): (e, 1)
      case .removed(let e): (e, -1)
      }
    switch e.kind.domain {
    case .pole: pole.apply(e, sign: sign)
    case .conseil: conseil.apply(e, sign: sign)
    case .procurement: procurement.apply(e, sign: sign)
    case .okote: okote.apply(e, sign: sign)
    case .books: books.apply(e, sign: sign)
    case .marcheOff: marcheOff.apply(e, sign: sign)
    case .subsidy: subsidy.apply(e, sign: sign)
    case .indicator: reported.apply(e, sign: sign)
    case .milestone: milestones.apply(e, sign: sign)
    case .correction, .publication: break
    }
  }

  /// The bilan of `year` from this state.
  public func bilan(year: Int, asKnownOn: String?, journalSeq: UInt64, journalHash: ChainHash) -> Bilan {
    let all = EventDomain.allCases.flatMap { self.indicators(of: $0, year: year) }
    var bilan = Bilan(
      year: year, asKnownOn: asKnownOn, journalSeq: journalSeq, journalHash: journalHash, indicators: all,
      milestones: milestones.list(year: year))
    bilan.reported = reported.details(year: year)
    return bilan
  }

  /// The indicators of `year` of one domain (what `ess history` recomputes after each event of it).
  public func indicators(of domain: EventDomain, year: Int) -> [Bilan.Indicator] {
    switch domain {
    case .pole: pole.indicators(year: year)
    case .conseil: conseil.indicators(year: year)
    case .procurement: procurement.indicators(year: year)
    case .okote: okote.indicators(year: year)
    case .books: books.indicators(year: year)
    case .marcheOff: marcheOff.indicators(year: year)
    case .subsidy: subsidy.indicators(year: year)
    case .indicator: reported.indicators(year: year)
    case .milestone, .correction, .publication: []
    }
  }

  var encoded: JSONValue {
    [
      "pole": pole.encoded, "conseil": conseil.encoded, "procurement": procurement.encoded, "okote": okote.encoded,
      "books": books.encoded, "marcheOff": marcheOff.encoded, "subsidy": subsidy.encoded, "reported": reported.encoded,
      "milestones": milestones.encoded,
    ]
  }

  init?(decoding v: JSONValue) {
    guard let pole = v["pole"].flatMap(PoleFigures.init(decoding:)),
      let conseil = v["conseil"].flatMap(ConseilFigures.init(decoding:)),
      let procurement = v["procurement"].flatMap(ProcurementFigures.init(decoding:)),
      let okote = v["okote"].flatMap(OkoteFigures.init(decoding:)), let books = v["books"].flatMap(BooksFigures.init(decoding:)),
      let marcheOff = v["marcheOff"].flatMap(MarcheOffFigures.init(decoding:)),
      let subsidy = v["subsidy"].flatMap(SubsidyFigures.init(decoding:)),
      let reported = v["reported"].flatMap(ReportedFigures.init(decoding:)),
      let milestones = v["milestones"].flatMap(Milestones.init(decoding:))
    else { return nil }
    self.pole = pole
    self.conseil = conseil
    self.procurement = procurement
    self.okote = okote
    self.books = books
    self.marcheOff = marcheOff
    self.subsidy = subsidy
    self.reported = reported
    self.milestones = milestones
  }
}
