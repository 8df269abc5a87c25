import Crypto
import Glibc
import Journal

/// Which build of ess is running: `ess/<version>+<first 12 hex digits of the
/// SHA-256 of its executable>`. Receipts name it (`program`), so that "same
/// program" means the very same binary, whatever the sources it came from.
///
/// ```swift
/// BuildIdentity.program()   // "ess/0.2.0+3fa1c29d0b7e"
/// ```
public enum BuildIdentity {
  public static let version = "0.2.0"

  /// The program string of the executable at `path` (default: this process's).
  public static func program(executable path: String = "/proc/self/exe") -> String {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return "ess/\(version)" }
    defer { close(fd) }
    var hasher = SHA256()
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      chunk.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
    }
    return "ess/\(version)+" + Hex.encode(hasher.finalize()).prefix(12)
  }
}
