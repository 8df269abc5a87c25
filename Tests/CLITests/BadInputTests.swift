import Foundation
import TestSupport
import Testing

/// The bad-input corpus of BadInput/ (see its README.md): each case, imported into a fresh copy
/// of the base journal, must be refused with the expected exit code, a first line of stderr that
/// names what, where and what was expected, and a journal left byte for byte as it was.
@Suite("Bad input corpus")
struct BadInputTests {
  @Test func corpusCoversAtLeastFortyCases() {
    #expect(Corpus.cases.count >= 40, "only \(Corpus.cases.count) cases in \(Corpus.folder.path)")
    #expect(FileManager.default.fileExists(atPath: Corpus.base.path), "missing _base.jsonl")
    for name in Corpus.cases {
      #expect(Corpus.inputFile(name) != nil, "\(name): no input file (.jsonl, .gen, or another extension)")
    }
  }

  @Test(arguments: Corpus.cases)
  func importIsRefused(_ name: String) throws {
    let ess = try #require(Tools.built("ess"), "no executable named ess near \(CommandLine.arguments[0])")
    let expected = try Expectation(name)
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("ess-bad-input-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }

    let journal = work.appendingPathComponent("journal").path
    let created = try Corpus.run(ess, ["init", "--journal", journal], in: work)
    try #require(created.status == 0, "ess init: \(created.stderr)")
    let based = try Corpus.run(ess, ["import", Corpus.base.path, "--journal", journal], in: work)
    try #require(based.status == 0, "ess import _base.jsonl: \(based.stderr)")

    let input = try Corpus.input(name, in: work)
    let before = try FolderSnapshot.files(of: journal)
    let arguments = try Corpus.arguments(name, input: input, journal: journal, dryRun: expected.dryRun)
    let result = try Corpus.run(ess, arguments, in: work)

    let firstLine = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    #expect(result.status == expected.status, "\(name): exit \(result.status), expected \(expected.status); stderr: \(firstLine)")
    let searched = expected.dryRun ? result.stderr : firstLine
    let scope = expected.dryRun ? "stderr" : "the first line of stderr"
    for word in expected.words {
      #expect(searched.contains(word), "\(name): \(scope) lacks \"\(word)\": \(expected.dryRun ? result.stderr : firstLine)")
    }
    #expect(try FolderSnapshot.files(of: journal) == before, "\(name): the journal's files changed")
  }
}

/// One `<NN>-<slug>.expect`: the exit code (with `--dry-run` to run a dry run), then one word
/// or phrase a line: in the first line of stderr, or anywhere in stderr for a dry run.
struct Expectation {
  var status: Int32
  var dryRun: Bool
  var words: [String]

  init(_ name: String) throws {
    let url = Corpus.folder.appendingPathComponent("\(name).expect")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    let head = try #require(lines.first, "\(name).expect is empty").split(separator: " ")
    status = try #require(head.first.flatMap { Int32($0) }, "\(name).expect: first line must start with an exit code")
    dryRun = head.dropFirst().contains("--dry-run")
    words = lines.dropFirst().filter { !$0.isEmpty }
    try #require(!words.isEmpty, "\(name).expect lists no expected word")
  }
}

enum Corpus {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInput")
  static let base = folder.appendingPathComponent("_base.jsonl")

  /// The case names (`NN-slug`), one per `.expect` file, in order.
  static let cases: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return files.filter { $0.hasSuffix(".expect") }.map { String($0.dropLast(".expect".count)) }.sorted()
  }()

  /// Files of a case that are not its input.
  static let notInput: Set<String> = ["expect", "gen", "cmd"]

  /// The case's input file as committed (`NN-slug.jsonl`, `.csv`, `.json`, `.xml`…), if there is one.
  static func inputFile(_ name: String) -> URL? {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    if files.contains("\(name).gen") { return folder.appendingPathComponent("\(name).gen") }
    let file = files.first { $0.hasPrefix(name + ".") && !notInput.contains(String($0.dropFirst(name.count + 1))) }
    return file.map { folder.appendingPathComponent($0) }
  }

  /// The command: `import FILE --journal J [--dry-run]`, or the lines of `NN-slug.cmd` (one argument a line,
  /// `{input}`, `{journal}` and `{corpus}` (this folder, to read another case's file as well) replaced;
  /// `--dry-run` added when expected).
  static func arguments(_ name: String, input: String, journal: String, dryRun: Bool) throws -> [String] {
    let cmd = folder.appendingPathComponent("\(name).cmd")
    guard FileManager.default.fileExists(atPath: cmd.path) else {
      return ["import", input, "--journal", journal] + (dryRun ? ["--dry-run"] : [])
    }
    let lines = try String(contentsOf: cmd, encoding: .utf8).split(separator: "\n").map(String.init)
    return lines.map {
      $0.replacingOccurrences(of: "{input}", with: input).replacingOccurrences(of: "{journal}", with: journal)
        .replacingOccurrences(of: "{corpus}", with: folder.path)
    }
      + (dryRun ? ["--dry-run"] : [])
  }

  /// The case's input: its committed file as is, or the file a `NN-slug.gen` describes, written into `work`.
  static func input(_ name: String, in work: URL) throws -> String {
    if let file = inputFile(name), file.pathExtension != "gen" { return file.path }
    let spec = try String(contentsOf: folder.appendingPathComponent("\(name).gen"), encoding: .utf8)
    let lines = spec.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let words = try #require(lines.first, "\(name).gen is empty").split(separator: " ")
    try #require(words.count == 2 && words[0] == "repeat-line-bytes", "\(name).gen: unknown instruction \(lines[0])")
    let size = try #require(Int(words[1]), "\(name).gen: \(words[1]) is not a byte count")
    let template = lines.count > 1 && !lines[1].isEmpty ? lines[1] : "@@"
    let parts = template.components(separatedBy: "@@")
    try #require(parts.count == 2, "\(name).gen: the template must hold '@@' exactly once")
    let fill = size - parts[0].utf8.count - parts[1].utf8.count
    try #require(fill >= 0, "\(name).gen: the template is longer than \(size) bytes")
    var bytes = Data(parts[0].utf8)
    bytes.append(Data(repeating: UInt8(ascii: "x"), count: fill))
    bytes.append(Data((parts[1] + "\n").utf8))
    let url = work.appendingPathComponent("\(name).jsonl")
    try bytes.write(to: url)
    return url.path
  }

  /// Runs `ess` with ESS_AUTHOR set, no ESS_JOURNAL, stdin at end of file.
  static func run(_ ess: String, _ arguments: [String], in work: URL) throws -> (status: Int32, stderr: String) {
    let r = try Tools.run(ess, arguments, environment: ["ESS_AUTHOR": "x", "ESS_JOURNAL": nil])
    return (r.status, r.stderr)
  }
}
