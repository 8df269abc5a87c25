import Dispatch
import Synchronization
import Testing

@testable import Service

/// The parts of a large import are read in order, made on two threads, and given in order: all of them, never more
/// than `depth` waiting, the first failure (reading or making) at its place, and a thread that stops with its user.
@Suite("Part pipeline", .serialized)
struct PartPipelineTests {
  final class Counts: Sendable {
    /// Where the parts' busy work goes (so that it is not optimized away).
    let sink = Atomic<Int>(0)
    let taken = Atomic<Int>(0)
    let mostAhead = Atomic<Int>(0)
    let makers = Mutex<Set<String>>([])
  }

  // One case at a time (serialized suite): the pipeline's thread needs a core to run ahead at all.
  @Test(arguments: [1, 2, 3])
  func partsComeInOrderAndNeverMoreThanDepthWait(depth: Int) throws {
    let counts = Counts()
    let total = 300
    var next = 0
    let parts = PartPipeline<Int, String>(
      depth: depth,
      read: { () throws(ServiceError) -> Int? in
        guard next < total else { return nil }
        next += 1
        let ahead = next - counts.taken.load(ordering: .sequentiallyConsistent)
        counts.mostAhead.store(
          max(ahead, counts.mostAhead.load(ordering: .sequentiallyConsistent)), ordering: .sequentiallyConsistent)
        return next - 1
      },
      make: { n throws(ServiceError) -> String in
        // Some work, so that both threads make parts.
        var x = UInt64(n)
        for _ in 0..<(n % 7) * 5_000 { x = x &* 6_364_136_223_846_793_005 &+ 1 }
        counts.sink.store(Int(truncatingIfNeeded: x), ordering: .relaxed)
        return "part \(n)"
      })
    var got: [String] = []
    while let part = try parts.next() {
      counts.taken.add(1, ordering: .sequentiallyConsistent)
      got.append(part)
      // The caller's own work (a commit), slower than making a part: the thread runs ahead meanwhile, up to `depth`.
      var y = UInt64(got.count)
      for _ in 0..<60_000 { y = y &* 6_364_136_223_846_793_005 &+ 1 }
      counts.sink.store(Int(truncatingIfNeeded: y), ordering: .relaxed)
    }
    #expect(got == (0..<total).map { "part \($0)" })
    #expect(try parts.next() == nil)
    // Read and not taken: `depth` ahead, the one the caller makes, and one counted before it was taken.
    #expect(counts.mostAhead.load(ordering: .sequentiallyConsistent) <= depth + 2)
  }

  @Test func theFirstFailureComesAtItsPlaceAndEndsTheParts() throws {
    for failing in ["read", "make"] {
      var next = 0
      let parts = PartPipeline<Int, Int>(
        depth: 2,
        read: { () throws(ServiceError) -> Int? in
          next += 1
          if failing == "read" && next == 6 { throw ServiceError(.badInput, "Block 6 cannot be read.") }
          return next
        },
        make: { n throws(ServiceError) -> Int in
          if failing == "make" && n == 6 { throw ServiceError(.badInput, "Block 6 is bad.") }
          return n
        })
      var got: [Int] = []
      let error = #expect(throws: ServiceError.self) {
        while let n = try parts.next() { got.append(n) }
      }
      #expect(error?.message == (failing == "read" ? "Block 6 cannot be read." : "Block 6 is bad."))
      #expect(got == [1, 2, 3, 4, 5], "\(failing)")
      #expect(try parts.next() == nil)
      // Once the failure is thrown, nothing reads any more: the caller may look at the reader's state.
      let readThen = next
      #expect(readThen <= 6 + 2)
    }
  }

  @Test func aUserThatStopsEarlyStopsTheThread() throws {
    for early in [false, true] {
      let released = DispatchSemaphore(value: 0)
      do {
        let token = ReadAheadTests.Token(released)
        var next = 0
        // Endless parts: only the user stopping can end the thread.
        let parts = PartPipeline<Int, Int>(
          depth: 2,
          read: { () throws(ServiceError) -> Int? in
            _ = token
            next += 1
            return next
          },
          make: { n throws(ServiceError) -> Int in n })
        #expect(try parts.next() == 1)
        #expect(try parts.next() == 2)
        if early { parts.finish() }
      }
      #expect(released.wait(timeout: .now() + 60) == .success, "finish() called: \(early)")
    }
  }
}
