import Journal

/// Finds the contracts of a DECP JSON file one after the other, as byte
/// ranges, without building the file's tree: the records can then be parsed
/// on every core, and a large file read a block at a time.
///
/// Only the file's frame is walked here (the top object, `marches`, the list
/// of contracts, other members parsed and set aside); each record is parsed
/// later, strictly, by ``JSONParser``. Anything this walk does not expect —
/// a syntax error, a repeated key, a shape other than
/// `{"marches": {"marche": [...]}}` or `{"marches": [...]}` — throws
/// ``DECPImport/SplitError/unexpected``: the caller then reads the file whole, as before, so that
/// every message stays the one the whole-file parser gives.
final class DECPJSONSplitter {
  /// One contract: its number in the list (1-based) and its bytes.
  struct Item {
    var number: Int
    var bytes: ArraySlice<UInt8>
  }

  enum State {
    case start, top, marches, marcheList, v15List, end
  }

  private var buffer: [UInt8]
  /// The offset in the file of `buffer[0]`.
  private var base: Int
  private var pos: Int
  private let input: InputFile?
  private var ended: Bool
  private var state = State.start
  private var first = true
  private var topKeys: Set<String> = []
  private var marchesKeys: Set<String> = []
  private var number = 0
  /// DECP v2 or v1.5, once `marches` is met.
  private(set) var version: DECPVersion? = nil
  /// Concessions listed under `marches` and beside it (v2 counts both).
  private(set) var concessionsInMarches = 0
  private(set) var concessionsAtTop = 0

  /// Walks `bytes` whole, from `start` (after a byte-order mark and blanks).
  init(bytes: [UInt8], start: Int) {
    buffer = bytes
    base = 0
    pos = start
    input = nil
    ended = true
  }

  /// Walks a file read a block at a time; `head` is what was read of it already, from its start.
  init(input: InputFile, head: [UInt8], start: Int) {
    buffer = head
    base = 0
    pos = start
    self.input = input
    ended = false
  }

  static let blockBytes = 4 << 20

  /// The byte at `i` (an offset in the file), reading more when needed; nil at the end.
  @inline(__always) private func byte(_ i: Int) throws(ServiceError) -> UInt8? {
    let k = i - base
    if k < buffer.count { return buffer[k] }
    return try slowByte(i)
  }

  private func slowByte(_ i: Int) throws(ServiceError) -> UInt8? {
    while i - base >= buffer.count {
      guard !ended, let input else { return nil }
      // Drop what was handed out already (records are copied out when taken).
      let keep = pos - base
      if keep > 0 && keep >= buffer.count / 2 {
        buffer.removeFirst(keep)
        base += keep
      }
      let more = try input.read(upTo: Self.blockBytes)
      if more.isEmpty { ended = true } else { buffer += more }
    }
    return buffer[i - base]
  }

  private func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

  private func skipBlanks() throws(ServiceError) {
    while let b = try byte(pos), isBlank(b) { pos += 1 }
  }

  /// Consumes `expected` or throws ``Unexpected``.
  private func expect(_ expected: UInt8) throws(DECPImport.SplitError) {
    guard try wrap({ () throws(ServiceError) in try byte(pos) }) == expected else { throw .unexpected }
    pos += 1
  }

  private func wrap<T>(_ body: () throws(ServiceError) -> T) throws(DECPImport.SplitError) -> T {
    do { return try body() } catch { throw .failed(error) }
  }

