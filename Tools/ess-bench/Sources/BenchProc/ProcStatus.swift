import Glibc

/// Figures of `/proc/self/status`, for the benchmark and its spawn helper.
public enum ProcStatus {
  /// A `Vm…:` figure (e.g. `VmHWM`, the peak resident set), in kB; 0 if unavailable.
  public static func kilobytes(_ key: String) -> Int {
    let fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let r = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if r <= 0 { break }
      bytes.append(contentsOf: chunk[0..<r])
    }
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix(key + ":") {
      return Int(line.dropFirst(key.count + 1).filter(\.isNumber)) ?? 0
    }
    return 0
  }
}
