import Journal

/// `ess mirror`: copies a published journal (a folder, or an `http(s)://` URL
/// of one, as ``Publishing`` lays it out) into a journal of one's own,
/// checking every tile against the signed checkpoint and the consistency with
/// what the mirror held before; a fork or a tampered tile is refused and the
/// mirror left as it was.
///
/// ```swift
/// let report = try Mirroring.mirror(source: "https://strasbourg.eu/ess/", into: "/srv/mirror", vkey: "strasbourg.eu/ess/journal+…")
/// ```
public enum Mirroring {
  /// Mirrors `source` into the journal `into` (created if new).
  /// - Parameters:
  ///   - vkey: the log's verifier key (text or file), for a new mirror (later runs use the mirror's own policy).
  ///   - policy: a tlog-policy file instead of `vkey` (then its witness quorum is required too).
  public static func mirror(source: String, into journal: String, vkey: String? = nil, policy: String? = nil) throws(ServiceError)
    -> TileMirror.Report
  {
    let rules = vkey == nil && policy == nil ? nil : try KeyFiles.policy(vkey: vkey, policyFile: policy)
    let fetch: TileMirror.Fetch
    if source.hasPrefix("http://") || source.hasPrefix("https://") {
      let base = source.hasSuffix("/") ? source : source + "/"
      fetch = { (path: String) throws(JournalError) in try HTTPGet.fetch(base + path) }
    } else {
      fetch = { (path: String) throws(JournalError) in
        guard let bytes = try? InputFile.read(source + "/" + path) else {
          throw JournalError(.notFound, "The source has no \(path).", at: .init(file: source + "/" + path))
        }
        return bytes
      }
    }
    do { return try TileMirror.update(journal: journal, policy: rules, fetch: fetch) } catch { throw ServiceError(error) }
  }
}
