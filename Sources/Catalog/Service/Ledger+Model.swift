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
    guard let bytes = SideFile.read(checkpointPath), let m = IntegrityModel(decoding: bytes), m.lastSeq <= head else {
      return nil
    }
    if m.lastSeq > 0 {
      guard let r = try? reader.record(seq: m.lastSeq), r.hash == m.lastHash else { return nil }
    }
    return m
  }

  func saveCheckpointIfDue() throws {
    guard let m = model, m.lastSeq >= checkpointSeq + checkpointEvery else { return }
    SideFile.write(m.encoded(), to: checkpointPath)
    checkpointSeq = m.lastSeq
  }
}

/// Small cache files beside the journal: written to a temporary name and
/// renamed, so a reader sees the old or the new one, never half of one.
enum SideFile {
  static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 { return nil }
      if n == 0 { return out }
      out += chunk[0..<n]
    }
  }

  @discardableResult
  static func write(_ bytes: [UInt8], to path: String) -> Bool {
    let tmp = path + ".tmp"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return false }
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
      if n <= 0 {
        close(fd)
        unlink(tmp)
        return false
      }
      done += n
    }
    close(fd)
    return rename(tmp, path) == 0
  }
}
