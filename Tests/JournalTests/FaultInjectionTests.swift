import Foundation
import TestSupport
import Testing

@testable import Journal

/// A FileIO that fails on command: the n-th write (optionally after writing
/// part of it), or the n-th data sync.
final class FaultyIO: FileIO, @unchecked Sendable {
  enum Fault {
    case none
    case writeError(Int32, after: Int)
    case shortThenError(Int32)
    case syncError(Int32)
    /// Every data sync fails (a disk gone bad), and truncations too.
    case stickySyncAndTruncateError(Int32)
    /// The n-th sync — of a file's data or of a folder — counted from when the fault is set
    /// (``syncs`` set to 0) fails, once.
    case nthSyncError(Int32, Int)
  }
  let real = POSIXFileIO()
  let lock = NSLock()
  var fault: Fault = .none
  var writes = 0
  /// Syncs asked for, of files' data and of folders (counted whatever the fault).
  var syncs = 0
  /// Truncations fail with this errno when set.
  var truncateError: Int32? = nil

  func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Int {
    lock.lock()
    defer { lock.unlock() }
    writes += 1
    switch fault {
    case .writeError(let e, let after) where writes > after:
      return -Int(e)
    case .shortThenError(let e):
      if writes == 1 { return real.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<max(1, bytes.count / 3)]), at: offset) }
      return -Int(e)
    default:
      // Short writes everywhere: at most 7 bytes per call (the writer must loop).
      return real.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, 7)]), at: offset)
    }
  }

  func dataSync(_ fd: Int32) -> Int32 {
    lock.lock()
    defer { lock.unlock() }
    syncs += 1
    switch fault {
    case .nthSyncError(let e, let n) where syncs == n:
      fault = .none
      return e
    case .syncError(let e):
      fault = .none
      return e
    case .stickySyncAndTruncateError(let e):
      return e
    default:
      return real.dataSync(fd)
    }
  }

  func syncDirectory(_ path: String) -> Int32 {
    lock.lock()
    defer { lock.unlock() }
    syncs += 1
    if case .nthSyncError(let e, let n) = fault, syncs == n {
      fault = .none
      return e
    }
    return real.syncDirectory(path)
  }

  func truncate(_ fd: Int32, to size: Int64) -> Int32 {
    lock.lock()
    defer { lock.unlock() }
    if case .stickySyncAndTruncateError(let e) = fault { return e }
    if let e = truncateError { return e }
    return real.truncate(fd, to: size)
  }
}

@Suite("Write failures")
struct FaultInjectionTests {
  @Test(arguments: [
    ("ENOSPC on the first write", FaultyIO.Fault.writeError(ENOSPC, after: 0), JournalError.Code.diskFull),
    ("EIO after some writes", FaultyIO.Fault.writeError(EIO, after: 3), JournalError.Code.ioFailure),
    ("a short write then ENOSPC", FaultyIO.Fault.shortThenError(ENOSPC), JournalError.Code.diskFull),
  ])
  func aFailedCommitLeavesTheJournalAsItWas(label: String, fault: FaultyIO.Fault, code: JournalError.Code) throws {
    let j = try TestJournal("fault" + label)
    let io = FaultyIO()
    let w = try j.writer { $0.io = io }
    try w.append(Sample.events(0..<5))  // through 7-byte short writes: the writer loops
    let before = try j.snapshot()
    io.fault = fault
    io.writes = 0
    do {
      try w.append(Sample.events(5..<40))
      Issue.record("\(label): expected a failure")
    } catch {
      #expect(error.code == code, "\(label)")
      #expect(error.message.contains("segments/"), "\(label): the message names the file")
    }
    #expect(try j.snapshot() == before, "\(label): journal changed")
    io.fault = .none
    #expect(try w.append([Sample.event(99)])[0].seq == 6, "\(label): the writer goes on")
    #expect(try Verifier.verify(at: j.path).isIntact)
  }

  @Test func aFailureWhileCreatingTheFirstSegmentLeavesNoSegment() throws {
    let j = try TestJournal()
    let io = FaultyIO()
    io.fault = .writeError(ENOSPC, after: 0)
    let w = try j.writer { $0.io = io }
    #expect(throws: JournalError.self) { try w.append([Sample.event(1)]) }
    #expect(try j.segmentPaths().isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: j.segmentsFolder).isEmpty)
    io.fault = .none
    #expect(try w.append([Sample.event(1)])[0].seq == 1)
  }
}
