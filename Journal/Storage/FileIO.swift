import Glibc

/// Every change the journal makes to files — opening (and creating), writing,
/// syncing, truncating, renaming, removing, making and syncing folders — behind
/// one protocol, so that tests can inject failures (disk full, EIO, short
/// writes, failed syncs) or record each operation to rebuild the disk a power
/// cut would leave. Reads go straight to the system.
///
/// Each call returns 0 or a positive `errno`; `open` returns a descriptor or a
/// negative `errno`; `write` returns the bytes written (short writes allowed)
/// or a negative `errno`. Only `write`, `dataSync` and `truncate` must be
/// implemented: the others default to the system's.
public protocol FileIO: Sendable {
  func open(_ path: String, flags: Int32, mode: mode_t) -> Int32
  func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Int
  func dataSync(_ fd: Int32) -> Int32
  func truncate(_ fd: Int32, to size: Int64) -> Int32
  func rename(_ from: String, to: String) -> Int32
  func unlink(_ path: String) -> Int32
  func makeDirectory(_ path: String) -> Int32
  func syncDirectory(_ path: String) -> Int32
}

extension FileIO {
  public func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 { POSIXFileIO().open(path, flags: flags, mode: mode) }
  public func rename(_ from: String, to: String) -> Int32 { POSIXFileIO().rename(from, to: to) }
  public func unlink(_ path: String) -> Int32 { POSIXFileIO().unlink(path) }
  public func makeDirectory(_ path: String) -> Int32 { POSIXFileIO().makeDirectory(path) }
  public func syncDirectory(_ path: String) -> Int32 { POSIXFileIO().syncDirectory(path) }
}

/// The real thing: `open`, `pwrite`, `fdatasync`, `ftruncate`, `rename`, `unlink`, `mkdir`, `fsync` of a folder.
public struct POSIXFileIO: FileIO {
  public init() {}

  public func open(_ path: String, flags: Int32, mode: mode_t) -> Int32 {
    while true {
      let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
      if fd >= 0 { return fd }
      if errno != EINTR { return -errno }
    }
  }

  public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Int {
    while true {
      let r = pwrite(fd, bytes.baseAddress, bytes.count, off_t(offset))
      if r >= 0 { return r }
      if errno != EINTR { return -Int(errno) }
    }
  }

  public func dataSync(_ fd: Int32) -> Int32 {
    fdatasync(fd) == 0 ? 0 : errno
  }

  public func truncate(_ fd: Int32, to size: Int64) -> Int32 {
    ftruncate(fd, off_t(size)) == 0 ? 0 : errno
  }

  public func rename(_ from: String, to: String) -> Int32 {
    Glibc.rename(from, to) == 0 ? 0 : errno
  }

  public func unlink(_ path: String) -> Int32 {
    Glibc.unlink(path) == 0 ? 0 : errno
  }

  public func makeDirectory(_ path: String) -> Int32 {
    Glibc.mkdir(path, 0o755) == 0 || errno == EEXIST ? 0 : errno
  }

  public func syncDirectory(_ path: String) -> Int32 {
    let fd = open(path, flags: O_RDONLY | O_DIRECTORY, mode: 0)
    guard fd >= 0 else { return -fd }
    defer { close(fd) }
    return fsync(fd) == 0 ? 0 : errno
  }
}
