/// Small files written whole and durably: to a temporary name, synced, renamed
/// over the target, and the folder synced. A reader sees the old file or the
/// new one, never half, and after a crash the new one is there only if the
/// call returned.
///
/// ```swift
/// try DurableFile.replace("/srv/ess/bilan-2022.json.receipt", with: bytes)
/// ```
public enum DurableFile {
  /// Replaces (or creates) the file at `path` with `bytes`.
  /// - Throws: `.ioFailure` or `.diskFull`, naming the file; the old file is then left as it was.
  public static func replace(_ path: String, with bytes: [UInt8], io: any FileIO = POSIXFileIO()) throws(JournalError) {
    try Disk(io: io).writeAtomically(bytes, to: path, folder: folder(of: path))
  }

  /// The folder a path names a file in (`.` for a bare name).
  package static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
