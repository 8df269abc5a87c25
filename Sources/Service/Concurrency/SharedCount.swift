import Synchronization

/// A count that several threads add to (lines parsed, for progress).
final class SharedCount: Sendable {
  private let value = Atomic<Int>(0)

  /// Adds `n`; returns the new total.
  func add(_ n: Int) -> Int { value.add(n, ordering: .relaxed).newValue }
}
