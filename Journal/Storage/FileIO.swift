import Glibc

/// The writes, syncs and truncations the writer performs, behind a protocol
/// so tests can inject failures (disk full, EIO, short writes, failed syncs).
/// Each call returns 0 or a positive `errno`; `write` returns the bytes written
/// (short writes allowed) or a negative `errno`.
public protocol FileIO: Sendable {
  func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Int
  func dataSync(_ fd: Int32) -> Int32
  func truncate(_ fd: Int32, to size: Int64) -> Int32
}

/// The real thing: `pwrite`, `fdatasync`, `ftruncate`.
public struct POSIXFileIO: FileIO {
  public init() {}

  public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Int {
    while true {
      let r = pwrite(fd, bytes.baseAddress, bytes.count, off_t(offset))
      if r >= 0 { return r }
      if errno != EINTR { return -Int(errno) }
    }
  }

  public func dataSync(_ fd: Int32) -> Int32 {
    return fdatasync(fd) == 0 ? 0 : errno
  }

  public func truncate(_ fd: Int32, to size: Int64) -> Int32 {
    ftruncate(fd, off_t(size)) == 0 ? 0 : errno
  }
}
