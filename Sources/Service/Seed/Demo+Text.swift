import Journal

extension Demo {
  /// `ess demo DIR`: makes the journal, then says what it holds, its 2022 bilan, and what to try next.
  /// - Throws: ``ServiceError`` if the folder is not empty or the journal cannot be written.
  public static func run(at directory: String) throws(ServiceError) -> String {
    let result = try materialise(at: directory)
    let signed = try signWithDemoKeys(directory)
    let bilan = String(decoding: signed.published.output.dropLast(), as: UTF8.self)
    let vkey = signed.publisherVkey
    return [
      "Created \(directory): \(result.appended) events of the bundled history in \(result.commits) commits (head seq \(result.head.seq), hash \(result.head.hash)).",
      "",
      bilan,
      "",
      "Signed checkpoint \(signed.published.body.treeSize) (root \(signed.published.body.treeRoot.base64)) with DEMO keys made for this demo",
      "(\(signed.logKey), \(signed.publisherKey); origin \(demoOrigin)): a real journal's keys are made once and kept safe.",
      "The bilan above is in \(signed.bilanFile), its signed receipt in \(signed.bilanFile).receipt (a real publication is also",
      "logged as a bilan.published event; the demo leaves its journal as the bundled history). Check it with:",
      "  ess verify-receipt \(signed.bilanFile).receipt \(signed.bilanFile) --vkey \(vkey) --journal \(directory) --rerun",
      "The page to publish, with its charts (open it in a browser; it has its receipt too): \(signed.htmlFile)",
      "",
      "Next: ess bilan 2021 --journal \(directory) · ess history procurement.insertion_hours --year 2022 --journal \(directory) · ess prove 812 --journal \(directory)",
    ].joined(separator: "\n")
  }

  /// The origin of demo journals: not a real operator's.
  public static let demoOrigin = "example.org/ess/demo"

  /// Sets signing up with new demo keys, written beside the journal (never
  /// inside it), signs the head, and publishes the 2022 bilan (text, French)
  /// with its receipt beside the journal.
  static func signWithDemoKeys(_ directory: String) throws(ServiceError) -> (
    published: Receipts.Published, logKey: String, publisherKey: String, publisherVkey: String, bilanFile: String, htmlFile: String
  ) {
    let base = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
    let logKey = base + "-demo-log.key"
    let publisherKey = base + "-demo-publisher.key"
    _ = try Checkpoints.setUp(journal: directory, origin: demoOrigin, newKey: logKey)
    _ = try Checkpoints.sign(journal: directory, key: logKey)
    let publisher: NoteSigner
    do { publisher = try NoteSigner.generate(name: demoOrigin + "-bilans") } catch { throw ServiceError(error) }
    try KeyFiles.write(publisher, to: publisherKey, notInside: directory)
    let bilanFile = base + "-bilan-2022.txt"
    let published = try Receipts.publish(
      journal: directory, year: 2022, format: .text, language: .fr, key: publisherKey, author: "demo",
      program: BuildIdentity.program(), receiptPath: bilanFile + ".receipt", outputPath: bilanFile, logEvent: false)
    _ = try Receipts.publish(
      journal: directory, year: 2022, format: .html, language: .fr, key: publisherKey, author: "demo",
      program: BuildIdentity.program(), receiptPath: base + "-bilan-2022.html.receipt", outputPath: base + "-bilan-2022.html",
      logEvent: false)
    return (published, logKey, publisherKey, publisher.verifier.vkey, bilanFile, base + "-bilan-2022.html")
  }
}
