import Journal

#if canImport(Glibc)
  import Glibc
#endif

extension Ledger {
  var checkpointPath: String { path + "/index/integrity.ckpt" }

  /// Loads the checkpoint (if it agrees with the journal) and folds what follows, up to `head`.
  func catchUp(to head: UInt64) throws {
    let reader = try Reader(at: path)
    if model == nil || model!.lastSeq > head {
      model = loadCheckpoint(reader: reader, head: head) ?? IntegrityModel()
      checkpointSeq = model!.lastSeq
    }
    guard model!.lastSeq < head else { return }
    var it = try reader.records(from: model!.lastSeq + 1)
    var none: IntegrityModel.Undo? = nil
    while let r = try it.next(), r.seq <= head {
      let data = try r.data()
      let day = ParisTime.validDate(of: r.occurredOn).map { Int32($0.daysSince1970) }
      model!.apply(seq: r.seq, hash: r.hash, type: r.type, day: day, data: data, undo: &none)
    }
  }

  func loadCheckpoint(reader: Reader, head: UInt64) -> IntegrityModel? {
    guard let bytes = CacheFile.read(checkpointPath), let m = IntegrityModel(decoding: bytes), m.lastSeq <= head else {
      return nil
    }
    if m.lastSeq > 0 {
      guard let r = try? reader.record(seq: m.lastSeq), r.hash == m.lastHash else { return nil }
    }
    return m
  }

  func saveCheckpointIfDue() throws {
    guard let m = model, m.lastSeq >= checkpointSeq + checkpointEvery else { return }
    CacheFile.write(m.encoded(), to: checkpointPath)
    checkpointSeq = m.lastSeq
  }
}
