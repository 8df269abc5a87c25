import Foundation
import TestSupport
import Testing

@testable import Journal

/// Segments are standard LZ4: the reference `lz4` CLI reads them as they are.
@Suite("lz4 CLI interop")
struct InteropTests {
  @Test func lz4DecompressesEverySegmentToExactlyTheEvents() throws {
    let lz4 = try #require(Tools.which("lz4"), "the lz4 CLI is needed (apt-get install lz4)")
    let j = try TestJournal()
    let w = try j.writer {
      $0.segmentBytes = 20_000
      $0.frameBytes = 64000
    }
    for n in 0..<60 { try w.append([Sample.event(n)]) }  // sealed segments of many small frames
    try w.append(Sample.events(60..<200))  // one large commit, several frames
    try w.append([Sample.event(200)])  // an open segment
    let records = try j.all()
    var concatenated = ""
    var sawSealed = false
    var sawOpen = false
    for path in try j.segmentPaths() {
      let name = URL(fileURLWithPath: path).lastPathComponent
      let (map) = try SegmentFile.map(layout: JournalLayout(root: j.path), name: name).map
      if map.header.sealed { sawSealed = true } else { sawOpen = true }
      let test = try Tools.run(lz4, ["-t", path])
      #expect(test.status == 0, "lz4 -t \(name)")
      let out = try Tools.run(lz4, ["-dc", path])
      #expect(out.status == 0, "lz4 -dc \(name)")
      let expected = records.filter { $0.seq >= map.header.firstSeq && $0.seq < map.nextSeq }.map { $0.line + "\n" }.joined()
      #expect(out.stdout == expected, "lz4 -dc \(name) prints exactly its events")
      concatenated += out.stdout
    }
    #expect(sawSealed && sawOpen)
    #expect(concatenated == records.map { $0.line + "\n" }.joined())
    #expect(concatenated.split(separator: "\n").count == 201)
  }

  @Test func ourFrameWalkerAgreesWithFramesMadeByTheLZ4CLI() throws {
    let lz4 = try #require(Tools.which("lz4"))
    let dir = FileManager.default.temporaryDirectory.path + "/ess-lz4-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var rng = Seeded(seed: 3)
    let text = (0..<20000).map { _ in String(UInt64.random(in: 0...999, using: &rng)) }.joined(separator: ",")
    try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/in"))
    for flags in [["-B4"], ["-B4", "--content-size", "-BX"], ["-B5", "--no-frame-crc"], ["-B7", "-BD"]] {
      #expect(try Tools.run(lz4, flags + ["-f", "-q", dir + "/in", dir + "/out.lz4"]).status == 0)
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/out.lz4")))
      #expect(SegmentMap.frameLength(bytes, at: 0) == bytes.count, "\(flags)")
      #expect(SegmentMap.frameLength(Array(bytes.dropLast()), at: 0) == nil, "\(flags): truncated")
      var out: [UInt8] = []
      try LZ4Frame.decompress(bytes[...], into: &out)
      #expect(out == Array(text.utf8), "\(flags)")
    }
  }
}
