import Journal

/// Members read by field (``EventField``) rather than by index.
extension JSONMembers {
  func int64(_ f: some EventField) -> Int64? { int64(f.rawValue) }
  func bool(_ f: some EventField) -> Bool? { bool(f.rawValue) }
  func string(_ f: some EventField) -> String? { string(f.rawValue) }
  func strings(_ f: some EventField) -> [String]? { strings(f.rawValue) }
  func object(_ f: some EventField) -> JSONObjectView? { object(f.rawValue) }
  func euros(_ f: some EventField) -> Euros? { scaled(f.rawValue, by: 2).map { Euros(cents: $0) } }
  func date(_ f: some EventField) -> CivilDate? { raw(f.rawValue).flatMap { CivilDate(isoUTF8: $0.dropFirst().dropLast()) } }
  func number(_ f: some EventField) -> JSONNumber? { raw(f.rawValue).flatMap { JSONNumber(literal: String(decoding: $0, as: UTF8.self)) } }
  func choice<C: RawRepresentable>(_ f: some EventField, as: C.Type = C.self) -> C? where C.RawValue == String {
    string(f).flatMap(C.init(rawValue:))
  }
}

extension JSONKeys {
  /// The member names of a type's fields, in their order (read by ``EventField/rawValue``).
  init<F: EventField>(_ fields: F.Type) {
    self.init(F.allCases.map(\.name))
  }

  /// The member names of a type's fields up to `last` (what its view reads; the fields after it are kept, not folded).
  init<F: EventField>(_ fields: F.Type, through last: F) {
    self.init(F.allCases.filter { $0.rawValue <= last.rawValue }.map(\.name))
  }
}
