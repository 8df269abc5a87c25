import Catalog
import Journal

/// The bilan's figures: the domains' folds, composed. Each is told every
/// effective change and keeps what its indicators need, for every year at
/// once, so one fold serves any year's bilan.
public struct BilanState: Sendable, Equatable {
  public var pole = PoleFigures()
  public var conseil = ConseilFigures()
  public var procurement = ProcurementFigures()
  public var okote = OkoteFigures()
  public var books = BooksFigures()
  public var marcheOff = MarcheOffFigures()
  public var reported = ReportedFigures()
  public var milestones = Milestones()

  public init() {}

  /// The domains, by number: the prefix of their event types, and of their
  /// indicator keys (reported figures are `indicator.reported` events read as
  /// `reported.*` keys; milestones have no key).
  static let domains: [(types: String, keys: String?)] = [
    ("pole", "pole"), ("conseil", "conseil"), ("procurement", "procurement"), ("okote", "okote"), ("books", "books"),
    ("marcheoff", "marcheoff"), ("indicator", "reported"), ("milestone", nil),
  ]

  /// Which domain folds each event type (by the type's prefix), looked up once per change.
  static let domainOf = TypeTable(
    EventCatalog.types.compactMap { eventType in
      let prefix = eventType.type.prefix { $0 != "." }
      return domains.firstIndex { $0.types == prefix }.map { (eventType.type, $0) }
    })

  /// Folds one change into the domain of its event's type.
  public mutating func apply(_ change: EffectiveChange) {
    let (e, sign): (EffectiveEvent, Int64) =
      switch change {
      case .added(let e): (e, 1)
      case .removed(let e): (e, -1)
      }
    switch BilanState.domainOf[e.type] {
    case 0: pole.apply(e, sign: sign)
    case 1: conseil.apply(e, sign: sign)
    case 2: procurement.apply(e, sign: sign)
    case 3: okote.apply(e, sign: sign)
    case 4: books.apply(e, sign: sign)
    case 5: marcheOff.apply(e, sign: sign)
    case 6: reported.apply(e, sign: sign)
    case 7: milestones.apply(e, sign: sign)
    default: break
    }
  }

  /// The bilan of `year` from this state.
  public func bilan(year: Int, asKnownOn: String?, journalSeq: UInt64, journalHash: ChainHash) -> Bilan {
    let indicators =
      pole.indicators(year: year) + conseil.indicators(year: year) + procurement.indicators(year: year)
      + okote.indicators(year: year) + books.indicators(year: year) + marcheOff.indicators(year: year)
      + reported.indicators(year: year)
    return Bilan(
      year: year, asKnownOn: asKnownOn, journalSeq: journalSeq, journalHash: journalHash, indicators: indicators,
      milestones: milestones.list(year: year))
  }

  /// The indicators of the one domain `key` belongs to (what `history` recomputes after each event).
  /// The number of the domain (as in ``domainOf``) whose fold makes indicator `key`.
  static func domain(ofKey key: String) -> Int? {
    let prefix = String(key.prefix { $0 != "." })
    return domains.firstIndex { $0.keys == prefix }
  }

  public func domainIndicators(forKey key: String, year: Int) -> [Bilan.Indicator] {
    BilanState.domain(ofKey: key).map { domainIndicators(domain: $0, year: year) } ?? []
  }

  /// The indicators of `year` of one domain, by its number (``domain(ofKey:)``).
  func domainIndicators(domain: Int, year: Int) -> [Bilan.Indicator] {
    switch domain {
    case 0: return pole.indicators(year: year)
    case 1: return conseil.indicators(year: year)
    case 2: return procurement.indicators(year: year)
    case 3: return okote.indicators(year: year)
    case 4: return books.indicators(year: year)
    case 5: return marcheOff.indicators(year: year)
    case 6: return reported.indicators(year: year)
    default: return []
    }
  }

  var encoded: JSONValue {
    [
      "pole": pole.encoded, "conseil": conseil.encoded, "procurement": procurement.encoded, "okote": okote.encoded,
      "books": books.encoded, "marcheOff": marcheOff.encoded, "reported": reported.encoded, "milestones": milestones.encoded,
    ]
  }

  init?(decoding v: JSONValue) {
    guard let pole = v["pole"].flatMap(PoleFigures.init(decoding:)),
      let conseil = v["conseil"].flatMap(ConseilFigures.init(decoding:)),
      let procurement = v["procurement"].flatMap(ProcurementFigures.init(decoding:)),
      let okote = v["okote"].flatMap(OkoteFigures.init(decoding:)), let books = v["books"].flatMap(BooksFigures.init(decoding:)),
      let marcheOff = v["marcheOff"].flatMap(MarcheOffFigures.init(decoding:)),
      let reported = v["reported"].flatMap(ReportedFigures.init(decoding:)),
      let milestones = v["milestones"].flatMap(Milestones.init(decoding:))
    else { return nil }
    self.pole = pole
    self.conseil = conseil
    self.procurement = procurement
    self.okote = okote
    self.books = books
    self.marcheOff = marcheOff
    self.reported = reported
    self.milestones = milestones
  }
}
