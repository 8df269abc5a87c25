import Foundation

/// The executables the tests run: ours (built next to the test bundle) and the system's.
public enum Tools {
  /// The built product `name` (`ess`, `ess-stress`), next to the test bundle or in the package's `.build/debug`.
  public static func built(_ name: String) -> String? {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent(name).path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let fallback = package.appendingPathComponent(".build/debug/\(name)").path
    return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
  }

  /// A system tool on the usual paths, or nil.
  public static func which(_ tool: String) -> String? {
    for dir in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: dir + "/" + tool) {
      return dir + "/" + tool
    }
    return nil
  }

  /// Runs a command; returns its exit status, standard output and standard error.
  @discardableResult
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String?] = [:], input: Data? = nil
  ) throws -> (status: Int32, stdout: String, stderr: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("ess-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let out = work.appendingPathComponent("stdout")
    let err = work.appendingPathComponent("stderr")
    for url in [out, err] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    defer {
      try? outHandle.close()
      try? errHandle.close()
    }
    p.standardOutput = outHandle
    p.standardError = errHandle
    if let input {
      let file = work.appendingPathComponent("stdin")
      try input.write(to: file)
      p.standardInput = try FileHandle(forReadingFrom: file)
    } else {
      p.standardInput = FileHandle.nullDevice
    }
    try p.run()
    p.waitUntilExit()
    return (
      p.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
      String(decoding: try Data(contentsOf: err), as: UTF8.self)
    )
  }
}
