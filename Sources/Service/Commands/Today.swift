import Domain
import Journal

/// Today's date in Europe/Paris (CLI.md: the default valid time).
enum Today {
  static func inParis() -> String { ParisTime.date(at: WriterOptions.systemClock()).description }
}
