import Foundation

/// Every regular file under a folder (relative path → bytes), for byte-identity checks.
public enum FolderSnapshot {
  public static func files(of folder: String, excluding: Set<String> = ["LOCK"]) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let fm = FileManager.default
    guard let e = fm.enumerator(atPath: folder) else { return out }
    while let rel = e.nextObject() as? String {
      var isDir: ObjCBool = false
      _ = fm.fileExists(atPath: folder + "/" + rel, isDirectory: &isDir)
      if !isDir.boolValue && !excluding.contains(rel) { out[rel] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + rel)) }
    }
    return out
  }
}
