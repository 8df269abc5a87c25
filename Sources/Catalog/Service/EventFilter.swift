import Journal

/// The filters of `ess log` and `ess export`: a type, and a range of valid
/// dates (Europe/Paris calendar, inclusive).
public struct EventFilter: Sendable, Equatable {
  public var type: String?
  public var from: CivilDate?
  public var to: CivilDate?

  public init(type: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil) {
    self.type = type
    self.from = from
    self.to = to
  }

  public func matches(_ record: Record) -> Bool {
    if let type, record.type != type { return false }
    if from == nil && to == nil { return true }
    guard let day = ParisTime.validDate(of: record.occurredOn) else { return false }
    if let from, day < from { return false }
    if let to, to < day { return false }
    return true
  }

  /// Calls `body` with each matching record of the journal at `path`, in seq order.
  public func forEach(in path: String, _ body: (Record) throws -> Void) throws {
    try Reader(at: path).forEach { if matches($0) { try body($0) } }
  }
}
