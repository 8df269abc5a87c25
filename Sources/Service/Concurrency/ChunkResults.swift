import Synchronization

/// Per-chunk results of a parallel pass: each chunk writes only its own slot,
/// the caller takes them out (moved, not copied) once the pass is over.
final class ChunkResults<T: Sendable>: Sendable {
  private let slots: Mutex<[T?]>

  init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

  func set(_ i: Int, _ value: T) { slots.withLock { $0[i] = value } }

  /// The slot's result, moved out (the slot is emptied, so arrays stay unique: no copy).
  func take(_ i: Int) -> T? { slots.withLock { $0[i].take() } }
}
