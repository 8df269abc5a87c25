import Journal

/// The data of one event of a type, read from its canonical bytes (as the
/// journal stores them) without building a JSON tree: the folds, the
/// integrity model and the rules between fields all read events this way.
///
/// ```swift
/// let hours = ProcurementInsertionHoursReported.View(JSONObjectView(record.dataBytes))
/// hours.insertionHours   // 12500
/// ```
public protocol EventView: Sendable {
  /// Reads `data`, a canonical JSON object, in one pass.
  init(_ data: JSONObjectView)
}
