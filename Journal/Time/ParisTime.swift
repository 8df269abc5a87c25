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
    let u = Array(text.utf8)
    guard let instant = instant(of: u) else { return nil }
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

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)` (1 to 9 fraction digits) to an instant (fraction cut to ms).
  public static func instant(of u: [UInt8]) -> Timestamp? {
    guard u.count >= 20, let day = CivilDate(iso: String(decoding: u[0..<10], as: UTF8.self)),
      u[10] == 84 || u[10] == 116, u[13] == 58, u[16] == 58
    else { return nil }
    func num(_ a: Int, _ b: Int) -> Int64? {
      var v: Int64 = 0
      for i in a..<b {
        guard (48...57).contains(u[i]) else { return nil }
        v = v * 10 + Int64(u[i] - 48)
      }
      return v
    }
    guard let h = num(11, 13), let m = num(14, 16), let s = num(17, 19), h < 24, m < 60, s < 61 else { return nil }
    var i = 19
    var milli: Int64 = 0
    if u[i] == 46 {
      i += 1
      var digits = 0
      while i < u.count, (48...57).contains(u[i]) {
        if digits < 3 { milli = milli * 10 + Int64(u[i] - 48) }
        digits += 1
        i += 1
      }
      guard digits > 0, digits <= 9 else { return nil }  // at most nanoseconds
      if digits < 3 { for _ in digits..<3 { milli *= 10 } }
    }
    guard i < u.count else { return nil }
    var offset: Int64 = 0
    if u[i] == 90 || u[i] == 122 {
      guard i + 1 == u.count else { return nil }
    } else {
      guard u[i] == 43 || u[i] == 45, u.count == i + 6, u[i + 3] == 58, let oh = num(i + 1, i + 3),
        let om = num(i + 4, i + 6), oh < 24, om < 60
      else { return nil }
      offset = (oh * 60 + om) * 60_000 * (u[i] == 45 ? -1 : 1)
    }
    let local = day.daysSince1970 * 86_400_000 + h * 3_600_000 + m * 60_000 + min(s, 59) * 1000 + milli
    return Timestamp(millisecondsSince1970: local - offset)
  }

  /// Days since 1970 of the last Sunday of `month` in `year`.
  static func lastSunday(month: Int, year: Int) -> Int64 {
    let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!.daysSince1970
    // 1970-01-01 was a Thursday: weekday 0 = Sunday.
    let weekday = ((last + 4) % 7 + 7) % 7
    return last - weekday
  }
}
