import Glibc

/// One command run to its end, measured from the outside as an admin would
/// feel it: whole-process wall time (from `posix_spawn` to its exit) and
/// peak RSS (`ru_maxrss` of `wait4`, in kB). Measured by `ess-bench-spawn`,
/// a small process of its own: spawned from this one, whose own peak is far
/// larger, the command's `ru_maxrss` would count this process's peak.
struct ChildRun {
  var status: Int32 = 0
  var nanos: UInt64 = 0
  var peakKB = 0
  /// The peak RSS of `ess-bench-spawn` when it spawned the command: below it, `peakKB` could not tell.
  var floorKB = 0

  var milliseconds: Double { Double(nanos) / 1e6 }
  var peakMiB: Double { Double(peakKB) / 1024 }

  /// `ess-bench-spawn`, built beside this executable.
  static let spawner: String = {
    let me = System.selfExecutable()
    let path = String(me[..<(me.lastIndex(of: "/") ?? me.startIndex)]) + "/ess-bench-spawn"
    guard access(path, X_OK) == 0 else { System.fail("\(path) is missing: build the ess-bench package whole") }
    return path
  }()

  /// Runs `argv` (argv[0] an absolute path) with stdout written to `stdout`
  /// (`/dev/null` by default) and stderr to the file `stderr`; fails the
  /// benchmark, with the command's stderr, if it does not exit 0.
  static func run(_ argv: [String], stdout: String = "/dev/null", stderr: String) -> ChildRun {
    let r = System.run([spawner, stdout, stderr] + argv)
    var run = ChildRun()
    run.status = -1
    for field in String(decoding: r.output, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      let kv = field.split(separator: "=", maxSplits: 1)
      guard kv.count == 2 else { continue }
      switch kv[0] {
      case "status": run.status = Int32(kv[1]) ?? -1
      case "nanos": run.nanos = UInt64(kv[1]) ?? 0
      case "maxrss_kb": run.peakKB = Int(kv[1]) ?? 0
      case "floor_kb": run.floorKB = Int(kv[1]) ?? 0
      default: break
      }
    }
    guard r.status == 0, run.status == 0 else {
      let message = String(decoding: readFile(stderr).prefix(4000), as: UTF8.self)
      System.fail("\(argv.joined(separator: " ")) exited with status \(run.status):\n\(message)")
    }
    return run
  }

  /// The bytes of a small file (empty if it cannot be read).
  static func readFile(_ path: String) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let r = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if r < 0 && errno == EINTR { continue }
      if r <= 0 { break }
      bytes.append(contentsOf: chunk[0..<r])
    }
    return bytes
  }
}
