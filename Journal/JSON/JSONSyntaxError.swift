/// Where and why text is not JSON: the ``JournalError/cause`` of every
/// ``JournalError/Code/malformedJSON`` error, for callers that place the
/// problem in their own terms (a column of an imported line).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is at the offset, for a person: `'x'`, `byte 0xC3`, `end of input`…
  public var found: String
  /// What JSON allows there.
  public var expected: String
  /// 0-based byte offset in the text parsed.
  public var offset: Int
  /// 1-based line and column (in bytes) of the offset.
  public var line: Int
  public var column: Int

  public var description: String { "found \(found) at byte offset \(offset) (line \(line), column \(column)), expected \(expected)" }
}
