import Journal
import Projections

extension Ledger {
  /// Makes the journal's indexes again from its events: the frame index of
  /// every segment, and the integrity index (the whole journal folded) —
  /// each under the writer's lock. They are caches, checked before use and
  /// rebuilt when stale; this makes them whole at once (after an upgrade, or
  /// to take a first lookup's cost ahead of time).
  ///
  /// - Returns: the frames indexed, and the seq the integrity index covers.
  /// - Throws: ``ServiceError`` if the journal cannot be read or locked.
  public func rebuildIndexes() throws(ServiceError) -> (frames: Int, seq: UInt64) {
    do {
      let frames = try writer.reindex()
      let seq = try writer.whileLocked { () throws -> UInt64 in
        store.discardIndex()
        let head = writer.head
        _ = try store.take(at: head.seq, hash: head.hash, persist: true)
        store.model = nil
        return head.seq
      }
      return (frames, seq)
    } catch {
      throw ServiceError.wrap(error)
    }
  }
}
