import Journal

extension Demo {
  /// `ess demo DIR`: makes the journal, then says what it holds, its 2022 bilan, and what to try next.
  /// - Throws: ``ServiceError`` if the folder is not empty or the journal cannot be written.
  public static func run(at directory: String) throws(ServiceError) -> String {
    let result = try materialise(at: directory)
    let bilan = try BilanReader(journal: directory).bilan(year: 2022)
    let signed = try signWithDemoKey(directory)
    return [
      "Created \(directory): \(result.appended) events of the bundled history in \(result.commits) commits (head seq \(result.head.seq), hash \(result.head.hash)).",
      "",
      bilan.text(language: .fr, markdown: false),
      "",
      "Signed checkpoint \(signed.checkpoint.size) (root \(signed.checkpoint.root.base64)) with a DEMO key made for this demo, \(signed.key)",
      "(origin \(demoOrigin); a real journal's key is made once with 'ess checkpoint init' and kept safe). Check an event's proof with:",
      "  ess prove \(signed.checkpoint.size) --journal \(directory) | ess verify-proof - --vkey \(directory)/checkpoints/log.vkey",
      "",
      "Next: ess bilan 2021 --journal \(directory) · ess history procurement.insertion_hours --year 2022 --journal \(directory) · ess log --journal \(directory)",
    ].joined(separator: "\n")
  }

  /// The origin of demo journals: not a real operator's.
  public static let demoOrigin = "example.org/ess/demo"

  /// Sets signing up with a new demo key, written beside the journal (never inside it), and signs the head.
  static func signWithDemoKey(_ directory: String) throws(ServiceError) -> (checkpoint: Checkpoint, key: String) {
    let trimmed = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
    let key = trimmed + ".demo-log.key"
    _ = try Checkpoints.setUp(journal: directory, origin: demoOrigin, newKey: key)
    let (signed, _) = try Checkpoints.sign(journal: directory, key: key)
    return (signed.checkpoint, key)
  }
}
