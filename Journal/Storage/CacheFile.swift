#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Cache files beside a journal (checkpoints of projections and of the
/// integrity model): written to a temporary name and renamed, so a reader
/// sees the old file or the new one, never half of one. Not synced: a cache
/// lost in a crash is rebuilt; one that is damaged fails its own checks.
public enum CacheFile {
  public static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if n == 0 { return out }
      out += chunk[0..<n]
    }
  }

  /// `tag ‖ payload ‖ CRC-32C(tag ‖ payload)` (CRC little-endian): how every
  /// cache file is framed, so that a damaged or foreign one is refused.
  public static func seal(_ payload: [UInt8], tag: [UInt8]) -> [UInt8] {
    var out = tag + payload
    let crc = CRC32C.checksum(out)
    for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k)))) }
    return out
  }

  /// The payload of bytes made by ``seal(_:tag:)``, or nil if the tag or the CRC does not match.
  public static func unseal(_ bytes: [UInt8], tag: [UInt8]) -> ArraySlice<UInt8>? {
    guard bytes.count >= tag.count + 4, bytes.starts(with: tag),
      bytes.readLE(UInt32.self, at: bytes.count - 4) == CRC32C.checksum(bytes[0..<(bytes.count - 4)])
    else { return nil }
    return bytes[tag.count..<(bytes.count - 4)]
  }

  @discardableResult
  public static func write(_ bytes: [UInt8], to path: String) -> Bool {
    let tmp = path + ".tmp.\(getpid())"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
      if n <= 0 {
        if n < 0 && errno == EINTR { continue }
        close(fd)
        unlink(tmp)
        return false
      }
      done += n
    }
    close(fd)
    guard rename(tmp, path) == 0 else {
      unlink(tmp)
      return false
    }
    return true
  }
}
