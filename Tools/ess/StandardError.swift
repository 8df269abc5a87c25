import Glibc

/// Writing to standard error, and what the terminals are.
enum StandardError {
  static func write(_ s: String) {
    var bytes = Array(s.utf8)
    _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
  }

  static var isTerminal: Bool { isatty(2) == 1 }
  static var standardOutputIsTerminal: Bool { isatty(1) == 1 }
}
