import Foundation
import TestSupport
import Testing

@testable import Journal

/// Several processes: crashes by SIGKILL, concurrent writers, a file-size limit.
/// They drive the `ess-stress` helper, which prints one line per durable commit.
@Suite("Processes", .serialized)
struct ProcessTests {
  @Test func killedWritersNeverLoseAnAcknowledgedCommit() throws {
    let j = try TestJournal()
    var rng = Seeded(seed: 2026)
    var acknowledged: [UInt64: String] = [:]
    for round in 0..<50 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: Tools.built("ess-stress")!)
      let batch = [1, 3, 20, 100][round % 4]
      p.arguments = ["loop", j.path, String(batch), "r\(round)"]
      // Small segments, so that kills also land during sealing and segment creation.
      p.environment = ["ESS_STRESS_SEGMENT_BYTES": "40000"]
      let pipe = Pipe()
      p.standardOutput = pipe
      try p.run()
      usleep(UInt32.random(in: 30_000...250_000, using: &rng))
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      for line in out.split(separator: "\n") {
        let parts = line.split(separator: " ")
        if parts.count == 3, parts[0] == "ok", let seq = UInt64(parts[1]) { acknowledged[seq] = String(parts[2]) }
      }
      // Every acknowledged seq is there (full verification every 10 rounds and at the end).
      let maxAck = acknowledged.keys.max() ?? 0
      #expect(try Reader(at: j.path).head().seq >= maxAck, "round \(round): acknowledged \(maxAck)")
      if round % 10 == 9 {
        let report = try Verifier.verify(at: j.path)
        #expect(report.isIntact, "round \(round): \(report.damage?.message ?? "")")
        #expect(report.headSeq >= maxAck, "round \(round): acknowledged \(maxAck), head \(report.headSeq)")
      }
    }
    #expect(acknowledged.count >= 25, "the child should commit in most rounds")
    var checked = 0
    try Reader(at: j.path).forEach { r in
      if let h = acknowledged[r.seq] {
        #expect(r.hash.description == h)
        checked += 1
      }
    }
    #expect(checked == acknowledged.count)
    // And the journal takes appends afterwards, right after its last commit.
    let head = try Verifier.verify(at: j.path).headSeq
    #expect(try j.writer().append([Sample.event(1)])[0].seq == head + 1)
  }

  @Test func fourProcessesAppendAThousandEachAtOnce() throws {
    let j = try TestJournal()
    var processes: [(Process, Pipe)] = []
    for k in 0..<4 {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: Tools.built("ess-stress")!)
      p.arguments = ["append", j.path, "1000", "w\(k)"]
      p.environment = ["ESS_STRESS_SEGMENT_BYTES": "200000"]
      let pipe = Pipe()
      p.standardOutput = pipe
      processes.append((p, pipe))
    }
    for (p, _) in processes { try p.run() }
    var seqs: [UInt64] = []
    for (p, pipe) in processes {
      let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      #expect(p.terminationStatus == 0)
      seqs += out.split(separator: "\n").compactMap { $0.hasPrefix("ok ") ? UInt64($0.dropFirst(3)) : nil }
    }
    #expect(seqs.sorted() == Array(1...4000))
    let records = try j.all()
    #expect(records.map(\.seq) == Array(1...4000))
    #expect(
      Dictionary(grouping: records, by: \.author).mapValues(\.count) == [
        "stress-w0": 1000, "stress-w1": 1000, "stress-w2": 1000, "stress-w3": 1000,
      ])
    let report = try Verifier.verify(at: j.path)
    #expect(report.isIntact && report.events == 4000 && report.segments > 1)
  }

  @Test func aCommitThatHitsTheFileSizeLimitLeavesTheJournalByteIdentical() throws {
    let j = try TestJournal()
    try j.writer().append(Sample.events(0..<20))
    let before = try j.snapshot()
    let size = try Data(contentsOf: URL(fileURLWithPath: try j.segmentPaths()[0])).count
    for extra in [0, 1, 100, 2000] {
      let (status, out, _) = try Tools.run(Tools.built("ess-stress")!, ["fsize", j.path, String(size + extra), "300"])
      #expect(status == 3, "limit +\(extra): \(out)")
      #expect(out.contains("diskFull") && out.contains("nothing was committed"))
      #expect(try j.snapshot() == before, "limit +\(extra)")
    }
    #expect(try Verifier.verify(at: j.path).isIntact)
    #expect(try j.writer().append([Sample.event(1)])[0].seq == 21)
  }
}
