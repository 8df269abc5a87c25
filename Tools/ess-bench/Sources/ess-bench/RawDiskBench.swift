import Glibc

/// The floor: the events' JSON Lines, uncompressed, appended to a plain file
/// with one `write` + `fdatasync` per batch (or per event).
enum RawDiskBench {
  static func openFresh(_ path: String) -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
    guard fd >= 0 else { System.fail("cannot create \(path)") }
    return fd
  }

  static func durableWrite(_ fd: Int32, _ bytes: ArraySlice<UInt8>, _ path: String) {
    System.writeAll(fd, bytes, path)
    let r = fdatasync(fd)
    if r != 0 { System.fail("fdatasync \(path) failed") }
  }

  /// Times only write + fdatasync, batch after batch.
  static func bulk(path: String, gen: Generator, total: Int, batch: Int) -> UInt64 {
    let fd = openFresh(path)
    defer { close(fd) }
    var nanos: UInt64 = 0
    var start = 0
    while start < total {
      let b = gen.batch(start, min(batch, total - start))
      let t0 = System.now()
      durableWrite(fd, b.jsonl[...], path)
      nanos += System.now() - t0
      start += b.count
    }
    return nanos
  }

  /// One line, one write + fdatasync, `count` times.
  static func single(path: String, gen: Generator, count: Int) -> Latencies {
    let fd = openFresh(path)
    defer { close(fd) }
    var lat = Latencies()
    lat.nanos.reserveCapacity(count)
    for i in 0..<count {
      let b = gen.batch(i, 1)
      let t0 = System.now()
      durableWrite(fd, b.jsonl[...], path)
      lat.nanos.append(Double(System.now() - t0))
    }
    return lat
  }
}
