import Glibc

/// The OS file lock (`flock` on `LOCK`) that serialises writers across
/// processes. Readers never take it. Held only for the duration of one commit
/// (or one seal), so several admins' processes interleave their commits.
final class WriterLock {
  let path: String
  let fd: Int32
  let timeout: Double

  init(path: String, timeout: Double) throws(JournalError) {
    self.path = path
    self.timeout = timeout
    self.fd = try POSIX.open(path, O_RDWR | O_CREAT)
  }

  deinit { close(fd) }

  /// Waits up to `timeout` seconds for the lock; throws `.locked` after that.
  func acquire() throws(JournalError) {
    if flock(fd, LOCK_EX | LOCK_NB) == 0 { return }
    var waited = 0.0
    var pause = 0.0005
    while true {
      let e = errno
      guard e == EWOULDBLOCK || e == EINTR else { throw POSIX.error(e, "lock", path) }
      if waited >= timeout {
        throw JournalError(
          .locked,
          "Another process has been writing to this journal for more than \(Int(timeout.rounded())) s (lock \(path)); wait for it to finish and try again.",
          at: .init(file: path))
      }
      var ts = timespec(tv_sec: 0, tv_nsec: Int(pause * 1e9))
      nanosleep(&ts, nil)
      waited += pause
      pause = min(pause * 2, 0.02)
      if flock(fd, LOCK_EX | LOCK_NB) == 0 { return }
    }
  }

  func release() { _ = flock(fd, LOCK_UN) }
}