  /// The end (exclusive) of the value starting at `pos`; `depth` the containers around it, for the parser's depth limit.
  private func valueEnd(depth: Int) throws(DECPImport.SplitError) -> Int {
    let end = try wrap { () throws(ServiceError) -> Int? in
      guard let first = try byte(pos) else { return nil }
      var i = pos
      switch first {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        var level = 0
        var inString = false
        while true {
          // The bulk of a record: scan what is loaded without a call per byte.
          let k = i - base
          if k >= buffer.count {
            guard try byte(i) != nil else { return nil }
            continue
          }
          let found: Int? = buffer.withUnsafeBufferPointer { b -> Int? in
            var j = k
            while j < b.count {
              let c = b[j]
              if inString {
                if c == UInt8(ascii: "\\") {
                  j += 2
                  continue
                }
                if c == UInt8(ascii: "\"") { inString = false }
              } else if c == UInt8(ascii: "\"") {
                inString = true
              } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                level += 1
                if depth + level > JSONParser.maxDepth { return -1 }
              } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                level -= 1
                if level == 0 { return j + 1 }
              }
              j += 1
            }
            i = base + j
            return nil
          }
          if let found { return found < 0 ? nil : base + found }
        }
      case UInt8(ascii: "\""):
        i += 1
        while let c = try byte(i) {
          if c == UInt8(ascii: "\\") {
            i += 2
            continue
          }
          i += 1
          if c == UInt8(ascii: "\"") { return i }
        }
        return nil
      default:
        while let c = try byte(i), !isBlank(c), c != UInt8(ascii: ","), c != UInt8(ascii: "]"), c != UInt8(ascii: "}") { i += 1 }
        return i > pos ? i : nil
      }
    }
    guard let end else { throw .unexpected }
    return end
  }

  /// The bytes `range` (file offsets), which are loaded.
  private func bytes(_ range: Range<Int>) -> ArraySlice<UInt8> { buffer[(range.lowerBound - base)..<(range.upperBound - base)] }

  /// Parses the value at `pos` strictly and moves past it.
  private func parseValue(depth: Int) throws(DECPImport.SplitError) -> JSONValue {
    let end = try valueEnd(depth: depth)
    let value: JSONValue
    do { value = try JSONParser.parse(bytes(pos..<end)) } catch { throw .unexpected }
    pos = end
    return value
  }

  /// A member's key and its colon, in an object whose keys so far are `seen`.
  private func key(_ seen: inout Set<String>) throws(DECPImport.SplitError) -> String {
    guard case .string(let k) = try parseValue(depth: 0), seen.insert(k).inserted else { throw .unexpected }
    try wrap { () throws(ServiceError) in try skipBlanks() }
    try expect(UInt8(ascii: ":"))
    try wrap { () throws(ServiceError) in try skipBlanks() }
    return k
  }

  /// Past the `,` between two members or items, or nil at the `close` that ends them.
  private func separator(close: UInt8) throws(DECPImport.SplitError) -> Bool {
    try wrap { () throws(ServiceError) in try skipBlanks() }
    if try wrap({ () throws(ServiceError) in try byte(pos) }) == close {
      pos += 1
      return false
    }
    if !first { try expect(UInt8(ascii: ",")) }
    first = false
    try wrap { () throws(ServiceError) in try skipBlanks() }
    return true
  }

  /// The next contract, in the file's order; nil after the last.
  func next() throws(DECPImport.SplitError) -> Item? {
    while true {
      switch state {
      case .start:
        try expect(UInt8(ascii: "{"))
        state = .top
        first = true
      case .top:
        guard try separator(close: UInt8(ascii: "}")) else {
          try wrap { () throws(ServiceError) in try skipBlanks() }
          guard version != nil, try wrap({ () throws(ServiceError) in try byte(pos) }) == nil else { throw .unexpected }
          state = .end
          continue
        }
        let k = try key(&topKeys)
        if k == "marches" {
          switch try wrap({ () throws(ServiceError) in try byte(pos) }) {
          case UInt8(ascii: "{"): version = .v2
          case UInt8(ascii: "["): version = .v15
          default: throw .unexpected
          }
          pos += 1
          state = version == .v2 ? .marches : .v15List
          first = true
        } else {
          let v = try parseValue(depth: 1)
          if k == "contrat-concession" { concessionsAtTop = v.arrayValue?.count ?? 0 }
        }
      case .marches:
        guard try separator(close: UInt8(ascii: "}")) else {
          state = .top
          first = false
          continue
        }
        let k = try key(&marchesKeys)
        if k == "marche" {
          guard try wrap({ () throws(ServiceError) in try byte(pos) }) == UInt8(ascii: "[") else { throw .unexpected }
          pos += 1
          state = .marcheList
          first = true
        } else {
          let v = try parseValue(depth: 2)
          if k == "contrat-concession" { concessionsInMarches = v.arrayValue?.count ?? 0 }
        }
      case .marcheList, .v15List:
        let v2 = state == .marcheList
        guard try separator(close: UInt8(ascii: "]")) else {
          state = v2 ? .marches : .top
          first = false
          continue
        }
        let end = try valueEnd(depth: v2 ? 3 : 2)
        let item = Item(number: number + 1, bytes: bytes(pos..<end))
        number += 1
        pos = end
        return item
      case .end:
        return nil
      }
    }
  }
}

extension DECPImport {
  /// Why a file could not be walked: left to the whole-file reader, or unreadable.
  enum SplitError: Error {
    case unexpected
    case failed(ServiceError)
  }
}
