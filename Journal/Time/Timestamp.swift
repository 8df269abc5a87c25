/// A transaction-time instant: milliseconds since 1970-01-01T00:00:00Z (UTC).
///
/// Written in events as RFC 3339 UTC with millisecond precision, always 24
/// characters: `2022-05-17T09:30:00.000Z`. No Foundation, no time zone
/// database: the conversion is pure arithmetic on the proleptic Gregorian
/// calendar, so it is identical on every machine.
///
/// ```swift
/// let t = Timestamp(rfc3339: "2022-05-17T09:30:00.000Z")!
/// t.rfc3339  // "2022-05-17T09:30:00.000Z"
/// ```
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var millisecondsSince1970: Int64

  public init(millisecondsSince1970: Int64) {
    self.millisecondsSince1970 = millisecondsSince1970
  }

  public static func < (a: Timestamp, b: Timestamp) -> Bool {
    a.millisecondsSince1970 < b.millisecondsSince1970
  }

  public var description: String { rfc3339 }

  /// The 24-character UTC form, `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  public var rfc3339: String {
    var out: [UInt8] = []
    out.reserveCapacity(24)
    appendRFC3339(to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the 24-character UTC form to `out`.
  public func appendRFC3339(to out: inout [UInt8]) {
    let ms = millisecondsSince1970
    let days = Timestamp.floorDiv(ms, 86_400_000)
    let msOfDay = ms - days * 86_400_000
    let date = CivilDate(daysSince1970: days)
    func two(_ v: Int64) {
      out.append(UInt8(48 + v / 10))
      out.append(UInt8(48 + v % 10))
    }
    let y = Int64(date.year)
    out.append(UInt8(48 + (y / 1000) % 10))
    out.append(UInt8(48 + (y / 100) % 10))
    two(y % 100)
    out.append(UInt8(ascii: "-"))
    two(Int64(date.month))
    out.append(UInt8(ascii: "-"))
    two(Int64(date.day))
    out.append(UInt8(ascii: "T"))
    two(msOfDay / 3_600_000)
    out.append(UInt8(ascii: ":"))
    two((msOfDay / 60_000) % 60)
    out.append(UInt8(ascii: ":"))
    two((msOfDay / 1000) % 60)
    out.append(UInt8(ascii: "."))
    let milli = msOfDay % 1000
    out.append(UInt8(48 + milli / 100))
    two(milli % 100)
    out.append(UInt8(ascii: "Z"))
  }

  /// Parses the strict 24-character UTC form written by ``rfc3339``.
  /// Returns nil for anything else (other offsets, missing milliseconds, impossible dates).
  public init?(rfc3339 text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard let value = Timestamp.parseStrict(bytes[...]) else { return nil }
    self = value
  }

  static func parseStrict<C: RandomAccessCollection<UInt8>>(_ b: C) -> Timestamp? where C.Index == Int {
    guard b.count == 24 else { return nil }
    let s = b.startIndex
    func digits(_ from: Int, _ count: Int) -> Int? {
      var v = 0
      for i in 0..<count {
        let c = b[s + from + i]
        guard c >= 48 && c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      return v
    }
    guard b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-"), b[s + 10] == UInt8(ascii: "T"),
      b[s + 13] == UInt8(ascii: ":"), b[s + 16] == UInt8(ascii: ":"), b[s + 19] == UInt8(ascii: "."),
      b[s + 23] == UInt8(ascii: "Z"),
      let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
      let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
      let milli = digits(20, 3),
      let date = CivilDate(year: year, month: month, day: day),
      hour < 24, minute < 60, second < 60
    else { return nil }
    let ms =
      date.daysSince1970 * 86_400_000 + Int64(hour) * 3_600_000 + Int64(minute) * 60_000
      + Int64(second) * 1000 + Int64(milli)
    return Timestamp(millisecondsSince1970: ms)
  }

  /// Parses an RFC 3339 date-time with its offset, `YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)`
  /// (1 to 9 fraction digits, cut to milliseconds); nil for anything else.
  ///
  /// ```swift
  /// Timestamp(rfc3339WithOffset: "2022-12-31T23:30:00+01:00")?.rfc3339  // "2022-12-31T22:30:00.000Z"
  /// ```
  public init?(rfc3339WithOffset text: some StringProtocol) {
    guard let t = Timestamp.parseWithOffset(Array(text.utf8)) else { return nil }
    self = t
  }

  package static func parseWithOffset(_ u: [UInt8]) -> Timestamp? {
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

  package static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }
}
