import Dispatch
import Foundation

/// The parts of a large import, made ahead on another thread — and by the
/// user itself whenever the part it needs is not started yet.
///
/// A part is *read* (`read`: the next block of the file, in order, one
/// reader at a time; cheap) then *made* (`make`: parsed, typed, checked;
/// costly, and independent of every other part, so two parts may be made at
/// once). A thread of its own reads and makes parts ahead, at most `depth`
/// not yet taken. When ``next()`` finds its part not even started, the
/// caller reads and makes it itself instead of waiting: while the commit is
/// the slower, the other thread runs ahead; while making parts is the
/// slower, both cores make them. (With a single maker, the faster of the two
/// sides waited; about a tenth of a large import's time.)
///
/// Parts come out in order. A failure (of `read` or `make`) is given at its
/// place, after every part before it, and ends the parts. `make` must touch
/// no shared state; `read` may (it runs on one thread at a time, in order),
/// and the caller reads that state only once ``next()`` returned nil or
/// threw, or after ``finish()``. A pipeline dropped before its end stops its
/// thread after the part being made.
///
/// ```swift
/// let parts = PartPipeline(depth: 2, read: { try file.nextBlock() }, make: { block in try parse(block) })
/// while let part = try parts.next() { try commit(part) }
/// ```
final class PartPipeline<Block, Item>: @unchecked Sendable {
  /// What the pipeline's thread and its user share (the thread holds this, not the pipeline).
  final class Shared: @unchecked Sendable {
    let read: () throws(ServiceError) -> Block?
    let make: (Block) throws(ServiceError) -> Item
    let depth: Int
    let condition = NSCondition()
    /// Parts made (or failed), by place, not yet taken.
    var made: [Int: Result<Item, ServiceError>] = [:]
    /// The next part to read, and to take.
    var nextRead = 0
    var nextTake = 0
    /// Whether a thread is reading (one at a time, in order).
    var reading = false
    /// The number of parts, once `read` returned nil or failed.
    var total: Int? = nil
    var stopping = false
    /// Parts being read or made.
    var busy = 0

    init(depth: Int, read: @escaping () throws(ServiceError) -> Block?, make: @escaping (Block) throws(ServiceError) -> Item) {
      self.depth = depth
      self.read = read
      self.make = make
    }

    /// Under the lock: reads the next part (letting go of the lock meanwhile), then makes it and files it.
    /// Returns with the lock held.
    func readAndMake() {
      let place = nextRead
      nextRead += 1
      reading = true
      busy += 1
      condition.unlock()
      let block: Result<Block?, ServiceError>
      do throws(ServiceError) {
        block = .success(try read())
      } catch {
        block = .failure(error)
      }
      condition.lock()
      reading = false
      switch block {
      case .success(let b?):
        condition.broadcast()
        condition.unlock()
        let item: Result<Item, ServiceError>
        do throws(ServiceError) {
          item = .success(try make(b))
        } catch {
          item = .failure(error)
        }
        condition.lock()
        made[place] = item
        if case .failure = item { stopping = true }
      case .success(nil):
        total = place
      case .failure(let error):
        made[place] = .failure(error)
        total = place + 1
      }
      busy -= 1
      condition.broadcast()
    }

    /// The pipeline's own thread: reads and makes parts while fewer than `depth` wait.
    func run() {
      condition.lock()
      while !stopping {
        if total == nil && !reading && nextRead - nextTake < depth {
          readAndMake()
        } else if total != nil && nextRead >= total! {
          break
        } else {
          condition.wait()
        }
      }
      condition.unlock()
    }
  }

  let shared: Shared
  var started = false
  /// Whether the parts ended (nil given, or a failure thrown) or were stopped.
  var ended = false

  init(
    depth: Int = 2, read: @escaping () throws(ServiceError) -> Block?, make: @escaping (Block) throws(ServiceError) -> Item
  ) {
    shared = Shared(depth: max(1, depth), read: read, make: make)
  }

  deinit { stop() }

  /// The next part (nil at the end).
  ///
  /// - Throws: what `read` or `make` threw for this part (no part is given after).
  func next() throws(ServiceError) -> Item? {
    if ended { return nil }
    if !started {
      started = true
      let shared = shared
      DispatchQueue.global().async { shared.run() }
    }
    let s = shared
    s.condition.lock()
    var taken: Result<Item, ServiceError>? = nil
    while true {
      if let item = s.made.removeValue(forKey: s.nextTake) {
        s.nextTake += 1
        taken = item
        break
      }
      if let total = s.total, s.nextTake >= total { break }
      if !s.reading && s.nextRead == s.nextTake && s.total == nil {
        // Not started: made here rather than waited for.
        s.readAndMake()
        continue
      }
      s.condition.wait()
    }
    s.condition.broadcast()
    s.condition.unlock()
    switch taken {
    case .success(let item)?:
      return item
    case .failure(let error)?:
      // The other thread may be reading or making a later part: the caller may read `read`'s state once this returns.
      finish()
      throw error
    case nil:
      ended = true
      return nil
    }
  }

  /// Stops making parts and waits for those being made (a caller that stops early).
  func finish() {
    stop()
    let s = shared
    s.condition.lock()
    while s.busy > 0 { s.condition.wait() }
    s.condition.unlock()
  }

  func stop() {
    ended = true
    shared.condition.lock()
    shared.stopping = true
    shared.condition.broadcast()
    shared.condition.unlock()
  }
}
