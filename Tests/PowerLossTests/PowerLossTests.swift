import Foundation
import TestSupport
import Testing

@testable import Domain
@testable import Journal
@testable import Service

/// The journal under simulated power cuts: each command's changes are
/// recorded (``RecordingIO``), then, for crash points along the record, disk
/// images are rebuilt where every change not yet synced was kept, dropped,
/// torn, garbled or lost in part (``CrashImage``). On each image: every
/// acknowledged event is there, byte for byte; no commit is half there; the
/// journal opens, takes an append through every rule, verifies, and its bilan
/// from checkpoints equals the bilan folded from scratch.
@Suite("Power loss", .serialized)
struct PowerLossTests {
  /// One run of commands over a recorded journal, and what it acknowledged.
  final class Harness {
    let root: String
    let journal: String
    let io: RecordingIO
    let base: CrashImage.Base
    let clock = TestClock("2024-01-15T09:00:00.000Z")
    var rng: Seeded
    /// (record position when the call returned, what it acknowledged).
    var acknowledged: [(at: Int, events: [Appended])] = []
    /// The ids of each batch tried (a batch is whole or absent).
    var batches: [[String]] = []
    /// Where in the record each batch was tried (for the tally).
    var triedAt: [Int] = []
    /// Batches refused for sure (nothing written): never present.
    var refused: [[String]] = []
    var options: WriterOptions

