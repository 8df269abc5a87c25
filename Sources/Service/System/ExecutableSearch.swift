import Foundation

/// Finds a program the service runs (a browser to print PDFs, curl to fetch
/// URLs) on `$PATH`, then in the usual folders.
enum ExecutableSearch {
  /// The path of the first of `names` found, or nil.
  static func find(_ names: [String]) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in names {
      for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
        let candidate = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }
}
