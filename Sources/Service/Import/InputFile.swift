import Glibc

/// A file to import (standard input for "-"), read a block at a time.
final class InputFile {
  let path: String
  let fd: Int32
  /// Its size, when it is a regular file (for progress).
  let size: Int?

  /// - Throws: ``ServiceError`` `.notFound` if it cannot be opened.
  init(_ path: String) throws(ServiceError) {
    self.path = path
    fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw ServiceError(.notFound, "Cannot open \(path): \(String(cString: strerror(errno))).", at: .init(file: path))
    }
    var st = stat()
    size = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
  }

  deinit { if fd != 0 { close(fd) } }

  /// How far into the file reading has gone (nil for a pipe).
  var position: Int? {
    let p = lseek(fd, 0, SEEK_CUR)
    return p >= 0 ? Int(p) : nil
  }

  /// The next `limit` bytes, fewer only at the end (empty there).
  func read(upTo limit: Int) throws(ServiceError) -> [UInt8] {
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: min(limit, 1 << 20))
    while out.count < limit {
      let want = min(chunk.count, limit - out.count)
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ServiceError(.ioFailure, "Cannot read \(path): \(String(cString: strerror(errno))).", at: .init(file: path))
      }
      if n == 0 { break }
      out += chunk[0..<n]
    }
    return out
  }

  /// The whole file (what is left of it).
  static func read(_ path: String) throws(ServiceError) -> [UInt8] { try InputFile(path).read(upTo: Int.max) }
}
