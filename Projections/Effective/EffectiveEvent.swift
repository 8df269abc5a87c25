import Journal

/// A domain event as it counts now: its data and valid time after the
/// corrections recorded so far (EVENTS.md §2).
public struct EffectiveEvent: Sendable, Equatable {
  public var seq: UInt64
  public var type: String
  /// Valid day (Europe/Paris calendar), as days since 1970.
  public var day: Int32
  /// Milliseconds into that day when `occurredOn` is a date-time (ties: "the latest by valid time").
  public var timeOfDay: Int32
  /// Its data, read from the canonical bytes (no JSON tree is built).
  public var data: JSONObjectView

  public var year: Int { CivilDate(daysSince1970: Int64(day)).year }

  /// Orders by valid time, then time of day, then seq ("the latest by valid time").
  public static func validTimeOrder(_ a: EffectiveEvent, _ b: EffectiveEvent) -> Bool {
    (a.day, a.timeOfDay, a.seq) < (b.day, b.timeOfDay, b.seq)
  }

  /// Day and time of day of an `occurredOn` (date, or date-time with offset, read in Europe/Paris).
  static func validTime(_ occurredOn: String) -> (day: Int32, timeOfDay: Int32)? {
    validTime(Array(occurredOn.utf8)[...])
  }

  /// The same, from the bytes of the text (the fold's path: no string is made).
  static func validTime(_ occurredOn: ArraySlice<UInt8>) -> (day: Int32, timeOfDay: Int32)? {
    if occurredOn.count == 10 {
      guard let date = CivilDate(isoUTF8: occurredOn) else { return nil }
      return (Int32(date.daysSince1970), 0)
    }
    guard let instant = ParisTime.instant(of: Array(occurredOn)) else { return nil }
    let local = instant.millisecondsSince1970 + ParisTime.offset(at: instant)
    let day = local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000
    return (Int32(day), Int32(local - day * 86_400_000))
  }
}

/// What a projection is told: an effective event starts or stops counting.
/// A correction is a removal of the old version then an addition of the new.
public enum EffectiveChange: Sendable, Equatable {
  case added(EffectiveEvent)
  case removed(EffectiveEvent)
}

/// The changes one record makes, in order: at most one removal then at most
/// one addition (a value, not an array: this is made for every event).
public struct EffectiveChanges: Sequence, Sendable, Equatable {
  public var removed: EffectiveEvent?
  public var added: EffectiveEvent?

  public init(removed: EffectiveEvent? = nil, added: EffectiveEvent? = nil) {
    self.removed = removed
    self.added = added
  }

  public struct Iterator: IteratorProtocol {
    var changes: EffectiveChanges
    var step = 0
    public mutating func next() -> EffectiveChange? {
      while step < 2 {
        step += 1
        if step == 1, let e = changes.removed { return .removed(e) }
        if step == 2, let e = changes.added { return .added(e) }
      }
      return nil
    }
  }

  public func makeIterator() -> Iterator { Iterator(changes: self) }
}
