/// The fields of one event type, as an enum whose case names are the JSON
/// member names and whose raw values are their order (0, 1, 2…): the name of
/// a field is written once, in its type's file.
///
/// ```swift
/// public enum Field: Int, EventField { case books, site }
/// Field.site.name   // "site"
/// ```
public protocol EventField: CaseIterable, Sendable, RawRepresentable where RawValue == Int {}

extension EventField {
  /// The JSON member name (the case's name).
  public var name: String { String(describing: self) }
}
