/// A calendar date of the proleptic Gregorian calendar (no time, no zone).
///
/// Conversions use Howard Hinnant's `days_from_civil` algorithm, exact for
/// every date of years 0…9999.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A date that exists (2023-02-30 does not), years 1…9999.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
      day <= CivilDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`; nil if malformed or if the date does not exist.
  public init?(iso text: some StringProtocol) {
    var s = String(text)
    guard let parts = s.withUTF8({ CivilDate.parseISO($0) }) else { return nil }
    self.init(year: parts.0, month: parts.1, day: parts.2)
  }

  /// A date from the UTF-8 bytes of `YYYY-MM-DD` (no string is made).
  public init?(isoUTF8 bytes: ArraySlice<UInt8>) {
    guard let parts = bytes.withUnsafeBufferPointer(CivilDate.parseISO) else { return nil }
    self.init(year: parts.0, month: parts.1, day: parts.2)
  }

  /// `YYYY-MM-DD` → (year, month, day), without allocating (on every event's path).
  static func parseISO(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
    func number(_ from: Int, _ to: Int) -> Int? {
      var v = 0
      for j in from..<to {
        guard b[j] >= 48 && b[j] <= 57 else { return nil }
        v = v * 10 + Int(b[j] - 48)
      }
      return v
    }
    guard let y = number(0, 4), let m = number(5, 7), let d = number(8, 10) else { return nil }
    return (y, m, d)
  }

  public init(daysSince1970 z0: Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.year = Int(y)
    self.month = Int(m)
    self.day = Int(d)
  }

  /// Days since 1970-01-01.
  public var daysSince1970: Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int64(month)
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    // The usual case written from its digits (a date per row of an imported table is written so).
    if (0...9999).contains(year), (1...12).contains(month), (1...31).contains(day) {
      return String(unsafeUninitializedCapacity: 10) { b in
        b[0] = UInt8(48 + year / 1000)
        b[1] = UInt8(48 + year / 100 % 10)
        b[2] = UInt8(48 + year / 10 % 10)
        b[3] = UInt8(48 + year % 10)
        b[4] = 0x2D
        b[5] = UInt8(48 + month / 10)
        b[6] = UInt8(48 + month % 10)
        b[7] = 0x2D
        b[8] = UInt8(48 + day / 10)
        b[9] = UInt8(48 + day % 10)
        return 10
      }
    }
    func pad(_ v: Int, _ n: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, n - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
