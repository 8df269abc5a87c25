import Glibc

/// How a ``Writer`` behaves. The defaults suit production; tests shrink the
/// segment size, inject a clock or a failing ``FileIO``.
public struct WriterOptions: Sendable {
  /// Seconds a writer waits for another process's commit before failing with `.locked`.
  public var lockTimeout: Double = 10
  /// A segment is sealed and a new one started once it holds this many
  /// uncompressed bytes (a commit is never split across segments).
  public var segmentBytes: Int = 8 << 20
  /// Uncompressed bytes per LZ4 frame in sealed segments and large commits.
  public var frameBytes: Int = 1 << 20
  /// The transaction-time clock (UTC). Tests inject a fixed one.
  public var clock: @Sendable () -> Timestamp = WriterOptions.systemClock
  /// The write/sync/truncate layer; tests inject failures.
  public var io: any FileIO = POSIXFileIO()

  public init() {}

  public static let systemClock: @Sendable () -> Timestamp = {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Timestamp(millisecondsSince1970: Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000)
  }
}
