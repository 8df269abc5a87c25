import Journal

/// A valid time (`occurredOn`, EVENTS.md §1) on the Europe/Paris calendar:
/// the day, and the milliseconds into it for a date-time (0 for a date).
/// Ordered as "the latest by valid time" reads it: day, then time of day.
///
/// ```swift
/// ValidTime("2022-12-31T23:30:00Z")?.date   // 2023-01-01: already the next day in Paris
/// ValidTime("2022-05-05")?.timeOfDay       // 0
/// ```
public struct ValidTime: Sendable, Hashable, Comparable {
  /// Days since 1970-01-01 of the Paris calendar date.
  public var day: Int32
  /// Milliseconds into that day, in Paris.
  public var timeOfDay: Int32

  public init(day: Int32, timeOfDay: Int32 = 0) {
    self.day = day
    self.timeOfDay = timeOfDay
  }

  /// Reads `YYYY-MM-DD` or an RFC 3339 date-time with its offset; nil for anything else.
  public init?(_ text: String) {
    // A date (the common case) is read in place, without copying its bytes.
    if text.utf8.count == 10, let date = CivilDate(iso: text) {
      self.init(day: Int32(date.daysSince1970))
      return
    }
    self.init(utf8: Array(text.utf8)[...])
  }

  /// The same, from the text's bytes (the fold's path: no string is made).
  public init?(utf8 occurredOn: ArraySlice<UInt8>) {
    if occurredOn.count == 10 {
      guard let date = CivilDate(isoUTF8: occurredOn) else { return nil }
      self.init(day: Int32(date.daysSince1970))
      return
    }
    guard let instant = Timestamp.parseWithOffset(Array(occurredOn)) else { return nil }
    let local = instant.millisecondsSince1970 + ParisTime.offset(at: instant)
    let day = Timestamp.floorDiv(local, 86_400_000)
    self.init(day: Int32(day), timeOfDay: Int32(local - day * 86_400_000))
  }

  /// The Paris calendar date.
  public var date: CivilDate { CivilDate(daysSince1970: Int64(day)) }

  /// The year of the bilan this valid time counts in.
  public var year: Int { date.year }

  public static func < (a: ValidTime, b: ValidTime) -> Bool { (a.day, a.timeOfDay) < (b.day, b.timeOfDay) }
}
