import BenchProc
import Glibc

/// The few OS services the benchmark needs, without Foundation: a monotonic
/// clock, file sizes and listings, /proc/self/status, and child processes.
enum System {
  /// CLOCK_MONOTONIC in nanoseconds.
  @inline(__always)
  static func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
  }

  /// CLOCK_REALTIME in milliseconds since 1970 (SQLite's recorded_at).
  static func realtimeMillis() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
  }

  static func fail(_ message: String) -> Never {
    err("ess-bench: \(message)\n")
    exit(1)
  }

  /// Writes to stderr (fd 2) directly: Swift 6 forbids touching C's `stderr` global.
  static func err(_ s: String) {
    var bytes = Array(s.utf8)
    bytes.withUnsafeMutableBytes { b in _ = write(2, b.baseAddress, b.count) }
  }

  // MARK: Files

  static func fileSize(_ path: String) -> Int64 {
    var st = stat()
    return stat(path, &st) == 0 ? Int64(st.st_size) : 0
  }

  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Names in a folder (not `.`/`..`), sorted.
  static func list(_ path: String) -> [String] {
    guard let d = opendir(path) else { return [] }
    defer { closedir(d) }
    var names: [String] = []
    while let e = readdir(d) {
      let name = withUnsafePointer(to: e.pointee.d_name) { p in
        p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  static func mkdirs(_ path: String) {
    var prefix = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/") {
      prefix += "/" + part
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST { fail("cannot create \(prefix): \(String(cString: strerror(errno)))") }
    }
  }

  static func makeTempDir() -> String {
    var template = Array("/tmp/ess-bench.XXXXXX".utf8CString)
    guard let p = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      fail("cannot create a folder in /tmp")
    }
    return String(cString: p)
  }

  static func removeTree(_ path: String) {
    guard !path.isEmpty, path != "/" else { return }
    _ = run(["/bin/rm", "-rf", path])
  }

  /// Creates (truncating) `path`, writes `bytes`, closes.
  static func writeFile(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { fail("cannot create \(path)") }
    defer { close(fd) }
    writeAll(fd, bytes[...], path)
  }

  /// Flushes a file just written to disk, so that a command timed next does not share the machine with its writeback.
  static func flush(_ path: String) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { fail("cannot open \(path)") }
    defer { close(fd) }
    if fsync(fd) != 0 { fail("cannot flush \(path): \(String(cString: strerror(errno)))") }
  }

  static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>, _ path: String) {
    bytes.withUnsafeBytes { buf in
      var done = 0
      while done < buf.count {
        let r = write(fd, buf.baseAddress! + done, buf.count - done)
        if r < 0 {
          if errno == EINTR { continue }
          fail("write to \(path) failed: \(String(cString: strerror(errno)))")
        }
        done += r
      }
    }
  }

  /// Shell-quotes one word for `/bin/sh -c`.
  static func quote(_ s: String) -> String {
    "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
  }

  // MARK: /proc

  /// A `VmXXX:` figure of /proc/self/status, in kB (0 if unavailable).
  static func procStatus(_ key: String) -> Int { ProcStatus.kilobytes(key) }

  static var vmHWM: Int { procStatus("VmHWM") }

  static func selfExecutable() -> String {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    guard n > 0 else { return CommandLine.arguments[0] }
    return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  // MARK: Child processes

  /// Runs `argv` (argv[0] an absolute path), returns its exit status and stdout.
  /// stderr is inherited.
  @discardableResult
  static func run(_ argv: [String]) -> (status: Int32, output: [UInt8]) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { fail("pipe failed") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    posix_spawn_file_actions_addclose(&actions, fds[1])
    var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
    cArgs.append(nil)
    defer { for p in cArgs { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
    close(fds[1])
    guard rc == 0 else {
      close(fds[0])
      fail("cannot start \(argv[0]): \(String(cString: strerror(rc)))")
    }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let r = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
      if r < 0 && errno == EINTR { continue }
      if r <= 0 { break }
      output.append(contentsOf: chunk[0..<r])
    }
    close(fds[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exited = (status & 0x7f) == 0
    return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
  }

  /// `/bin/sh -c command`; fails the benchmark if the command fails.
  static func shell(_ command: String) -> String {
    let r = run(["/bin/sh", "-c", command])
    guard r.status == 0 else { fail("command failed (status \(r.status)): \(command)") }
    return String(decoding: r.output, as: UTF8.self)
  }
}
