import Glibc

/// Reads a whole file, or standard input for "-".
enum InputFile {
  static func read(_ path: String) throws(ServiceError) -> [UInt8] {
    let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw ServiceError(.notFound, "Cannot open \(path): \(String(cString: strerror(errno))).", at: .init(file: path))
    }
    defer { if fd != 0 { close(fd) } }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ServiceError(.ioFailure, "Cannot read \(path): \(String(cString: strerror(errno))).", at: .init(file: path))
      }
      if n == 0 { return out }
      out += chunk[0..<n]
    }
  }
}
