import Dispatch
import Journal

/// The parts of a large import file, read and parsed ahead on another
/// thread: while the ledger numbers, encodes and checks part k, parts k + 1
/// and k + 2 are read and parsed, on that one thread (the commit keeps the
/// other core busy: two threads each running on, instead of a parse on two
/// cores then a wait, took about a tenth less time). At most two parts wait,
/// so memory stays that of three (about 1 MiB of lines each).
final class ImportParts: @unchecked Sendable {
  /// One block of whole lines, parsed.
  struct Parsed {
    var events: [NewEvent]
    var lines: [Int]
    var problems: [ServiceError]
    /// The last line number it reached, and the input bytes read so far.
    var lastLine: Int
    var read: Int
  }

  let input: InputFile
  let blockBytes: Int
  let collect: Bool
  var pending: [UInt8]
  var atStart = true
  var ended = false
  var nextLine = 1
  var read: Int
  /// The parts, read two ahead.
  lazy var parts = ReadAhead(depth: 2) { [weak self] () throws(ServiceError) -> Parsed? in try self?.parseNext() }

  init(_ input: InputFile, head: [UInt8], blockBytes: Int, collect: Bool) {
    self.input = input
    self.pending = head
    self.read = head.count
    self.blockBytes = blockBytes
    self.collect = collect
  }

  /// The next parsed block (nil at the end of the file), and the one after it started.
  func next() throws(ServiceError) -> Parsed? { try parts.next() }

  /// Reads until a block of whole lines, and parses it.
  func parseNext() throws(ServiceError) -> Parsed? {
    while !ended || !pending.isEmpty {
      if !ended && pending.count < blockBytes {
        let more = try input.read(upTo: blockBytes)
        read += more.count
        if more.isEmpty { ended = true } else { pending += more }
      }
      // Whole lines only: up to the last newline (everything at the end of the file).
      var cut = pending.count
      if !ended {
        guard let last = pending.lastIndex(of: 0x0A) else { continue }
        cut = last + 1
      }
      let block = Array(pending[..<cut])
      pending.removeFirst(cut)
      let parsed = try Importer.events(
        block, collect: collect, progress: nil, firstLine: nextLine, atStart: false, skipBOM: atStart,
        cores: 1)
      atStart = false
      nextLine += Newlines.count(in: block, block.indices)
      return Parsed(events: parsed.events, lines: parsed.lines, problems: parsed.problems, lastLine: parsed.count, read: read)
    }
    return nil
  }
}
