import Glibc

/// Thin, checked wrappers over the POSIX calls the journal reads with (its
/// changes go through ``Disk``). Every failure becomes a ``JournalError``
/// naming the file and the operation.
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
}
