import Dispatch
import Synchronization

/// Reads ahead on a second thread: loading segments, checking their CRCs,
/// decompressing frames and decoding lines go on there while the caller
/// folds what was already read (a cold bilan on two cores takes about the
/// longer of the two halves, not their sum). At most `depth` batches wait,
/// so memory stays bounded; dropping the iterator stops the thread.
/// Records and the error, if any, come out exactly as the plain iterator
/// gives them: every record before a damaged spot, then the error.
final class ReadAhead {
  /// A batch of records in seq order, and how the reading ended after it (if it did).
  struct Batch: Sendable {
    var records: [Record]
    var ending: Ending?
  }

  enum Ending: Sendable {
    case finished
    case failed(JournalError)
  }

  /// What the two threads share; the reading thread keeps it alive on its own.
  /// The queue and flags sit behind a mutex; the semaphores only count (batches
  /// waiting, room left), so that each side can sleep until the other acts.
  final class Channel: Sendable {
    struct Shared {
      var queue: [Batch] = []
      var cancelled = false
      /// Whether the reading thread has returned (for tests).
      var stopped = false
    }

    let shared = Mutex(Shared())
    let filled = DispatchSemaphore(value: 0)
    let free: DispatchSemaphore

    init(depth: Int) {
      // Made at 0 then raised: libdispatch traps when a semaphore is freed
      // below the value it was made with.
      free = DispatchSemaphore(value: 0)
      for _ in 0..<depth { free.signal() }
    }

    func push(_ batch: Batch) {
      shared.withLock { $0.queue.append(batch) }
      filled.signal()
    }

    func pop() -> Batch {
      filled.wait()
      // Out of the queue at once (it holds at most `depth`): a batch handed
      // out must not stay referenced here, or its frames would stay in memory.
      let batch = shared.withLock { $0.queue.removeFirst() }
      free.signal()
      return batch
    }

    var isCancelled: Bool { shared.withLock { $0.cancelled } }

    func stop() { shared.withLock { $0.stopped = true } }

    /// Batches read and not yet handed out (for tests: never more than `depth`).
    var queuedCount: Int { shared.withLock { $0.queue.count } }

    var hasStopped: Bool { shared.withLock { $0.stopped } }

    func cancel() {
      shared.withLock { $0.cancelled = true }
      free.signal()  // wakes the reader if it waits for room
    }
  }

  let channel: Channel
  var current: [Record] = []
  var position = 0
  var ending: Ending? = nil

  init(_ source: RecordIterator, depth: Int = 4, batchSize: Int = 2048) {
    let channel = Channel(depth: depth)
    self.channel = channel
    nonisolated(unsafe) var it = source
    it.reuseBuffers = false  // records wait in batches: each frame gets a buffer of its own
    DispatchQueue.global().async {
      defer { channel.stop() }
      while true {
        channel.free.wait()
        if channel.isCancelled { return }
        var batch = Batch(records: [], ending: nil)
        batch.records.reserveCapacity(batchSize)
        do throws(JournalError) {
          while batch.records.count < batchSize {
            guard let r = try it.next() else {
              batch.ending = .finished
              break
            }
            batch.records.append(r)
          }
        } catch {
          batch.ending = .failed(error)
        }
        channel.push(batch)
        if batch.ending != nil { return }
      }
    }
  }

  deinit { channel.cancel() }

  func next() throws(JournalError) -> Record? {
    while position == current.count {
      switch ending {
      case .finished: return nil
      case .failed(let error): throw error
      case nil: break
      }
      let batch = channel.pop()
      current = batch.records
      position = 0
      ending = batch.ending
    }
    // Moved out, not copied: the batch keeps a placeholder (no reference counting per record).
    var record = ReadAhead.placeholder
    swap(&record, &current[position])
    position += 1
    return record
  }

  /// What a batch keeps where a record was handed out.
  static let placeholder = Record(
    seq: 0, version: 0, recordedAt: Timestamp(millisecondsSince1970: 0), type: "", bytes: [],
    fields: .init(id: 0..<0, occurredOn: 0..<0, author: 0..<0, source: nil, reason: nil, data: 0..<0))
}
