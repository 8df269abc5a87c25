import Journal
import Synchronization

/// A fixed clock for tests, moved by hand.
public final class TestClock: Sendable {
  private let now: Mutex<Int64>

  public init(_ start: String = "2023-03-31T10:00:00.000Z") { now = Mutex(Timestamp(rfc3339: start)!.millisecondsSince1970) }

  /// Sets the time.
  public func set(_ t: String) { now.withLock { $0 = Timestamp(rfc3339: t)!.millisecondsSince1970 } }

  /// Moves the time on by `ms` milliseconds.
  public func advance(_ ms: Int64 = 1000) { now.withLock { $0 += ms } }

  /// The time, in milliseconds since 1970.
  public var milliseconds: Int64 { now.withLock { $0 } }

  /// The clock, for ``Journal/WriterOptions/clock``.
  public var function: @Sendable () -> Timestamp {
    { [self] in Timestamp(millisecondsSince1970: milliseconds) }
  }
}
