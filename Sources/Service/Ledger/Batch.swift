import Domain
import Journal
import Projections

/// How the events of one batch are named in messages: by the line of the
/// file they came from (imports), by their place in the batch, or — a batch
/// of one given directly — not at all.
struct Batch: Sendable {
  /// The input line of each event, if they came from a file.
  let lines: [Int]?
  let count: Int
  /// How a source that is not JSON Lines names each event's origin ("Row 12", "Record 3 (uid …)"), if it does.
  var places: [String]? = nil

  /// Where event `index` (0-based) is.
  func location(_ index: Int) -> ServiceError.Location {
    if let lines { return ServiceError.Location(line: lines[index], place: places?[index]) }
    return count > 1 ? ServiceError.Location(event: index + 1) : ServiceError.Location()
  }

  /// Event `index` (0-based) in a sentence: "line 7", "event 3 of the batch", "the new event".
  func name(_ index: Int) -> String {
    if let places { return places[index].prefix(1).lowercased() + places[index].dropFirst() }
    if let lines { return "line \(lines[index])" }
    return count > 1 ? "event \(index + 1) of the batch" : "the new event"
  }

  /// A journal error about one of the batch's events (its place in `location.line`), told by its name here.
  func place(_ error: any Error) -> ServiceError {
    guard let e = error as? JournalError else { return ServiceError.wrap(error) }
    let index = e.location?.line.map { $0 - 1 } ?? (count == 1 ? 0 : nil)
    guard let index, index >= 0, index < count else { return ServiceError(e) }
    var placed = ServiceError(e, at: location(index))
    if let other = e.location?.otherLine, other >= 1, other <= count {
      placed.message += " The other one is \(name(other - 1))."
    }
    return placed
  }
}
