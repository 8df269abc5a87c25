import Foundation
import Journal
import Synchronization

/// A file layer that does every change for real and records it, so that
/// ``CrashImage`` can rebuild the disk a power cut at any point would leave —
/// each change not yet synced independently kept, dropped, torn, garbled, or
/// missing one page. It can also fail on command (``Fault``).
///
/// Files are followed by identity (an inode number of its own), not by name:
/// renames move names, data stays with its file.
public final class RecordingIO: FileIO, Sendable {
  /// One change, as the file system saw it.
  public enum Op: Sendable, Equatable {
    case create(inode: Int, path: String)
    case write(inode: Int, offset: Int, bytes: [UInt8])
    case truncate(inode: Int, size: Int)
    case sync(inode: Int)
    case rename(from: String, to: String)
    case unlink(path: String)
    case mkdir(path: String)
    case syncDirectory(path: String)
  }

  /// A failure to inject: at the n-th call of a kind (counted from when it is set), or at every one (sticky).
  public struct Fault: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable { case write, shortWrite, sync, truncate }
    public var kind: Kind
    public var errno: Int32
    public var after: Int
    public var sticky: Bool

    public init(_ kind: Kind, errno: Int32, after: Int = 0, sticky: Bool = false) {
      self.kind = kind
      self.errno = errno
      self.after = after
      self.sticky = sticky
    }

    public var description: String {
      "\(kind.rawValue) \(errno == ENOSPC ? "ENOSPC" : errno == EIO ? "EIO" : "errno \(errno)")\(sticky ? " sticky" : "") after \(after)"
    }
  }

  struct State {
    var ops: [Op] = []
    var inodeOfPath: [String: Int] = [:]
    var inodeOfFD: [Int32: Int] = [:]
    var nextInode = 1
    var faults: [Fault] = []
    var calls: [Fault.Kind: Int] = [:]
  }

  let real = POSIXFileIO()
  let state = Mutex(State())

  /// Starts recording over the files already in `root` (they count as on disk, synced).
  public init(root: String) {
    let files = CrashImage.files(in: root)
    state.withLock { s in
      for path in files.keys.sorted() {
        s.inodeOfPath[path] = s.nextInode
        s.nextInode += 1
      }
    }
  }

  /// Every change recorded so far.
  public var ops: [Op] { state.withLock { $0.ops } }

  /// How many changes were recorded so far (a position in ``ops``).
  public var count: Int { state.withLock { $0.ops.count } }

  /// Adds a failure to inject.
  public func inject(_ fault: Fault) { state.withLock { $0.faults.append(fault) } }

  /// Removes every failure still to come.
  public func heal() { state.withLock { $0.faults = [] } }

  /// Whether a call of `kind` fails now (and with which errno), counting it.
  func failure(_ kind: Fault.Kind) -> Int32? {
    state.withLock { s in
      let n = s.calls[kind, default: 0]
      s.calls[kind] = n + 1
      guard let i = s.faults.firstIndex(where: { $0.kind == kind && n >= $0.after }) else { return nil }
      let f = s.faults[i]
      if !f.sticky { s.faults.remove(at: i) }
      return f.errno
    }
  }

  public func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 {
    let existed = FileManager.default.fileExists(atPath: path)
    let fd = real.open(path, flags: flags, mode: mode)
    guard fd >= 0 else { return fd }
    state.withLock { s in
      if existed, let inode = s.inodeOfPath[path] {
        s.inodeOfFD[fd] = inode
        if flags & O_TRUNC != 0 { s.ops.append(.truncate(inode: inode, size: 0)) }
      } else {
        let inode = s.nextInode
        s.nextInode += 1
        s.inodeOfPath[path] = inode
        s.inodeOfFD[fd] = inode
        s.ops.append(.create(inode: inode, path: path))
      }
    }
    return fd
  }

  public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Int {
    if let e = failure(.write) { return -Int(e) }
    var part = bytes
    if let e = failure(.shortWrite) {
      // Half of it, then the error on the next call.
      part = UnsafeRawBufferPointer(rebasing: bytes[0..<max(1, bytes.count / 2)])
      inject(Fault(.write, errno: e))
    }
    let r = real.write(fd, part, at: offset)
    if r > 0 {
      state.withLock { s in
        if let inode = s.inodeOfFD[fd] {
          s.ops.append(.write(inode: inode, offset: Int(offset), bytes: Array(UnsafeRawBufferPointer(rebasing: part[0..<r]))))
        }
      }
    }
    return r
  }

  public func dataSync(_ fd: Int32) -> Int32 {
    if let e = failure(.sync) { return e }
    let r = real.dataSync(fd)
    if r == 0 { state.withLock { s in if let inode = s.inodeOfFD[fd] { s.ops.append(.sync(inode: inode)) } } }
    return r
  }

  public func truncate(_ fd: Int32, to size: Int64) -> Int32 {
    if let e = failure(.truncate) { return e }
    let r = real.truncate(fd, to: size)
    if r == 0 { state.withLock { s in if let inode = s.inodeOfFD[fd] { s.ops.append(.truncate(inode: inode, size: Int(size))) } } }
    return r
  }

  public func rename(_ from: String, to: String) -> Int32 {
    let r = real.rename(from, to: to)
    if r == 0 {
      state.withLock { s in
        s.inodeOfPath[to] = s.inodeOfPath.removeValue(forKey: from)
        s.ops.append(.rename(from: from, to: to))
      }
    }
    return r
  }

  public func unlink(_ path: String) -> Int32 {
    let r = real.unlink(path)
    if r == 0 {
      state.withLock { s in
        s.inodeOfPath[path] = nil
        s.ops.append(.unlink(path: path))
      }
    }
    return r
  }

  public func makeDirectory(_ path: String) -> Int32 {
    let existed = FileManager.default.fileExists(atPath: path)
    let r = real.makeDirectory(path)
    if r == 0 && !existed { state.withLock { $0.ops.append(.mkdir(path: path)) } }
    return r
  }

  public func syncDirectory(_ path: String) -> Int32 {
    if let e = failure(.sync) { return e }
    let r = real.syncDirectory(path)
    if r == 0 { state.withLock { $0.ops.append(.syncDirectory(path: path)) } }
    return r
  }
}
