import Glibc

/// The journal's changes to files, through a ``FileIO``, each failure made a
/// ``JournalError`` naming the operation and the file.
struct Disk: Sendable {
  let io: any FileIO

  func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(JournalError) -> Int32 {
    let fd = io.open(path, flags: flags, mode: mode)
    guard fd >= 0 else { throw POSIX.error(-fd, "open", path) }
    return fd
  }

  /// Writes all of `bytes` at `offset`, looping over short writes.
  func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws(JournalError) {
    var done = 0
    var failure: Int32 = 0
    bytes.withUnsafeBytes { buf in
      while done < buf.count {
        let r = io.write(fd, UnsafeRawBufferPointer(rebasing: buf[done...]), at: Int64(offset + done))
        if r < 0 {
          failure = Int32(-r)
          return
        }
        if r == 0 {
          failure = EIO
          return
        }
        done += r
      }
    }
    if failure != 0 { throw POSIX.error(failure, "write to", path) }
  }

  func sync(_ fd: Int32, path: String) throws(JournalError) {
    let r = io.dataSync(fd)
    if r != 0 { throw POSIX.error(r, "flush to disk", path) }
  }

  func truncate(_ fd: Int32, to size: Int, path: String) throws(JournalError) {
    let r = io.truncate(fd, to: Int64(size))
    if r != 0 { throw POSIX.error(r, "cut", path) }
  }

  func syncDirectory(_ path: String) throws(JournalError) {
    let r = io.syncDirectory(path)
    if r != 0 { throw POSIX.error(r, "sync the folder", path) }
  }

  func makeDirectory(_ path: String) throws(JournalError) {
    let r = io.makeDirectory(path)
    if r != 0 { throw POSIX.error(r, "create the folder", path) }
  }

  func rename(_ from: String, _ to: String) throws(JournalError) {
    let r = io.rename(from, to: to)
    if r != 0 { throw POSIX.error(r, "rename \(from) to", to) }
  }

  /// Best effort (a leftover temporary file).
  func unlink(_ path: String) { _ = io.unlink(path) }

  /// A whole small file, atomically: temporary file, sync, rename, sync of the folder.
  func writeAtomically(_ bytes: [UInt8], to path: String, folder: String) throws(JournalError) {
    let tmp = path + ".tmp"
    let fd = try open(tmp, O_WRONLY | O_CREAT | O_TRUNC)
    do throws(JournalError) {
      try writeAll(fd, bytes, at: 0, path: tmp)
      try sync(fd, path: tmp)
    } catch {
      close(fd)
      unlink(tmp)
      throw error
    }
    close(fd)
    try rename(tmp, path)
    try syncDirectory(folder)
  }

  /// A new file named `base` or `base.2`, `base.3`… — whichever does not exist
  /// yet: never one overwritten. Written, synced, and its folder synced.
  /// Returns the name used.
  func writeNew(_ bytes: [UInt8], folder: String, base: String, suffix: String) throws(JournalError) -> String {
    var n = 1
    while true {
      let name = n == 1 ? base + suffix : "\(base).\(n)\(suffix)"
      let path = folder + "/" + name
      let fd = io.open(path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o644)
      if fd == -EEXIST {
        n += 1
        continue
      }
      guard fd >= 0 else { throw POSIX.error(-fd, "create", path) }
      do throws(JournalError) {
        try writeAll(fd, bytes, at: 0, path: path)
        try sync(fd, path: path)
      } catch {
        close(fd)
        throw error
      }
      close(fd)
      try syncDirectory(folder)
      return name
    }
  }
}
