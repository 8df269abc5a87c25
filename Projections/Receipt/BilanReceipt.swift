import Journal

/// A bilan receipt's body (PROOFS.md §5.2): what was folded (a signed tree,
/// the last event read), how (year, cut, fold semantics, the build) and the
/// exact bytes it gave. Signed by a publisher key as a signed note whose
/// first line is `ess.bilan-receipt/v1` (never a checkpoint: line 2 is not a
/// number), countersignable by anyone who re-runs it.
///
/// ```
/// ess.bilan-receipt/v1
/// origin example.org/ess/test
/// tree 3 SUy/SXKFhbUfvVartoD/dAAaUpXsYrf+LK78J4JszY0=
/// read 2 sha256:d0a94fde…b0ec
/// year 2022
/// as-known-on 2023-03-31
/// code bilan-2
/// program ess/0.2.0+1a2b3c4d5e6f
/// output json fr
/// sha256 3ea56451…93af 1289
/// issued 2026-01-01T00:00:00Z
/// ```
public struct BilanReceipt: Sendable, Equatable {
  public static let header = "ess.bilan-receipt/v1"

  public var origin: String
  public var treeSize: UInt64
  public var treeRoot: TreeHash
  /// The bilan's `journal`: the last event read (seq 0 and zeros if none).
  public var readSeq: UInt64
  public var readHash: ChainHash
  public var year: Int
  /// The `--as-known-on` argument as given, or nil.
  public var asKnownOn: String?
  /// The fold's semantics (``BilanProjection/codeVersion``).
  public var code: String
  /// The build that rendered the bytes, `ess/<version>`.
  public var program: String
  public var format: String
  public var language: String
  /// SHA-256 (lowercase hex) and length of the exact bytes written, final newline included.
  public var sha256: String
  public var byteCount: Int
  /// The signer's clock, `YYYY-MM-DDTHH:MM:SSZ` (informational).
  public var issued: String

  public init(
    origin: String, treeSize: UInt64, treeRoot: TreeHash, readSeq: UInt64, readHash: ChainHash, year: Int, asKnownOn: String?,
    code: String, program: String, format: String, language: String, sha256: String, byteCount: Int, issued: String
  ) {
    self.origin = origin
    self.treeSize = treeSize
    self.treeRoot = treeRoot
    self.readSeq = readSeq
    self.readHash = readHash
    self.year = year
    self.asKnownOn = asKnownOn
    self.code = code
    self.program = program
    self.format = format
    self.language = language
    self.sha256 = sha256
    self.byteCount = byteCount
    self.issued = issued
  }

  /// The note text: eleven lines, in this order, each ending with a newline.
  public var text: [UInt8] {
    let lines = [
      Self.header, "origin \(origin)", "tree \(treeSize) \(treeRoot.base64)", "read \(readSeq) \(readHash)", "year \(year)",
      "as-known-on \(asKnownOn ?? "-")", "code \(code)", "program \(program)", "output \(format) \(language)",
      "sha256 \(sha256) \(byteCount)", "issued \(issued)",
    ]
    return Array(lines.map { $0 + "\n" }.joined().utf8)
  }

  /// Parses a receipt's note text.
  /// - Throws: `JournalError` `.invalidInput` naming the line that is not as §5.2 says.
  public init(text: [UInt8]) throws(JournalError) {
    let lines = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func bad(_ n: Int, _ expected: String) -> JournalError {
      JournalError(.invalidInput, "Line \(n) of the receipt must be \(expected).")
    }
    guard text.last == 0x0A, lines.count == 12, lines[0] == Self.header else {
      throw JournalError(.invalidInput, "A bilan receipt's text is eleven lines starting with '\(Self.header)'; this one is not.")
    }
    func fields(_ n: Int, _ name: String, _ count: Int) -> [String]? {
      let f = lines[n - 1].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
      return f.count == count + 1 && f[0] == name && f.dropFirst().allSatisfy({ !$0.isEmpty }) ? Array(f.dropFirst()) : nil
    }
    guard let o = fields(2, "origin", 1) else { throw bad(2, "'origin' and the log's origin") }
    guard let t = fields(3, "tree", 2), let size = Checkpoint.decimal(t[0].utf8), let root = TreeHash(base64: t[1]) else {
      throw bad(3, "'tree', a size and the base64 of its 32-byte root")
    }
    guard let r = fields(4, "read", 2), let seq = Checkpoint.decimal(r[0].utf8), let hash = ChainHash(r[1]) else {
      throw bad(4, "'read', a seq and its hash sha256:<64 hex>")
    }
    guard let y = fields(5, "year", 1), y[0].utf8.count == 4, let year = Int(y[0]) else { throw bad(5, "'year' and four digits") }
    guard let k = fields(6, "as-known-on", 1) else { throw bad(6, "'as-known-on' and a date, a date-time or '-'") }
    guard let c = fields(7, "code", 1) else { throw bad(7, "'code' and the fold's version") }
    guard let p = fields(8, "program", 1), p[0].hasPrefix("ess/") else { throw bad(8, "'program' and ess/<version>") }
    guard let out = fields(9, "output", 2) else { throw bad(9, "'output', the format and the language") }
    guard let s = fields(10, "sha256", 2), s[0].utf8.count == 64,
      s[0].utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
      let bytes = Checkpoint.decimal(s[1].utf8), bytes <= UInt64(Int.max)
    else { throw bad(10, "'sha256', 64 lowercase hex digits and a byte count") }
    guard let i = fields(11, "issued", 1) else { throw bad(11, "'issued' and a UTC date-time") }
    self.init(
      origin: o[0], treeSize: size, treeRoot: root, readSeq: seq, readHash: hash, year: year, asKnownOn: k[0] == "-" ? nil : k[0],
      code: c[0], program: p[0], format: out[0], language: out[1], sha256: s[0], byteCount: Int(bytes), issued: i[0])
  }
}
