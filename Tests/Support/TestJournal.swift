import Foundation
import Journal

/// A journal in a fresh temporary folder, removed when the test ends.
public final class TestJournal {
  public let root: String
  public var path: String { root + "/j" }

  public init(_ name: String = #function) throws {
    let base = FileManager.default.temporaryDirectory.path + "/ess-tests"
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    root = base + "/" + name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try Writer.create(at: path)
  }

  deinit { try? FileManager.default.removeItem(atPath: root) }

  public func writer(_ configure: (inout WriterOptions) -> Void = { _ in }) throws -> Writer {
    var options = WriterOptions()
    options.lockTimeout = 60
    configure(&options)
    return try Writer(at: path, options: options)
  }

  public var segmentsFolder: String { path + "/segments" }

  public func segmentPaths() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: segmentsFolder).filter { $0.hasSuffix(".lz4") }.sorted().map {
      segmentsFolder + "/" + $0
    }
  }

  public func all() throws -> [Record] { try allRecords(path) }

  /// Every file of the journal (relative path → bytes), for byte-identity checks.
  public func snapshot(excluding: Set<String> = ["LOCK"]) throws -> [String: Data] {
    try FolderSnapshot.files(of: path, excluding: excluding)
  }

  /// A copy of this journal's folder at `dest` (plain files only).
  public func copy(to dest: String) throws {
    try? FileManager.default.removeItem(atPath: dest)
    try FileManager.default.copyItem(atPath: path, toPath: dest)
  }
}
