import Dispatch

/// Makes the items of `produce` one ahead on another thread: while the caller
/// works on item k (commits a part of an import), item k + 1 is made (read,
/// parsed, checked). At most one item waits, so memory stays that of two.
///
/// `produce` runs on one thread at a time, each run after the one before
/// ended, so its state needs no lock; the caller reads that state only once
/// ``next()`` returned nil or threw, or after ``finish()``. An object that
/// keeps its own `ReadAhead` gives it a closure holding it weakly (`[weak self]`).
///
/// ```swift
/// let parts = ReadAhead { () throws(ServiceError) -> [UInt8]? in try nextBlock() }
/// while let part = try parts.next() { try commit(part) }
/// ```
final class ReadAhead<Item>: @unchecked Sendable {
  let produce: () throws(ServiceError) -> Item?
  var ahead: DispatchSemaphore? = nil
  var result: Result<Item?, ServiceError> = .success(nil)

  init(_ produce: @escaping () throws(ServiceError) -> Item?) { self.produce = produce }

  /// The next item (nil at the end), the one after it started.
  ///
  /// - Throws: what `produce` threw (no item is made after).
  func next() throws(ServiceError) -> Item? {
    if ahead == nil { start() }
    ahead!.wait()
    let taken = result
    if case .success(let item) = taken, item != nil { start() } else { ahead = nil }
    return try taken.get()
  }

  /// Waits for the item being made, if any, and drops it (a caller that stops early).
  func finish() {
    ahead?.wait()
    ahead = nil
  }

  func start() {
    let done = DispatchSemaphore(value: 0)
    ahead = done
    DispatchQueue.global().async {
      do throws(ServiceError) {
        self.result = .success(try self.produce())
      } catch {
        self.result = .failure(error)
      }
      done.signal()
    }
  }
}
