import Dispatch
import Synchronization
import Testing

@testable import Service

/// The parts of a large import are made ahead on another thread: in order, all of them, never more than `depth`
/// waiting, the first failure ending them, and a maker that stops when its user is gone.
@Suite("Read ahead")
struct ReadAheadTests {
  /// Counts of items made and taken, shared with the maker's thread.
  final class Counts: Sendable {
    let made = Atomic<Int>(0)
    let taken = Atomic<Int>(0)
    /// The most items ever made and not taken yet, counting the one being made.
    let mostAhead = Atomic<Int>(0)
  }

  @Test(arguments: [1, 2, 3])
  func itemsComeInOrderAndNeverMoreThanDepthWait(depth: Int) throws {
    let counts = Counts()
    let total = 200
    let parts = ReadAhead(depth: depth) { () throws(ServiceError) -> Int? in
      let n = counts.made.load(ordering: .sequentiallyConsistent)
      guard n < total else { return nil }
      let ahead = n + 1 - counts.taken.load(ordering: .sequentiallyConsistent)
      counts.mostAhead.store(max(ahead, counts.mostAhead.load(ordering: .sequentiallyConsistent)), ordering: .sequentiallyConsistent)
      counts.made.store(n + 1, ordering: .sequentiallyConsistent)
      return n
    }
    var got: [Int] = []
    while let n = try parts.next() {
      // Taken, then (slowly, now and then) used: the maker runs ahead meanwhile.
      counts.taken.add(1, ordering: .sequentiallyConsistent)
      got.append(n)
      if n % 10 == 0 { for _ in 0..<20_000 { _ = counts.made.load(ordering: .relaxed) } }
    }
    #expect(got == Array(0..<total))
    #expect(try parts.next() == nil)
    // The item in use is taken; `depth` made after it wait, and one more is being made.
    #expect(counts.mostAhead.load(ordering: .sequentiallyConsistent) <= depth + 1)
  }

  @Test func theFirstFailureEndsTheItems() throws {
    let counts = Counts()
    let parts = ReadAhead(depth: 2) { () throws(ServiceError) -> Int? in
      let n = counts.made.add(1, ordering: .sequentiallyConsistent).newValue
      if n == 5 { throw ServiceError(.badInput, "Item 5 is bad.") }
      return n
    }
    var got: [Int] = []
    let error = #expect(throws: ServiceError.self) {
      while let n = try parts.next() { got.append(n) }
    }
    #expect(error?.message == "Item 5 is bad.")
    #expect(got == [1, 2, 3, 4])
    #expect(try parts.next() == nil)
    // Nothing was made after the failure.
    #expect(counts.made.load(ordering: .sequentiallyConsistent) == 5)
  }

  /// Signals when it is released: the maker's thread no longer holds what makes the items (used by PartPipelineTests too).
  final class Token: Sendable {
    let released: DispatchSemaphore
    init(_ released: DispatchSemaphore) { self.released = released }
    deinit { released.signal() }
  }

  @Test func aUserThatStopsEarlyStopsTheMaker() throws {
    for early in [false, true] {
      let released = DispatchSemaphore(value: 0)
      let counts = Counts()
      do {
        let token = Token(released)
        // Endless items: only the user stopping can end the maker.
        let parts = ReadAhead(depth: 2) { () throws(ServiceError) -> Int? in
          _ = token
          return counts.made.add(1, ordering: .sequentiallyConsistent).newValue
        }
        #expect(try parts.next() == 1)
        #expect(try parts.next() == 2)
        // Either told to finish, or simply dropped.
        if early { parts.finish() }
      }
      // A maker still running (or waiting for room) would hold the token for ever; the wait is a safety net only.
      #expect(released.wait(timeout: .now() + 60) == .success, "finish() called: \(early)")
      let after = counts.made.load(ordering: .sequentiallyConsistent)
      #expect(after <= 2 + 2 + 1)
    }
  }
}