    init(_ name: String, seed: UInt64, created: Bool = true, prepare: (String) throws -> Void = { _ in }) throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("ess-power-\(name)-\(UUID().uuidString.prefix(6))").path
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
      journal = root + "/j"
      if created { try Writer.create(at: journal) }
      try prepare(journal)
      base = CrashImage.Base(root: root)
      io = RecordingIO(root: root)
      rng = Seeded(seed: seed)
      options = WriterOptions()
      options.io = io
      options.clock = clock.function
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func id() -> String {
      var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
      bytes[6] = bytes[6] & 0x0F | 0x40
      bytes[8] = bytes[8] & 0x3F | 0x80
      let hex = bytes.map { String(format: "%02x", $0) }.joined()
      let h = Array(hex)
      return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20..<32])
    }

    func books(_ n: Int, _ id: String? = nil) -> NewEvent {
      NewEvent(
        id: id ?? self.id(), type: "books.donation-counted", occurredOn: "2022-0\(n % 9 + 1)-1\(n % 9)", author: "p.loss",
        source: "compteur \(n)",
        data: ["books": .number(JSONNumber(Int64(n + 1))), "site": .string("site " + String(repeating: "x", count: n % 7 * 25))])
    }

    func ledger() throws -> Ledger {
      let l = try Ledger(journal: journal, options: options)
      return l
    }

    /// Appends through a ledger, noting what was tried and what came back.
    @discardableResult
    func append(_ events: [NewEvent], on ledger: Ledger) throws -> [Appended] {
      clock.advance()
      batches.append(events.compactMap(\.id))
      triedAt.append(io.count)
      let done = try ledger.append(events)
      acknowledged.append((io.count, done))
      return done
    }

    /// Runs `body`; a refusal that leaves nothing written is noted as such, an unknown outcome as possibly there.
    func tolerating(_ ids: [String], _ body: () throws -> Void) -> ServiceError.Code? {
      do {
        try body()
        return nil
      } catch let error as ServiceError {
        if error.code != .outcomeUnknown { refused.append(ids) }
        return error.code
      } catch {
        refused.append(ids)
        return .ioFailure
      }
    }
  }

  /// What the images of one run showed.
  struct Tally: CustomStringConvertible {
    var images = 0
    var notYetAJournal = 0
    var tailSetAside = 0
    var unacknowledgedPresent = 0
    var unacknowledgedAbsent = 0
    var unsynced = 0
    var fates = CrashImage.Summary()

    var description: String {
      "\(images) images (\(notYetAJournal) before the journal existed), \(tailSetAside) tails set aside, unacknowledged commits: \(unacknowledgedPresent) kept / \(unacknowledgedAbsent) gone; unsynced changes \(fates.unsynced): \(fates.kept) kept, \(fates.dropped) dropped, \(fates.torn) torn, \(fates.garbled) garbled, \(fates.lostSector) missing a sector or page, \(fates.namesLost) names lost"
    }
  }

  /// Crash points along the record: all of them for short records, else evenly spread, the end included.
  static func points(_ count: Int, most: Int = 120) -> [Int] {
    guard count > most else { return Array(0...count) }
    return (0..<most).map { $0 * count / most } + [count]
  }

  /// Builds the images of `h`'s record and checks each one.
  func check(_ h: Harness, _ name: String, fatesPerPoint: Int = 3, sourceLocation: SourceLocation = #_sourceLocation) throws -> Tally {
    let ops = h.io.ops
    var tally = Tally()
    var rng = Seeded(seed: 0xC0FFEE ^ UInt64(ops.count))
    let image = h.root + "/image"
    for k in Self.points(ops.count) {
      for _ in 0..<fatesPerPoint {
        let summary = try CrashImage.build(base: h.base, ops: ops, crashBefore: k, root: h.root, destination: image, using: &rng)
        tally.images += 1
        tally.fates.unsynced += summary.unsynced
        tally.fates.kept += summary.kept
        tally.fates.dropped += summary.dropped
        tally.fates.torn += summary.torn
        tally.fates.garbled += summary.garbled
        tally.fates.lostSector += summary.lostSector
        tally.fates.namesLost += summary.namesLost
        try checkImage(h, image: image + "/j", crashBefore: k, tally: &tally, name: name, sourceLocation: sourceLocation)
      }
    }
    print("power loss — \(name): \(ops.count) changes recorded; \(tally)")
    return tally
  }

  func checkImage(
    _ h: Harness, image: String, crashBefore k: Int, tally: inout Tally, name: String, sourceLocation: SourceLocation
  ) throws {
    let acked = h.acknowledged.filter { $0.at <= k }.flatMap(\.events)
    let context = "\(name), crash before change \(k)"
    // Not a journal yet: only before `create` returned, and then it can be made.
    if (try? Reader(at: image)) == nil {
      #expect(acked.isEmpty, "\(context): acknowledged events but no journal", sourceLocation: sourceLocation)
      tally.notYetAJournal += 1
      try? FileManager.default.createDirectory(atPath: image, withIntermediateDirectories: true)
      try Writer.create(at: image)
      return
    }
    // It opens (recovery included): nothing acknowledged was damaged.
    let writer: Writer
    do {
      writer = try Writer(at: image)
    } catch {
      Issue.record("\(context): the journal does not open: \(error.message)", sourceLocation: sourceLocation)
      return
    }
    tally.tailSetAside += writer.recoveryNotes.count
    var records: [Record] = []
    try Reader(at: image).forEach { records.append($0.detached()) }
    // Every acknowledged event, byte for byte (its hash covers its line and all before it).
    for a in acked {
      guard a.seq >= 1, Int(a.seq) <= records.count else {
        Issue.record("\(context): acknowledged seq \(a.seq) is missing (\(records.count) events)", sourceLocation: sourceLocation)
        continue
      }
      let r = records[Int(a.seq) - 1]
      #expect(r.id == a.id && r.hash == a.hash, "\(context): seq \(a.seq) differs", sourceLocation: sourceLocation)
    }
    // No commit half there, nothing that was refused, nothing that was never tried.
    let present = Set(records.map(\.id))
    let tried = Set(h.batches.joined())
    for r in records where !tried.contains(r.id) {
      Issue.record("\(context): seq \(r.seq) was never appended", sourceLocation: sourceLocation)
    }
    let ackedIDs = Set(acked.map(\.id))
    for (b, batch) in h.batches.enumerated() where !batch.isEmpty {
      let n = batch.filter(present.contains).count
      #expect(n == 0 || n == batch.count, "\(context): a commit is half there (\(n) of \(batch.count))", sourceLocation: sourceLocation)
      if h.triedAt[b] < k, batch.allSatisfy({ !ackedIDs.contains($0) }) {
        if n == batch.count { tally.unacknowledgedPresent += 1 } else { tally.unacknowledgedAbsent += 1 }
      }
    }
    for batch in h.refused where batch.contains(where: present.contains) && !batch.allSatisfy(ackedIDs.contains) {
      Issue.record("\(context): a refused commit is there", sourceLocation: sourceLocation)
    }
    // It goes on: an append through every rule, a whole check, bilans from checkpoints as from scratch.
    let ledger = try Ledger(journal: image)
    let after = try ledger.append([
      NewEvent(type: "books.donation-counted", occurredOn: "2022-12-31", author: "after", data: ["books": 1])
    ])
    #expect(after[0].seq == UInt64(records.count + 1), "\(context)", sourceLocation: sourceLocation)
    let report = try Verifier.verify(at: image)
    #expect(report.isIntact, "\(context): \(report.damage?.message ?? "")", sourceLocation: sourceLocation)
    let cached = try BilanReader(journal: image).bilan(year: 2022)
    let scratch = try BilanReader(journal: image, useCheckpoint: false).bilan(year: 2022)
    #expect(cached == scratch, "\(context): a checkpoint changed the bilan", sourceLocation: sourceLocation)
  }

  // MARK: - Runs

  @Test func appendsOneByOneAndInBatches() throws {
    let h = try Harness("appends", seed: 1)
    let ledger = try h.ledger()
    for n in 0..<5 { try h.append([h.books(n)], on: ledger) }
    try h.append((5..<9).map { h.books($0) }, on: ledger)
    try h.append([h.books(9)], on: ledger)
    _ = try check(h, "appends")
  }

  @Test func anImportOfSeveralFrames() throws {
    let h = try Harness("import", seed: 2)
    h.options.frameBytes = 2048
    let ledger = try h.ledger()
    try h.append([h.books(0)], on: ledger)
    try h.append((1..<80).map { h.books($0) }, on: ledger)
    try h.append([h.books(80)], on: ledger)
    _ = try check(h, "import of several frames")
  }

  @Test func aStreamedImport() throws {
    // An import staged part by part in a file of its own, then placed by a rename: whole or absent.
    let h = try Harness("stream", seed: 9)
    h.options.frameBytes = 1024
    let ledger = try h.ledger()
    try h.append([h.books(0)], on: ledger)
    let parts = (0..<4).map { p in (1..<8).map { h.books(p * 10 + $0) } }
    h.clock.advance()
    h.batches.append(parts.joined().compactMap(\.id))
    h.triedAt.append(h.io.count)
    var remaining = parts[...]
    let outcome = try ledger.appendStream(dryRun: false) { () throws(ServiceError) -> Ledger.Part? in
      guard let part = remaining.popFirst() else { return nil }
      return Ledger.Part(
        events: try Ledger.normalize(part, batch: Batch(lines: nil, count: part.count)), lines: part.indices.map { $0 + 1 })
    }
    let seqs = try #require(outcome.summary.seqs)
    let written = try allRecords(h.journal).filter { seqs.contains($0.seq) }
    h.acknowledged.append(
      (h.io.count, written.map { Appended(seq: $0.seq, id: $0.id, hash: $0.hash, recordedAt: $0.recordedAt, existed: false) }))
    #expect(written.count == 28)
    try h.append([h.books(99)], on: ledger)
    _ = try check(h, "a streamed import", fatesPerPoint: 2)
  }

  @Test func correctionsRetractionsAndTheIntegrityCheckpoint() throws {
    let h = try Harness("corrections", seed: 3)
    let ledger = try h.ledger()
    func event(_ type: String, _ on: String, _ data: JSONValue, reason: String? = nil) -> NewEvent {
      NewEvent(id: h.id(), type: type, occurredOn: on, author: "p.loss", reason: reason, data: data)
    }
    try h.append(
      [
        event(
          "procurement.contract-awarded", "2022-03-01",
          [
            "contractId": "c-1", "title": "T", "buyer": "ville", "awardee": "A", "amountEUR": 1000, "socialClause": true,
            "environmentalClause": false, "awardeeIsESS": true, "awardeeIsSME": true, "awardeeIsLocal": true,
          ])
      ], on: ledger)
    try h.append(
      [
        event(
          "procurement.insertion-hours-reported", "2022-06-30",
          ["contractId": "c-1", "insertionHours": 100, "trainingHours": 10, "beneficiaries": 3, "beneficiariesInQPV": 1])
      ], on: ledger)
    try h.append(
      [
        event(
          "event.corrected", "2024-01-15",
          [
            "target": 2,
            "data": ["contractId": "c-1", "insertionHours": 90, "trainingHours": 10, "beneficiaries": 3, "beneficiariesInQPV": 1],
          ], reason: "recompte")
      ], on: ledger)
    try h.append([h.books(1)], on: ledger)
    try h.append([event("event.retracted", "2024-01-15", ["target": 4], reason: "doublon")], on: ledger)
    _ = try check(h, "corrections and the integrity checkpoint")
  }

  @Test func aRetryWithTheSameIdAppendsNothing() throws {
    let h = try Harness("retry", seed: 4)
    let ledger = try h.ledger()
    let event = h.books(3)
    try h.append([event], on: ledger)
    let again = try h.append([event], on: try h.ledger())
    #expect(again[0].existed && again[0].seq == 1)
    try h.append([h.books(4)], on: ledger)
    _ = try check(h, "retries with --id")
  }

  @Test func segmentsRollOverAndAreSealed() throws {
    let h = try Harness("seal", seed: 5)
    h.options.segmentBytes = 3000
    h.options.frameBytes = 1024
    let ledger = try h.ledger()
    for n in 0..<24 { try h.append([h.books(n)], on: ledger) }
    _ = try check(h, "seals and segment roll-over", fatesPerPoint: 2)
  }

  @Test func theRecoveryOfATornTail() throws {
    // The journal holds a commit, then the torn start of another (written before the recording).
    let h = try Harness("torn", seed: 6) { journal in
      let w = try Writer(at: journal)
      try w.append([NewEvent(type: "books.donation-counted", occurredOn: "2022-01-01", author: "x", data: ["books": 1])])
      let segment = journal + "/segments/" + (try FileManager.default.contentsOfDirectory(atPath: journal + "/segments").sorted().last!)
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: segment))
      handle.seekToEndOfFile()
      handle.write(Data("\u{4}\"M\u{18}torn commit".utf8))
      try handle.close()
    }
    // The first event was acknowledged before the recording: it is part of the base.
    let first = try Reader(at: h.journal).record(seq: 1)
    h.batches.append([first.id])
    h.triedAt.append(0)
    h.acknowledged.append((0, [Appended(seq: 1, id: first.id, hash: first.hash, recordedAt: first.recordedAt, existed: false)]))
    let ledger = try h.ledger()  // recovery sets the torn bytes aside, through the recorded layer
    try h.append([h.books(2)], on: ledger)
    _ = try check(h, "recovery of a torn tail")
  }

  @Test func aRebuildOfTheBilanCheckpoint() throws {
    let h = try Harness("rebuild", seed: 7)
    let ledger = try h.ledger()
    for n in 0..<4 { try h.append([h.books(n)], on: ledger) }
    _ = try BilanReader(journal: h.journal, io: h.io).rebuild()
    try h.append([h.books(5)], on: ledger)
    _ = try BilanReader(journal: h.journal, io: h.io).rebuild()
    _ = try check(h, "rebuild")
  }

  @Test func theCreationOfAJournal() throws {
    let h = try Harness("init", seed: 8, created: false)
    try Writer.create(at: h.journal, io: h.io)
    h.acknowledged.append((h.io.count, []))
    let ledger = try h.ledger()
    try h.append([h.books(1)], on: ledger)
    _ = try check(h, "init")
  }

  // MARK: - Faults

  static let faults: [(String, [RecordingIO.Fault])] = [
    ("ENOSPC on a write", [.init(.write, errno: ENOSPC, after: 2)]),
    ("EIO on a write", [.init(.write, errno: EIO, after: 1)]),
    ("a short write, then ENOSPC", [.init(.shortWrite, errno: ENOSPC, after: 1)]),
    ("a failing flush", [.init(.sync, errno: EIO, after: 1)]),
    ("a failing flush and truncate", [.init(.sync, errno: EIO, after: 1), .init(.truncate, errno: EIO)]),
    ("sticky flush failures", [.init(.sync, errno: EIO, after: 1, sticky: true)]),
    ("sticky flush and truncate failures", [.init(.sync, errno: EIO, after: 1, sticky: true), .init(.truncate, errno: EIO, sticky: true)]),
  ]

  @Test(arguments: faults.indices)
  func faultsSinglyAndTogether(_ i: Int) throws {
    let (label, faults) = Self.faults[i]
    let h = try Harness("fault\(i)", seed: 100 + UInt64(i))
    let ledger = try h.ledger()
    try h.append([h.books(0)], on: ledger)
    try h.append([h.books(1), h.books(2)], on: ledger)
    for f in faults { h.io.inject(f) }
    let failing = [h.books(3), h.books(4), h.books(5)]
    h.batches.append(failing.compactMap(\.id))
    h.triedAt.append(h.io.count)
    let code = h.tolerating(failing.compactMap(\.id)) { try ledger.append(failing) }
    #expect(code != nil, "\(label): the fault was not met")
    h.io.heal()
    // A new ledger (the old writer may have stopped) goes on once the disk works again.
    let next = try h.ledger()
    try h.append([h.books(6)], on: next)
    if code != .outcomeUnknown {
      // Refused for sure: not there now either.
      var ids: [String] = []
      try Reader(at: h.journal).forEach { ids.append($0.id) }
      let present = Set(ids)
      #expect(failing.compactMap(\.id).allSatisfy { !present.contains($0) }, "\(label)")
    }
    _ = try check(h, "fault: \(label) → \(code.map { "\($0)" } ?? "none")", fatesPerPoint: 2)
  }

}
