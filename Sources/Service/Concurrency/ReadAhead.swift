import Dispatch
import Synchronization

/// Makes the items of `produce` ahead on another thread: while the caller
/// works on item k (commits a part of an import), items k + 1 … k + `depth`
/// are made (read, parsed, checked). At most `depth` items wait, so memory
/// stays that of `depth + 1`.
///
/// `produce` runs on one thread, each run after the one before ended, so its
/// state needs no lock; the caller reads that state only once ``next()``
/// returned nil or threw, or after ``finish()``. An object that keeps its own
/// `ReadAhead` gives it a closure holding it weakly (`[weak self]`). A
/// `ReadAhead` dropped before its end stops its maker after the item being made.
///
/// More than one item ahead keeps both cores busy when making an item and
/// using one take turns being the slower: the maker runs on while the user
/// catches up, instead of waiting with a single item made.
///
/// ```swift
/// let parts = ReadAhead(depth: 2) { () throws(ServiceError) -> [UInt8]? in try nextBlock() }
/// while let part = try parts.next() { try commit(part) }
/// ```
final class ReadAhead<Item>: @unchecked Sendable {
  /// What the maker's thread and the user share (the maker holds this, not the `ReadAhead`).
  final class Channel: @unchecked Sendable {
    let produce: () throws(ServiceError) -> Item?
    /// Items made and not taken yet, in order (the last one nil or a failure ends them).
    var made: [Result<Item?, ServiceError>] = []
    let lock = Mutex<Void>(())
    /// Signalled once per item made.
    let ready = DispatchSemaphore(value: 0)
    /// Places for items not taken yet: the maker waits for one before each item.
    let room: DispatchSemaphore
    /// Signalled when the maker stopped.
    let stopped = DispatchSemaphore(value: 0)
    let stopping = Atomic<Bool>(false)

    init(depth: Int, _ produce: @escaping () throws(ServiceError) -> Item?) {
      // From 0, signalled: libdispatch traps when a semaphore is released below the value it was made with.
      room = DispatchSemaphore(value: 0)
      for _ in 0..<depth { room.signal() }
      self.produce = produce
    }

    func stop() {
      stopping.store(true, ordering: .sequentiallyConsistent)
      room.signal()
    }
  }

  let channel: Channel
  var started = false
  /// Whether the maker made its last item (nil or a failure) or was stopped.
  var ended = false

  init(depth: Int = 1, _ produce: @escaping () throws(ServiceError) -> Item?) {
    channel = Channel(depth: max(1, depth), produce)
  }

  deinit {
    if started && !ended { channel.stop() }
  }

  /// The next item (nil at the end), with the ones after it being made.
  ///
  /// - Throws: what `produce` threw (no item is made after).
  func next() throws(ServiceError) -> Item? {
    if !started { start() }
    if ended { return nil }
    channel.ready.wait()
    let taken = channel.lock.withLock { _ in channel.made.removeFirst() }
    channel.room.signal()
    if case .success(let item) = taken, item != nil { return item }
    ended = true
    channel.stopped.wait()
    return try taken.get()
  }

  /// Stops making items, waits for the one being made, and drops those made (a caller that stops early).
  func finish() {
    guard started, !ended else { return }
    ended = true
    channel.stop()
    channel.stopped.wait()
    channel.lock.withLock { _ in channel.made.removeAll() }
  }

  func start() {
    started = true
    let channel = channel
    DispatchQueue.global().async {
      while true {
        channel.room.wait()
        if channel.stopping.load(ordering: .sequentiallyConsistent) { break }
        let result: Result<Item?, ServiceError>
        do throws(ServiceError) {
          result = .success(try channel.produce())
        } catch {
          result = .failure(error)
        }
        channel.lock.withLock { _ in channel.made.append(result) }
        channel.ready.signal()
        if case .success(let item) = result, item != nil { continue }
        break
      }
      channel.stopped.signal()
    }
  }
}
