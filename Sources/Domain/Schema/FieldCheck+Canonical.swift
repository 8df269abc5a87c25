import Journal

/// The field rules read straight from canonical bytes: the import's fast path.
extension FieldCheck {
  /// Whether `bytes`, a JSON object in canonical form (``CanonicalJSON``),
  /// passes ``check(_:against:)``: each member's value is read alone and
  /// checked by the same rule (``FieldKind/check(_:field:)``), without
  /// building the object.
  ///
  /// False when they do not pass, and also when this path cannot decide the
  /// same way as ``check(_:against:)`` (a `null` member, a key written with
  /// an escape): the caller then runs ``check(_:against:)``, which throws the
  /// error, so errors are always the ones of that function.
  ///
  /// ```swift
  /// Array(#"{"books":4265}"#.utf8).withUnsafeBufferPointer {
  ///   FieldCheck.passes(canonical: $0, against: BooksDonationCounted.fields)  // true
  /// }
  /// ```
  static func passes(canonical b: UnsafeBufferPointer<UInt8>, against fields: [FieldSpec]) -> Bool {
    guard fields.count <= 64, b.count >= 2, b[0] == UInt8(ascii: "{") else { return false }
    // The specs are borrowed, not copied: a copy retains and releases each of their strings.
    return fields.withUnsafeBufferPointer { specs in
      var seen: UInt64 = 0
      var i = 1
      if b[1] != UInt8(ascii: "}") {
        while true {
          guard i < b.count, b[i] == UInt8(ascii: "\"") else { return false }
          let keyStart = i + 1
          var j = keyStart
          while j < b.count, b[j] != UInt8(ascii: "\""), b[j] != UInt8(ascii: "\\") { j += 1 }
          guard j + 1 < b.count, b[j] == UInt8(ascii: "\""), b[j + 1] == UInt8(ascii: ":") else { return false }
          guard let index = index(of: UnsafeBufferPointer(rebasing: b[keyStart..<j]), in: specs) else { return false }
          let valueStart = j + 2
          guard let valueEnd = JSONObjectView.skip(b, from: valueStart), valueEnd < b.count else { return false }
          let raw = UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd])
          if let passes = specs[index].kind.passes(canonical: raw) {
            guard passes else { return false }
          } else {
            guard let value = JSONParser.value(canonical: raw), !value.isNull else { return false }
            do {
              try specs[index].kind.check(value, field: specs[index].name)
            } catch {
              return false
            }
          }
          seen |= 1 << UInt64(index)
          i = valueEnd
          if b[i] == UInt8(ascii: ",") {
            i += 1
            continue
          }
          guard b[i] == UInt8(ascii: "}") else { return false }
          break
        }
      }
      guard i + 1 == b.count || (i == 1 && b.count == 2) else { return false }
      for index in specs.indices where specs[index].required && seen & (1 << UInt64(index)) == 0 { return false }
      return true
    }
  }

  /// The index of the field named by the UTF-8 bytes `name`, or nil: names are compared by their packed keys, and by
  /// their bytes only beyond 16 of them.
  private static func index(of name: UnsafeBufferPointer<UInt8>, in specs: UnsafeBufferPointer<FieldSpec>) -> Int? {
    let key = FieldSpec.NameKey(bytes: name)
    for index in specs.indices where specs[index].nameKey == key {
      if key.isWhole { return index }
      let same = specs[index].name.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(name) }
      if same ?? specs[index].name.utf8.elementsEqual(name) { return index }
    }
    return nil
  }
}
