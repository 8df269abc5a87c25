/// A tlog-checkpoint note text: the log's origin, the tree size and the
/// root, one per line (no extension lines):
///
/// ```
/// example.org/ess/test
/// 3
/// SUy/SXKFhbUfvVartoD/dAAaUpXsYrf+LK78J4JszY0=
/// ```
public struct Checkpoint: Sendable, Hashable {
  public let origin: String
  public let size: UInt64
  public let root: TreeHash

  /// The origin receipts use: never a log's.
  public static let receiptOrigin = "ess.bilan-receipt/v1"

  /// A checkpoint of `size` events with `root`.
  /// - Throws: `.invalidInput` for an origin a checkpoint cannot carry.
  public init(origin: String, size: UInt64, root: TreeHash) throws(JournalError) {
    try Checkpoint.check(origin: origin)
    self.origin = origin
    self.size = size
    self.root = root
  }

  /// Parses a checkpoint's note text (three lines, each ending in a newline).
  /// - Throws: `.invalidInput` saying which line is wrong.
  public init(text: [UInt8]) throws(JournalError) {
    let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
    guard text.last == 0x0A, lines.count == 4 else {
      throw JournalError(
        .invalidInput, "A checkpoint's text is three lines (origin, size, base64 root); this one has \(max(0, lines.count - 1)).")
    }
    let origin = String(decoding: lines[0], as: UTF8.self)
    guard let size = Checkpoint.decimal(lines[1]) else {
      throw JournalError(.invalidInput, "Line 2 of a checkpoint must be the tree size in decimal, without leading zeros.")
    }
    guard let root = TreeHash(base64: String(decoding: lines[2], as: UTF8.self)) else {
      throw JournalError(.invalidInput, "Line 3 of a checkpoint must be the base64 of a 32-byte root hash.")
    }
    try self.init(origin: origin, size: size, root: root)
  }

  /// The note text: `origin\nsize\nbase64 root\n`.
  public var text: [UInt8] { Array("\(origin)\n\(size)\n\(root.base64)\n".utf8) }

  /// A decimal without sign or leading zero ("0" alone is zero), in UInt64.
  package static func decimal(_ digits: some Collection<UInt8>) -> UInt64? {
    guard !digits.isEmpty, digits.count <= 20, digits.allSatisfy({ (48...57).contains($0) }),
      digits.first != 48 || digits.count == 1
    else { return nil }
    return UInt64(String(decoding: digits, as: UTF8.self))
  }

  /// Origins: non-empty, no Unicode space, no `+`, and not the receipts' header.
  public static func check(origin: String) throws(JournalError) {
    guard origin != receiptOrigin else {
      throw JournalError(.invalidInput, "The origin '\(receiptOrigin)' is reserved for bilan receipts.")
    }
    guard !origin.isEmpty, !origin.contains("+"), !origin.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
    else {
      throw JournalError(
        .invalidInput, "A log's origin must be non-empty, without spaces or '+' (e.g. strasbourg.eu/ess/journal); got '\(origin)'.")
    }
  }
}
