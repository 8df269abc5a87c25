import Foundation
import Testing

@testable import Journal

/// A journal in a fresh temporary folder, removed when the test ends.
final class TestJournal {
  let root: String
  var path: String { root + "/j" }

  init(_ name: String = #function) throws {
    let base = FileManager.default.temporaryDirectory.path + "/ess-tests"
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    root = base + "/" + name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try Writer.create(at: path)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  func writer(_ configure: (inout WriterOptions) -> Void = { _ in }) throws -> Writer {
    var options = WriterOptions()
    options.lockTimeout = 60
    configure(&options)
    return try Writer(at: path, options: options)
  }

  var segmentsFolder: String { path + "/segments" }

  func segmentPaths() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: segmentsFolder).filter { $0.hasSuffix(".lz4") }.sorted().map {
      segmentsFolder + "/" + $0
    }
  }

  func all() throws -> [Record] {
    var out: [Record] = []
    try Reader(at: path).forEach { out.append($0) }
    return out
  }

  /// Every file of the journal (relative path → bytes), for byte-identity checks.
  func snapshot(excluding: Set<String> = ["LOCK"]) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let fm = FileManager.default
    guard let e = fm.enumerator(atPath: path) else { return out }
    while let rel = e.nextObject() as? String {
      var isDir: ObjCBool = false
      _ = fm.fileExists(atPath: path + "/" + rel, isDirectory: &isDir)
      if !isDir.boolValue && !excluding.contains(rel) { out[rel] = try Data(contentsOf: URL(fileURLWithPath: path + "/" + rel)) }
    }
    return out
  }

  /// A copy of this journal's folder at `dest` (plain files only).
  func copy(to dest: String) throws {
    try? FileManager.default.removeItem(atPath: dest)
    try FileManager.default.copyItem(atPath: path, toPath: dest)
  }
}

/// Deterministic events of realistic shape.
enum Sample {
  static func event(_ n: Int, author: String = "t.admin", id: String? = nil) -> NewEvent {
    NewEvent(
      id: id, type: "procurement.insertion-hours-reported", occurredOn: "2022-\(String(format: "%02d", n % 12 + 1))-28",
      author: author, source: "rapport SPASER 2022",
      data: [
        "contractId": .string("marche-\(n % 37)"), "insertionHours": .number(JSONNumber(Int64(1000 + n * 7 % 5000))),
        "trainingHours": .number(JSONNumber(Int64(n % 90))), "beneficiaries": .number(JSONNumber(Int64(n % 13 + 1))),
        "beneficiariesInQPV": .number(JSONNumber(Int64(n % 5))),
      ])
  }

  static func events(_ range: Range<Int>) -> [NewEvent] { range.map { event($0) } }
}

/// A small deterministic PRNG (SplitMix64) so tests never depend on the clock.
struct Seeded: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A fixed, advancing clock for tests.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var now: Int64
  init(_ start: String = "2023-03-31T10:00:00.000Z") { now = Timestamp(rfc3339: start)!.millisecondsSince1970 }
  func set(_ t: String) { lock.withLock { now = Timestamp(rfc3339: t)!.millisecondsSince1970 } }
  var function: @Sendable () -> Timestamp {
    { [self] in lock.withLock { Timestamp(millisecondsSince1970: now) } }
  }
}

/// Runs a command, returning its exit status and standard output.
@discardableResult
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: executable)
  p.arguments = arguments
  if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
  let pipe = Pipe()
  p.standardOutput = pipe
  p.standardError = FileHandle.nullDevice
  try p.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The built `ess-stress` helper, next to the test bundle.
var stressTool: String {
  var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for _ in 0..<4 {
    let candidate = dir.appendingPathComponent("ess-stress").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    dir = dir.deletingLastPathComponent()
  }
  return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ess-stress").path
}

func which(_ tool: String) -> String? {
  for dir in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: dir + "/" + tool) {
    return dir + "/" + tool
  }
  return nil
}
