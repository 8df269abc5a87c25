import ArgumentParser
import Catalog
import Journal

#if canImport(Glibc)
  import Glibc
#endif

/// Turns a journal error into CLI.md's exit codes and one sentence on stderr.
enum Failure {
  static func exit(_ error: JournalError) -> ExitCode {
    FileHandleStderr.write("ess: \(error.message)\n")
    switch error.code {
    case .damaged, .unsupportedFormat: return ExitCode(1)
    case .locked: return ExitCode(3)
    case .ioFailure, .diskFull: return ExitCode(1)
    default: return ExitCode(2)
    }
  }

  static func run(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as JournalError {
      throw exit(error)
    } catch let error as CatalogError {
      FileHandleStderr.write("ess: \(error.description)\n")
      throw ExitCode(2)
    }
  }
}

enum FileHandleStderr {
  static func write(_ s: String) {
    var bytes = Array(s.utf8)
    _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
  }
}
