import ArgumentParser
import Journal

#if canImport(Glibc)
  import Glibc
#endif

@main
struct Ess: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ess",
    abstract: "The ESS journal: an append-only, tamper-evident history of Strasbourg's social and solidarity economy policy.",
    discussion: """
      Every change is an immutable event in a compressed journal; nothing is edited or deleted.
      Examples:
        ess demo /tmp/ess-demo
        ess init --journal ./journal
        ess append books.donation-counted --data '{"books":4265}' --occurred-on 2022-12-31 --author c.muller
        ess verify --journal ./journal
      """,
    subcommands: [
      Init.self, Demo.self, Append.self, Import.self, Correct.self, Retract.self, Log.self, Show.self, Types.self,
      BilanCommand.self, History.self, Rebuild.self, Verify.self, Export.self, Stats.self, Seal.self,
    ]
  )

  /// As ParsableCommand's, but usage errors exit with 2 (CLI.md), not 64.
  static func main() {
    // Large imports and folds build and drop hundreds of MB: keep freed memory
    // in the process instead of handing it back to the kernel and faulting it
    // in again page by page. Best effort: a refused setting changes only speed.
    MallocTuning.keepFreedMemory()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandleStderr.write(fullMessage(for: error) + "\n")
        Glibc.exit(2)
      }
      exit(withError: error)
    }
  }
}

/// `--journal DIR`, else `ESS_JOURNAL`, else `./journal` (CLI.md).
struct JournalOption: ParsableArguments {
  @Option(name: .long, help: "The journal folder (default: $ESS_JOURNAL, else ./journal).")
  var journal: String?

  var path: String {
    if let journal { return journal }
    if let env = getenv("ESS_JOURNAL") { return String(cString: env) }
    return "./journal"
  }
}

/// glibc's `mallopt` (declared in <malloc.h>, which the Glibc module does
/// not import), looked up by name.
enum MallocTuning {
  static func keepFreedMemory() {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
    let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-3, 32 << 20)  // M_MMAP_THRESHOLD: blocks up to 32 MiB come from the heap, reused once freed
    _ = mallopt(-1, 1 << 30)  // M_TRIM_THRESHOLD: keep up to 1 GiB of freed heap
    _ = mallopt(-2, 64 << 20)  // M_TOP_PAD: grow the heap 64 MiB at a time
  }
}
