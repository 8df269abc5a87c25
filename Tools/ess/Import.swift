import ArgumentParser
import Catalog
import Journal

#if canImport(Glibc)
  import Glibc
#endif

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Append a JSON Lines file as ONE all-or-nothing commit.",
    discussion: """
      Each line is an event envelope (EVENTS.md): type, occurredOn, author, data, and optionally
      id, source, reason, and recordedAt (legacy history only). seq, version, prev and hash are ignored.
      With --dry-run, every line is checked and every problem reported; nothing is written.

      Examples:
        ess import spaser-2022.jsonl --dry-run
        ess export --journal old | ess import - --journal new
      """)

  @OptionGroup var journal: JournalOption
  @Argument(help: "The file to import; - reads standard input.") var file: String
  @Flag(help: "Check every line and report all problems, without writing.") var dryRun = false

  func run() throws {
    try Failure.run {
      let bytes = try InputFile.read(file)
      let ledger = try Ledger(journal: journal.path)
      let showProgress = Terminal.stderrIsTerminal && bytes.count > 4 << 20
      let report = try Importer.run(bytes, into: ledger, dryRun: dryRun) { done, total in
        if showProgress { Progress.show(done, total) }
      }
      if showProgress { Progress.clear() }
      if dryRun {
        for p in report.problems { FileHandleStderr.write(p.description + "\n") }
        print(
          "Checked \(report.lines) line(s): \(report.problems.isEmpty ? "no problem, the import would succeed" : "\(report.problems.count) problem(s), nothing would be written")."
        )
        if !report.problems.isEmpty { throw ExitCode(2) }
      } else {
        let fresh = report.appended.filter { !$0.existed }
        if let first = fresh.first, let last = fresh.last {
          print("Imported \(fresh.count) event(s) as one commit: seq \(first.seq)…\(last.seq), head hash \(last.hash).")
        } else {
          print("Nothing new: every event of the file was already in the journal.")
        }
        if report.alreadyPresent > 0 { print("\(report.alreadyPresent) event(s) were already in the journal (same id and content).") }
      }
    }
  }
}

enum Progress {
  static func show(_ done: Int, _ total: Int) {
    let pct = total == 0 ? 100 : done * 100 / total
    let bar = String(repeating: "█", count: pct / 4) + String(repeating: "░", count: 25 - pct / 4)
    FileHandleStderr.write("\rChecking \(bar) \(pct)%")
  }
  static func clear() { FileHandleStderr.write("\r" + String(repeating: " ", count: 45) + "\r") }
}

/// Reads a whole file, or standard input for "-".
enum InputFile {
  static func read(_ path: String) throws -> [UInt8] {
    let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw CatalogError(.invalidValue, "Cannot open \(path): \(String(cString: strerror(errno))).", given: path)
    }
    defer { if fd != 0 { close(fd) } }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw CatalogError(.invalidValue, "Cannot read \(path): \(String(cString: strerror(errno))).", given: path)
      }
      if n == 0 { return out }
      out += chunk[0..<n]
    }
  }
}
