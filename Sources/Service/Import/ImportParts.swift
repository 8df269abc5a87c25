import Dispatch
import Journal

/// The parts of a large import file: blocks of about 1 MiB of whole lines,
/// read in order and parsed ahead by a ``PartPipeline`` (on its own thread,
/// and by the committing thread when the part it needs is not started),
/// while the ledger numbers, encodes and checks the part before. At most two
/// parts wait, so memory stays that of a few blocks.
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
  /// Bytes read and not yet cut into a block (a slice: cutting a block off the front copies nothing).
  var pending: ArraySlice<UInt8>
  var atStart = true
  var ended = false
  var nextLine = 1
  var read: Int
  /// The parts: blocks read in order, parsed ahead on another thread and by the caller (``PartPipeline``).
  lazy var parts = PartPipeline<Block, Parsed>(
    depth: 2, read: { [weak self] () throws(ServiceError) -> Block? in try self?.readNext() },
    make: { [collect] block throws(ServiceError) -> Parsed in try ImportParts.parse(block, collect: collect) })

  /// A block of whole lines, where it starts, and the input bytes read when it was cut.
  struct Block {
    var bytes: [UInt8]
    var firstLine: Int
    var skipBOM: Bool
    var read: Int
  }

  init(_ input: InputFile, head: [UInt8], blockBytes: Int, collect: Bool) {
    self.input = input
    self.pending = head[...]
    self.read = head.count
    self.blockBytes = blockBytes
    self.collect = collect
  }

  /// The next parsed block (nil at the end of the file), and the one after it started.
  func next() throws(ServiceError) -> Parsed? { try parts.next() }

  /// Reads until a block of whole lines (nil at the end of the file).
  func readNext() throws(ServiceError) -> Block? {
    var needMore = false
    while !ended || !pending.isEmpty {
      if !ended && (needMore || pending.count < blockBytes) {
        needMore = false
        let more = try input.read(upTo: blockBytes)
        read += more.count
        if more.isEmpty { ended = true } else { pending += more }
      }
      // Whole lines only, about a block of them: up to the last newline in the block (or the first one after it,
      // for a longer line); everything at the end of the file. The first 16 MiB, read to tell a large file from a
      // small one, are cut in blocks too: one large first part would be parsed while the other core waits.
      let start = pending.startIndex
      var cut = pending.endIndex
      if !ended || pending.count > blockBytes {
        if let last = pending[start..<(start + min(pending.count, blockBytes))].lastIndex(of: 0x0A) {
          cut = last + 1
        } else if let first = pending.firstIndex(of: 0x0A) {
          cut = first + 1
        } else if !ended {
          // Not one whole line yet, however much is pending: read on.
          needMore = true
          continue
        }
      }
      let bytes = Array(pending[start..<cut])
      pending = pending[cut...]
      let block = Block(bytes: bytes, firstLine: nextLine, skipBOM: atStart, read: read)
      atStart = false
      nextLine += Newlines.count(in: bytes, bytes.indices)
      return block
    }
    return nil
  }

  /// Parses and checks a block's lines (on one core: the other makes another part, or commits).
  static func parse(_ block: Block, collect: Bool) throws(ServiceError) -> Parsed {
    let parsed = try Importer.events(
      block.bytes, collect: collect, progress: nil, firstLine: block.firstLine, atStart: false, skipBOM: block.skipBOM,
      cores: 1)
    return Parsed(events: parsed.events, lines: parsed.lines, problems: parsed.problems, lastLine: parsed.count, read: block.read)
  }
}
