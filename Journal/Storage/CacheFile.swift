import Glibc

/// The files of ``JournalCache``: written to a temporary name and renamed,
/// so a reader sees the old file or the new one, never half of one. Not
/// synced: a cache lost in a crash is rebuilt; one that is damaged fails its
/// own checks.
enum CacheFile {
  static func read(_ path: String) -> [UInt8]? {
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
  static func seal(_ payload: [UInt8], tag: [UInt8]) -> [UInt8] {
    var out = tag + payload
    let crc = CRC32C.checksum(out)
    for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k)))) }
    return out
  }

  /// The payload of bytes made by ``seal(_:tag:)``, or nil if the tag or the CRC does not match.
  static func unseal(_ bytes: [UInt8], tag: [UInt8]) -> ArraySlice<UInt8>? {
    guard bytes.count >= tag.count + 4, bytes.starts(with: tag),
      bytes.readLE(UInt32.self, at: bytes.count - 4) == CRC32C.checksum(bytes[0..<(bytes.count - 4)])
    else { return nil }
    return bytes[tag.count..<(bytes.count - 4)]
  }

  /// Writes `bytes` to a temporary name, then renames it over `path` (not synced: a cache).
  static func write(_ bytes: [UInt8], to path: String, disk: Disk) throws(JournalError) {
    let tmp = path + ".tmp.\(getpid())"
    let fd = try disk.open(tmp, O_WRONLY | O_CREAT | O_TRUNC)
    do throws(JournalError) {
      try disk.writeAll(fd, bytes, at: 0, path: tmp)
    } catch {
      close(fd)
      disk.unlink(tmp)
      throw error
    }
    close(fd)
    do throws(JournalError) {
      try disk.rename(tmp, path)
    } catch {
      disk.unlink(tmp)
      throw error
    }
  }
}
