import Journal
import Projections

/// The bilan fold's checkpoint, in the journal's cache (`cache/bilan.ckpt`).
/// Trusted only if it is intact, of this code version, of THIS journal (its
/// last line is the journal's own line at that seq) and recorded before the cut.
struct BilanCheckpoint: Sendable {
  static let file = "bilan.ckpt"
  static let tag = "ESSBILN2"
  let cache: JournalCache

  func load(reader: Reader, before limit: Timestamp?) -> BilanProjection.State? {
    guard let payload = cache.read(Self.file, tag: Self.tag), let state = BilanProjection.decode(payload) else { return nil }
    guard let last = state.last else { return state }
    if let limit, last.recordedAt >= limit { return nil }
    guard let actual = try? reader.record(seq: last.seq), actual == last else { return nil }
    return state
  }

  /// Best effort: a checkpoint that cannot be written is only a slower next bilan.
  func save(_ state: BilanProjection.State) {
    _ = try? saveOrFail(state)
  }

  /// Writes it; returns its size.
  func saveOrFail(_ state: BilanProjection.State) throws(JournalError) -> Int {
    let bytes = BilanProjection.encode(state)
    try cache.write(bytes, name: Self.file, tag: Self.tag)
    return bytes.count
  }
}
