import Domain
import Journal

/// Records by seq from a journal, for the corrections met while folding (they
/// are rare; the last ones asked are kept).
final class RecordLookup {
  let reader: Reader
  var cache: [UInt64: Record] = [:]

  init(_ reader: Reader) { self.reader = reader }

  func record(_ seq: UInt64) throws -> any StoredEvent {
    if let r = cache[seq] { return r }
    let r = try reader.record(seq: seq)
    if cache.count > 4096 { cache.removeAll(keepingCapacity: true) }
    cache[seq] = r
    return r
  }
}
