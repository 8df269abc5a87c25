import Glibc

/// Thin, checked wrappers over the POSIX calls the journal needs. Every
/// failure becomes a ``JournalError`` naming the file and the operation.
enum POSIX {
  static func message(_ code: Int32) -> String {
    guard let s = strerror(code) else { return "error \(code)" }
    return String(cString: s)
  }

  static func error(_ code: Int32, _ what: String, _ path: String) -> JournalError {
    switch code {
    case ENOSPC, EFBIG, EDQUOT:
      return JournalError(
        .diskFull, "Could not \(what) \(path): \(message(code)); free some disk space and try again, nothing was committed.",
        at: .init(file: path))
    default:
      return JournalError(.ioFailure, "Could not \(what) \(path): \(message(code)).", at: .init(file: path))
    }
  }

  static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(JournalError) -> Int32 {
    while true {
      let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
      if fd >= 0 { return fd }
      if errno != EINTR { throw error(errno, "open", path) }
    }
  }

  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  static func size(_ fd: Int32, _ path: String) throws(JournalError) -> Int64 {
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw error(errno, "inspect", path) }
    return Int64(st.st_size)
  }

  /// Reads exactly `count` bytes at `offset`, or fewer only at end of file.
  static func read(_ fd: Int32, at offset: Int64, count: Int, _ path: String) throws(JournalError) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: count)
    var done = 0
    var failure: Int32 = 0
    out.withUnsafeMutableBytes { buf in
      while done < count {
        let r = pread(fd, buf.baseAddress! + done, count - done, off_t(offset) + off_t(done))
        if r < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if r == 0 { return }
        done += r
      }
    }
    if failure != 0 { throw error(failure, "read", path) }
    if done < count { out.removeSubrange(done...) }
    return out
  }

  static func fsyncDirectory(_ path: String) throws(JournalError) {
    let fd = try open(path, O_RDONLY | O_DIRECTORY)
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw error(errno, "sync the folder", path) }
  }

  static func mkdir(_ path: String) throws(JournalError) {
    if Glibc.mkdir(path, 0o755) != 0 && errno != EEXIST { throw error(errno, "create the folder", path) }
  }

  static func rename(_ from: String, _ to: String) throws(JournalError) {
    guard Glibc.rename(from, to) == 0 else { throw error(errno, "rename \(from) to", to) }
  }

  static func unlink(_ path: String) { _ = Glibc.unlink(path) }

  /// Names in a folder, without `.` and `..`, sorted.
  static func list(_ path: String) throws(JournalError) -> [String] {
    guard let dir = opendir(path) else { throw error(errno, "list", path) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Writes a whole small file atomically: temp file, fsync, rename, fsync folder.
  static func writeAtomically(_ bytes: [UInt8], to path: String, folder: String) throws(JournalError) {
    let tmp = path + ".tmp"
    let fd = try open(tmp, O_WRONLY | O_CREAT | O_TRUNC)
    var failure: Int32 = 0
    bytes.withUnsafeBytes { buf in
      var done = 0
      while done < buf.count {
        let r = pwrite(fd, buf.baseAddress! + done, buf.count - done, off_t(done))
        if r < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        done += r
      }
      if fsync(fd) != 0 { failure = errno }
    }
    close(fd)
    if failure != 0 {
      unlink(tmp)
      throw error(failure, "write", tmp)
    }
    try rename(tmp, path)
    try fsyncDirectory(folder)
  }
}
