/// The place beside a journal where its clients keep what they can rebuild
/// from it — checkpoints of projections, indexes of their own — in
/// `cache/<name>` (see the Format article, "Files"). Each file is framed with
/// the client's 8-byte tag and a CRC-32C, written to a temporary name then
/// renamed (a reader sees the old file or the new one, never half), and not
/// synced: a cache lost in a crash is rebuilt, one damaged or foreign fails
/// its checks and reads as absent. The journal never reads these files.
///
/// ```swift
/// let cache = try JournalCache(journal: "journal")
/// try cache.write(state, name: "bilan.ckpt", tag: "ESSBILN2")
/// let saved = cache.read("bilan.ckpt", tag: "ESSBILN2")   // nil if absent, damaged or of another tag
/// ```
public struct JournalCache: Sendable {
  let layout: JournalLayout
  let disk: Disk

  /// The cache of the journal at `path`.
  /// - Parameter io: the file layer its writes go through (tests inject or record).
  /// - Throws: `.notAJournal` if there is no journal there.
  public init(journal path: String, io: any FileIO = POSIXFileIO()) throws(JournalError) {
    layout = JournalLayout(root: path)
    disk = Disk(io: io)
    try layout.checkIsJournal()
  }

  /// The payload of cache file `name` written with `tag`, or nil if it is
  /// absent, damaged, or was written with another tag.
  public func read(_ name: String, tag: String) -> ArraySlice<UInt8>? {
    guard Self.isValid(name: name, tag: tag), let bytes = CacheFile.read(path(name)) else { return nil }
    return CacheFile.unseal(bytes, tag: Array(tag.utf8))
  }

  /// Replaces cache file `name` by `payload`, framed with `tag`.
  ///
  /// - Parameters:
  ///   - payload: the bytes to keep.
  ///   - name: `[a-z0-9][a-z0-9._-]*`, at most 64 characters.
  ///   - tag: 8 ASCII characters naming the format (its version included), e.g. `ESSBILN2`.
  /// - Throws: `.invalidInput` for a bad name or tag, `.ioFailure`/`.diskFull` if it cannot be written.
  public func write(_ payload: [UInt8], name: String, tag: String) throws(JournalError) {
    guard Self.isValid(name: name, tag: tag) else {
      throw JournalError(.invalidInput, "A cache file needs a name of lowercase letters, digits, '.', '_' or '-', and an 8-character tag.")
    }
    if !POSIX.isDirectory(layout.cache) { try disk.makeDirectory(layout.cache) }
    try CacheFile.write(CacheFile.seal(payload, tag: Array(tag.utf8)), to: path(name), disk: disk)
  }

  func path(_ name: String) -> String { layout.cache + "/" + name }

  static func isValid(name: String, tag: String) -> Bool {
    let u = Array(name.utf8)
    guard (1...64).contains(u.count), u[0] != UInt8(ascii: "."), u[0] != UInt8(ascii: "-"), u[0] != UInt8(ascii: "_") else { return false }
    let nameOK = u.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 46 || $0 == 95 || $0 == 45 }
    let t = Array(tag.utf8)
    return nameOK && t.count == 8 && t.allSatisfy { (0x21...0x7E).contains($0) }
  }
}
