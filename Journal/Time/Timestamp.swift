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

  static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }
}
