import Domain
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

  /// Whether `record` passes the filter.
  public func matches(_ record: Record) -> Bool {
    if let type, record.type != type { return false }
    if from == nil && to == nil { return true }
    guard let day = ValidTime(utf8: record.occurredOnBytes)?.date else { return false }
    if let from, day < from { return false }
    if let to, to < day { return false }
    return true
  }

  /// Calls `body` with each matching record of the journal at `path`, in seq order.
  ///
  /// ```swift
  /// try EventFilter(type: "okote.pledge-made").forEach(in: "journal") { print($0.line) }
  /// ```
  /// - Throws: ``ServiceError`` if the journal cannot be read; what `body` throws, wrapped.
  public func forEach(in path: String, _ body: (Record) throws -> Void) throws(ServiceError) {
    do {
      var it = try Reader(at: path).records(from: 1, readAhead: true)
      while let r = try it.next() { if matches(r) { try body(r) } }
    } catch {
      throw ServiceError.wrap(error)
    }
  }
}
