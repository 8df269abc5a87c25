import Journal

/// Europe/Paris civil time without a time-zone database: CET (UTC+1) and
/// CEST (UTC+2) by the EU rule (summer time from the last Sunday of March,
/// 01:00 UTC, to the last Sunday of October, 01:00 UTC). Exact from 1996 on;
/// earlier years use the same rule.
///
/// ```swift
/// ParisTime.validDate(of: "2022-12-31T23:30:00Z")  // 2023-01-01: the bilan year is Paris's
/// ```
public enum ParisTime {
  /// The UTC offset in milliseconds in force in Paris at `instant`.
  public static func offset(at instant: Timestamp) -> Int64 {
    let ms = instant.millisecondsSince1970
    let year = CivilDate(daysSince1970: Timestamp.floorDiv(ms, 86_400_000)).year
    let start = lastSunday(month: 3, year: year) * 86_400_000 + 3_600_000
    let end = lastSunday(month: 10, year: year) * 86_400_000 + 3_600_000
    return ms >= start && ms < end ? 7_200_000 : 3_600_000
  }

  /// The calendar date in Paris at `instant`.
  public static func date(at instant: Timestamp) -> CivilDate {
    let local = instant.millisecondsSince1970 + offset(at: instant)
    return CivilDate(daysSince1970: Timestamp.floorDiv(local, 86_400_000))
  }

  /// The valid-time calendar date of an `occurredOn`: the date itself, or the
  /// Paris date of a date-time with offset. Nil if `text` is neither.
  public static func validDate(of text: String) -> CivilDate? {
    if text.utf8.count == 10 { return CivilDate(iso: text) }
    guard let instant = Timestamp(rfc3339WithOffset: text) else { return nil }
    return date(at: instant)
  }

  /// The first instant after the Paris day `date` ends (exclusive bound of "on or before D").
  public static func endOfDay(_ date: CivilDate) -> Timestamp {
    let nextMidnightLocal = (date.daysSince1970 + 1) * 86_400_000
    // Try both offsets; the right one maps back to local midnight.
    for guess: Int64 in [3_600_000, 7_200_000] {
      let t = Timestamp(millisecondsSince1970: nextMidnightLocal - guess)
      if offset(at: t) == guess { return t }
    }
    return Timestamp(millisecondsSince1970: nextMidnightLocal - 3_600_000)
  }

  /// Days since 1970 of the last Sunday of `month` in `year`.
  static func lastSunday(month: Int, year: Int) -> Int64 {
    let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!.daysSince1970
    // 1970-01-01 was a Thursday: weekday 0 = Sunday.
    let weekday = ((last + 4) % 7 + 7) % 7
    return last - weekday
  }
}
