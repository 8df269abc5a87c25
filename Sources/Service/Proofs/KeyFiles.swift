import Glibc
import Journal

/// Key files: private keys (one `PRIVATE+KEY+…` line, mode 0600, never in a
/// journal's folder) and verifier keys (a vkey line, given as text or as a file).
enum KeyFiles {
  /// The signer in the private key file at `path`.
  /// - Throws: `.notFound` if it cannot be read; `.badInput` if it is readable by others or malformed.
  static func signer(at path: String) throws(ServiceError) -> NoteSigner {
    var info = stat()
    guard stat(path, &info) == 0, let bytes = readFile(path) else {
      throw ServiceError(.notFound, "Cannot read the key file \(path).", at: .init(file: path))
    }
    guard info.st_mode & 0o077 == 0 else {
      throw ServiceError(
        .badInput, "The key file \(path) can be read by other users; make it private (chmod 600 \(path)) and try again.",
        at: .init(file: path))
    }
    do {
      return try NoteSigner(skey: String(decoding: bytes, as: UTF8.self))
    } catch {
      throw ServiceError(error, at: .init(file: path))
    }
  }

  /// Writes a new private key file (created, mode 0600; never over an existing file, never inside `journal`).
  static func write(_ signer: NoteSigner, to path: String, notInside journal: String?) throws(ServiceError) {
    if let journal, let folder = realpath(journal), let target = realpath(DurableFile.folder(of: path)), inside(target, folder) {
      throw ServiceError(
        .badInput, "A private key must not be kept in the journal's folder (backups and mirrors copy it); choose a path outside \(journal)."
      )
    }
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      let why = errno == EEXIST ? "it already exists (a key is never overwritten)" : String(cString: strerror(errno))
      throw ServiceError(
        errno == EEXIST ? .alreadyExists : .ioFailure, "Cannot create the key file \(path): \(why).", at: .init(file: path))
    }
    defer { close(fd) }
    let bytes = Array((signer.skey + "\n").utf8)
    let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count, fsync(fd) == 0 else {
      throw ServiceError(.ioFailure, "Cannot write the key file \(path): \(String(cString: strerror(errno))).", at: .init(file: path))
    }
  }

  /// A verifier key given as its text (`name+id+key`) or as a file holding it.
  static func verifier(_ textOrPath: String) throws(ServiceError) -> NoteVerifier {
    let text: String
    if let bytes = readFile(textOrPath) {
      text = String(decoding: bytes, as: UTF8.self).trimmingSuffix("\n")
    } else if textOrPath.contains("+") {
      text = textOrPath
    } else {
      throw ServiceError(.notFound, "Cannot read the verifier key file \(textOrPath).", at: .init(file: textOrPath))
    }
    do { return try NoteVerifier(vkey: text) } catch { throw ServiceError(error) }
  }

  /// A policy file's content, or a policy of one log key (`--vkey`).
  static func policy(vkey: String?, policyFile: String?) throws(ServiceError) -> WitnessPolicy {
    if let policyFile {
      guard let bytes = readFile(policyFile) else {
        throw ServiceError(.notFound, "Cannot read the policy file \(policyFile).", at: .init(file: policyFile))
      }
      do {
        return try WitnessPolicy(text: String(decoding: bytes, as: UTF8.self))
      } catch {
        throw ServiceError(error, at: .init(file: policyFile))
      }
    }
    guard let vkey else { throw ServiceError(.badInput, "Give the log's verifier key (--vkey) or a policy file (--policy).") }
    return WitnessPolicy(log: try verifier(vkey))
  }

  static func readFile(_ path: String) -> [UInt8]? { try? InputFile.read(path) }

  static func realpath(_ path: String) -> String? {
    guard let p = Glibc.realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  static func inside(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder + "/") }
}

extension String {
  func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
