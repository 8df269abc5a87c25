import Glibc

/// `ESS_TRACE=1`: phase timings on standard error (for profiling imports).
enum Trace {
  static let on = getenv("ESS_TRACE") != nil

  static func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
  }

  static func log(_ what: String, since start: UInt64) {
    guard on else { return }
    let ms = Double(now() - start) / 1e6
    var line = Array("ess trace: \(what) \(ms) ms\n".utf8)
    _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
  }
}
