import Domain
import Journal
import Projections

/// The integrity model of one journal, kept between the appends of a ledger:
/// loaded from its checkpoint in the journal's cache (`cache/integrity.ckpt`,
/// trusted only if its last seq and hash are the journal's own), folded up
/// to the head, and saved again once enough events were folded past it.
final class IntegrityStore {
  static let file = "integrity.ckpt"
  static let tag = "ESSINTG2"
  let reader: Reader
  let cache: JournalCache
  /// The model as of the last append (nil until needed, or after a dry run).
  var model: IntegrityModel?
  var savedSeq: UInt64 = 0
  var checkpointEvery: UInt64 = 256

  init(journal path: String, io: any FileIO = POSIXFileIO()) throws(JournalError) {
    reader = try Reader(at: path)
    cache = try JournalCache(journal: path, io: io)
  }

  /// The model folded up to `head` — the one in memory, else the checkpoint,
  /// else from the start — taken out of the store (so that changing it copies
  /// nothing); give it back with ``keep(_:)``.
  func take(at head: UInt64) throws(ServiceError) -> IntegrityModel {
    var m: IntegrityModel
    if let kept = model, kept.lastSeq <= head {
      m = kept
    } else {
      m = loadCheckpoint(head: head) ?? IntegrityModel()
      savedSeq = m.lastSeq
    }
    model = nil
    guard m.lastSeq < head else { return m }
    do {
      var it = try reader.records(from: m.lastSeq + 1)
      var none: IntegrityModel.Undo? = nil
      let lookup: (UInt64) throws -> any StoredEvent = { [reader] in try reader.record(seq: $0) }
      while let r = try it.next(), r.seq <= head {
        try m.apply(r, hash: r.hash, lookup: lookup, undo: &none)
      }
    } catch {
      throw ServiceError.wrap(error)
    }
    return m
  }

  /// Keeps `model` for the next append.
  func keep(_ model: IntegrityModel) { self.model = model }

  func loadCheckpoint(head: UInt64) -> IntegrityModel? {
    guard let payload = cache.read(Self.file, tag: Self.tag), let m = IntegrityModel(decoding: payload), m.lastSeq <= head else {
      return nil
    }
    if m.lastSeq > 0 {
      guard let r = try? reader.record(seq: m.lastSeq), r.hash == m.lastHash else { return nil }
    }
    return m
  }

  /// Saves the checkpoint if enough events were folded since the last save (best effort: it is a cache).
  func saveIfDue() {
    guard let m = model, m.lastSeq >= savedSeq + checkpointEvery else { return }
    if (try? cache.write(m.encoded(), name: Self.file, tag: Self.tag)) != nil { savedSeq = m.lastSeq }
  }
}
