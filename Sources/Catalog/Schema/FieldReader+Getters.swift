import Journal

/// Typed getters. Each reads a field already checked by the initializer;
/// `optional…` getters return nil for an absent or `null` field.
extension FieldReader {
  /// A required text.
  public func text(_ name: String) -> String { Self.string(required(name), name) }

  /// An optional text.
  public func optionalText(_ name: String) -> String? { present(name).map { Self.string($0, name) } }

  /// A required identifier.
  public func slug(_ name: String) -> String { Self.string(required(name), name) }

  /// An optional identifier.
  public func optionalSlug(_ name: String) -> String? { present(name).map { Self.string($0, name) } }

  /// A list of identifiers (required).
  public func slugs(_ name: String) -> [String] { Self.strings(required(name), name) }

  /// A list of texts (required).
  public func texts(_ name: String) -> [String] { Self.strings(required(name), name) }

  /// A list of texts, nil if absent or `null` (an empty list stays empty).
  public func optionalTexts(_ name: String) -> [String]? { present(name).map { Self.strings($0, name) } }

  /// A required count (or positive count).
  public func count(_ name: String) -> Int { Int(Self.int(required(name), name)) }

  /// An optional count.
  public func optionalCount(_ name: String) -> Int? { present(name).map { Int(Self.int($0, name)) } }

  /// A required amount in euros.
  public func euros(_ name: String) -> Euros { Self.euros(required(name), name) }

  /// An optional amount in euros.
  public func optionalEuros(_ name: String) -> Euros? { present(name).map { Self.euros($0, name) } }

  /// A required boolean.
  public func bool(_ name: String) -> Bool { Self.bool(required(name), name) }

  /// An optional boolean.
  public func optionalBool(_ name: String) -> Bool? { present(name).map { Self.bool($0, name) } }

  /// A required date.
  public func date(_ name: String) -> CivilDate { Self.date(required(name), name) }

  /// An optional date.
  public func optionalDate(_ name: String) -> CivilDate? { present(name).map { Self.date($0, name) } }

  /// A required year.
  public func year(_ name: String) -> Int { Int(Self.int(required(name), name)) }

  /// A required number, exact.
  public func number(_ name: String) -> JSONNumber {
    guard case .number(let n) = required(name) else { Self.misuse(name, "number") }
    return n
  }

  /// A required event seq.
  public func seq(_ name: String) -> UInt64 { UInt64(Self.int(required(name), name)) }

  /// A choice as its Swift enum, e.g. `r.choice("buyer", as: Buyer.self)`.
  public func choice<C: RawRepresentable>(_ name: String, as type: C.Type = C.self) -> C where C.RawValue == String {
    guard let value = C(rawValue: Self.string(required(name), name)) else { Self.misuse(name, "\(C.self)") }
    return value
  }

  /// A JSON object (required), e.g. the replacement data of a correction.
  public func object(_ name: String) -> JSONValue {
    let value = required(name)
    guard case .object = value else { Self.misuse(name, "object") }
    return value
  }

  /// A valid time (`YYYY-MM-DD` or RFC 3339 date-time), nil if absent or `null`.
  public func optionalValidTime(_ name: String) -> String? { optionalText(name) }

  // MARK: - Conversions of checked values

  @inline(__always)
  static func string(_ value: JSONValue, _ name: String) -> String {
    guard case .string(let s) = value else { misuse(name, "text") }
    return s
  }

  static func strings(_ value: JSONValue, _ name: String) -> [String] {
    guard case .array(let items) = value else { misuse(name, "list") }
    return items.map { string($0, name) }
  }

  @inline(__always)
  static func int(_ value: JSONValue, _ name: String) -> Int64 {
    guard case .number(let n) = value, let v = n.exactInt64 else { misuse(name, "integer") }
    return v
  }

  @inline(__always)
  static func euros(_ value: JSONValue, _ name: String) -> Euros {
    guard case .number(let n) = value, let v = Euros(json: n) else { misuse(name, "euros") }
    return v
  }

  @inline(__always)
  static func bool(_ value: JSONValue, _ name: String) -> Bool {
    guard case .bool(let b) = value else { misuse(name, "boolean") }
    return b
  }

  static func date(_ value: JSONValue, _ name: String) -> CivilDate {
    guard case .string(let s) = value, let d = CivilDate(iso: s) else { misuse(name, "date") }
    return d
  }

  static func misuse(_ name: String, _ kind: String) -> Never {
    preconditionFailure("Catalog bug: field '\(name)' read as \(kind) but declared otherwise")
  }
}
