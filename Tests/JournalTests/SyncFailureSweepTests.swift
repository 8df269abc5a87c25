import Foundation
import TestSupport
import Testing

@testable import Journal

/// A data sync that fails at any point of a commit — each of the syncs the
/// commit asks for, one at a time — never loses an event: the commit is
/// refused or its outcome said unknown (or it succeeds, if the failed sync was
/// not needed for it), and the next writer to open the journal finds every
/// earlier commit intact and this one whole or absent — present whenever it was
/// acknowledged — and goes on appending. A seal (the last segment rewritten
/// into frames) loses nothing either.
@Suite("A sync failing at any point of a commit")
struct SyncFailureSweepTests {
  /// The kinds of commit swept: each appends events 3..<n (a journal already holds 0..<3), and says
  /// which of them were acknowledged.
  enum Commit: String, CaseIterable, Sendable {
    case batch = "a batch"
    case newSegment = "a batch that opens a new segment"
    case streamed = "a streamed commit in three parts"
    case pipelined = "three pipelined batches"
    case seal = "a seal of a segment of three commits"

    /// The events the commit gives, in order.
    var events: [NewEvent] { (3..<12).map { Sample.event($0, id: SyncFailureSweepTests.id($0)) } }

    /// Runs the commit on `w`; returns how many of its events were acknowledged (durable, said so).
    func run(on w: Writer) throws -> Int {
      let events = self.events
      switch self {
      case .batch, .newSegment:
        try w.append(events)
        return events.count
      case .streamed:
        var parts = [Array(events[0..<3]), Array(events[3..<6]), Array(events[6...])][...]
        _ = try w.appendStream(next: { parts.popFirst() }, check: { _, _ in }, finish: {})
        return events.count
      case .seal:
        try w.seal()
        return events.count
      case .pipelined:
        var acknowledged = 0
        do {
          try w.append(batches: [Array(events[0..<3]), Array(events[3..<6]), Array(events[6...])]) { _, results in
            acknowledged += results.count
          }
        } catch {
          throw Failed(acknowledged: acknowledged, error: error)
        }
        return events.count
      }
    }

    /// What is committed before the fault is set: for a seal, the events in three commits.
    func prepare(_ w: Writer) throws {
      guard self == .seal else { return }
      for part in [events[0..<3], events[3..<6], events[6...]] { try w.append(Array(part)) }
    }

    func options(_ o: inout WriterOptions, io: FaultyIO) {
      o.io = io
      // Small segments: the first three events fill one, so the commit opens the next.
      if self == .newSegment { o.segmentBytes = 1200 }
    }
  }

  /// A pipelined append that failed after acknowledging some of its events.
  struct Failed: Error {
    var acknowledged: Int
    var error: any Error
  }

  static func id(_ n: Int) -> String { "00000000-0000-4000-8000-" + String(format: "%012d", n) }

  /// A journal holding events 0..<3 (and what `commit` prepares), its writer through a `FaultyIO`, the syncs counted from now.
  func start(_ commit: Commit, _ name: String) throws -> (journal: TestJournal, writer: Writer, io: FaultyIO) {
    let j = try TestJournal(name + commit.rawValue)
    let io = FaultyIO()
    let w = try j.writer { commit.options(&$0, io: io) }
    try w.append((0..<3).map { Sample.event($0, id: Self.id($0)) })
    try commit.prepare(w)
    io.syncs = 0
    return (j, w, io)
  }

  /// The syncs a commit of this kind asks for when the disk works.
  func syncsOf(_ commit: Commit) throws -> Int {
    let (j, w, io) = try start(commit, "count")
    let segments = try j.segmentPaths().count
    let acknowledged = try commit.run(on: w)
    #expect(acknowledged == commit.events.count)
    if commit == .newSegment || commit == .streamed {
      #expect(try j.segmentPaths().count == segments + 1, "\(commit.rawValue): no new segment")
    }
    // The journal's folder is removed when `j` goes: it lives until the syncs are counted.
    withExtendedLifetime(j) {}
    return io.syncs
  }

  @Test(arguments: Commit.allCases)
  func everyCommittedEventSurvives(_ commit: Commit) throws {
    let syncs = try syncsOf(commit)
    #expect(syncs >= 1, "\(commit.rawValue) asks for no sync")
    for n in 1...syncs {
      let (j, w, io) = try start(commit, "sweep")
      io.fault = .nthSyncError(EIO, n)
      var acknowledged = 0
      var failed = false
      do {
        acknowledged = try commit.run(on: w)
      } catch let error as Failed {
        acknowledged = error.acknowledged
        failed = true
      } catch {
        failed = true
      }
      let place = "\(commit.rawValue), sync \(n) of \(syncs) failing"
      // The failure reached the writer (or was not needed: then the commit succeeded whole).
      #expect(io.syncs >= n || !failed, "\(place): refused before the failing sync")
      io.fault = .none
      // The next writer to open the journal, with a working disk, decides and goes on.
      let next = try Writer(at: j.path)
      let ids = try j.all().map(\.id)
      let given = (0..<12).map(Self.id)
      #expect(ids == Array(given.prefix(ids.count)), "\(place): the journal holds a prefix of what was given, in order")
      #expect(ids.count >= 3 + acknowledged, "\(place): an acknowledged event is missing")
      if commit == .seal {
        #expect(ids.count == 12, "\(place): the seal lost events (\(ids.count) left)")
      } else if commit != .pipelined {
        #expect(ids.count == 3 || ids.count == 12, "\(place): the commit is neither whole nor absent (\(ids.count) events)")
      } else {
        #expect([3, 6, 9, 12].contains(ids.count), "\(place): a batch is neither whole nor absent (\(ids.count) events)")
      }
      #expect(try Verifier.verify(at: j.path).isIntact, "\(place): verify")
      let staging = try FileManager.default.contentsOfDirectory(atPath: j.segmentsFolder).filter { $0.hasSuffix(".staging") }
      #expect(staging.isEmpty, "\(place): a staging file is left: \(staging)")
      let after = try next.append([Sample.event(40, id: Self.id(40))])
      #expect(after[0].seq == UInt64(ids.count + 1), "\(place): the next append")
    }
  }
}
