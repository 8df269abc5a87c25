import Foundation

/// The disk a power cut would leave, rebuilt from the changes a ``RecordingIO``
/// saw: every change before the last sync of its file (or, for names, of its
/// folder) is there; each one after it independently kept, dropped, torn at a
/// sector, garbled in one sector, or missing one inner sector or page; the
/// name changes of a folder not synced since are kept as a random prefix.
public enum CrashImage {
  /// What became of the changes that were not synced.
  public struct Summary: Sendable {
    public var unsynced = 0
    public var kept = 0
    public var dropped = 0
    public var torn = 0
    public var garbled = 0
    public var lostSector = 0
    public var namesLost = 0

    public init() {}
  }

  /// Regular files under `root` (absolute path → bytes).
  public static func files(in root: String) -> [String: [UInt8]] {
    var out: [String: [UInt8]] = [:]
    guard let e = FileManager.default.enumerator(atPath: root) else { return out }
    while let rel = e.nextObject() as? String {
      let path = root + "/" + rel
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
        let data = FileManager.default.contents(atPath: path)
      {
        out[path] = Array(data)
      }
    }
    return out
  }

  /// Folders under `root`, `root` included.
  public static func folders(in root: String) -> Set<String> {
    var out: Set<String> = [root]
    guard let e = FileManager.default.enumerator(atPath: root) else { return out }
    while let rel = e.nextObject() as? String {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), isDir.boolValue { out.insert(root + "/" + rel) }
    }
    return out
  }

  /// The durable state before recording began: its files by inode (as ``RecordingIO`` numbered them) and folders.
  public struct Base: Sendable {
    public var files: [String: [UInt8]]
    public var folders: Set<String>

    /// The state of `root` now (taken just before the recording starts).
    public init(root: String) {
      files = CrashImage.files(in: root)
      folders = CrashImage.folders(in: root)
    }
  }

  static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }

  /// Writes at `destination` the disk after a power cut just before `ops[k]`;
  /// paths under `root` are moved under `destination`.
  public static func build(
    base: Base, ops: [RecordingIO.Op], crashBefore k: Int, root: String, destination: String, using rng: inout Seeded
  ) throws -> Summary {
    var summary = Summary()
    let done = ops.prefix(k)
    // The last sync of each file, and of each folder.
    var lastSync: [Int: Int] = [:]
    var lastFolderSync: [String: Int] = [:]
    for (i, op) in done.enumerated() {
      switch op {
      case .sync(let inode): lastSync[inode] = i
      case .syncDirectory(let path): lastFolderSync[path] = i
      default: break
      }
    }
    // Names: the synced changes, then a random prefix of the others, folder by folder.
    func folder(of op: RecordingIO.Op) -> String? {
      switch op {
      case .create(_, let path), .unlink(let path), .mkdir(let path): return parent(path)
      case .rename(let from, _): return parent(from)
      default: return nil
      }
    }
    var unsyncedNames: [String: Int] = [:]
    for (i, op) in done.enumerated() {
      if let f = folder(of: op), i > lastFolderSync[f, default: -1] { unsyncedNames[f, default: 0] += 1 }
    }
    var keepNames: [String: Int] = [:]
    for (f, n) in unsyncedNames.sorted(by: { $0.key < $1.key }) {
      keepNames[f] = Int.random(in: 0...n, using: &rng)
      summary.namesLost += n - keepNames[f]!
    }
    var names: [String: Int] = [:]
    var inode = 1
    for path in base.files.keys.sorted() {
      names[path] = inode
      inode += 1
    }
    var content: [Int: [UInt8]] = [:]
    for (path, bytes) in base.files { content[names[path]!] = bytes }
    var folders = base.folders
    var seenNames: [String: Int] = [:]
    for (i, op) in done.enumerated() {
      guard let f = folder(of: op) else { continue }
      if i > lastFolderSync[f, default: -1] {
        seenNames[f, default: 0] += 1
        if seenNames[f]! > keepNames[f]! { continue }
      }
      switch op {
      case .create(let n, let path): names[path] = n
      case .rename(let from, let to): names[to] = names.removeValue(forKey: from)
      case .unlink(let path): names[path] = nil
      case .mkdir(let path): folders.insert(path)
      default: break
      }
    }
    // Data: the synced changes of each file, then each later one with a fate of its own.
    for (i, op) in done.enumerated() {
      switch op {
      case .write(let n, let offset, let bytes):
        var data = content[n] ?? []
        if i < lastSync[n, default: -1] {
          apply(bytes, at: offset, to: &data)
        } else {
          summary.unsynced += 1
          switch Int.random(in: 0..<5, using: &rng) {
          case 0:
            summary.kept += 1
            apply(bytes, at: offset, to: &data)
          case 1:
            summary.dropped += 1
          case 2:
            // Torn: only the sectors before some boundary reached the disk.
            summary.torn += 1
            let boundaries = stride(from: (offset / 512 + 1) * 512, to: offset + bytes.count, by: 512).map { $0 - offset }
            let cut = boundaries.randomElement(using: &rng) ?? 0
            apply(Array(bytes.prefix(cut)), at: offset, to: &data)
          case 3:
            // Garbled: written, then one sector of it is noise.
            summary.garbled += 1
            apply(bytes, at: offset, to: &data)
            let start = (offset + Int.random(in: 0..<bytes.count, using: &rng)) / 512 * 512
            for j in max(start, offset)..<min(start + 512, offset + bytes.count) { data[j] = UInt8.random(in: 0...255, using: &rng) }
          default:
            // One inner sector (or page, for long writes) missing, the rest — the end included — there.
            summary.lostSector += 1
            let old = data
            apply(bytes, at: offset, to: &data)
            let unit = bytes.count > 8192 ? 4096 : 512
            let start = (offset + Int.random(in: 0..<bytes.count, using: &rng)) / unit * unit
            for j in max(start, offset)..<min(start + unit, offset + bytes.count) { data[j] = j < old.count ? old[j] : 0 }
          }
        }
        content[n] = data
      case .truncate(let n, let size):
        if i < lastSync[n, default: -1] || Bool.random(using: &rng) {
          var data = content[n] ?? []
          if size < data.count { data.removeSubrange(size...) } else { data += [UInt8](repeating: 0, count: size - data.count) }
          content[n] = data
        }
      default: break
      }
    }
    // The image.
    try? FileManager.default.removeItem(atPath: destination)
    func moved(_ path: String) -> String { destination + path.dropFirst(root.count) }
    for f in folders.sorted() where f == root || f.hasPrefix(root + "/") {
      try FileManager.default.createDirectory(atPath: moved(f), withIntermediateDirectories: true)
    }
    for (path, n) in names where path.hasPrefix(root + "/") && folders.contains(parent(path)) {
      try Data(content[n] ?? []).write(to: URL(fileURLWithPath: moved(path)))
    }
    return summary
  }

  static func apply(_ bytes: [UInt8], at offset: Int, to data: inout [UInt8]) {
    if data.count < offset + bytes.count { data += [UInt8](repeating: 0, count: offset + bytes.count - data.count) }
    data.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
  }
}
