import ArgumentParser
import Service

/// Turns a service error into CLI.md's exit codes and one sentence on stderr.
enum Failure {
  static func run(_ body: () throws(ServiceError) -> Void) throws {
    do {
      try body()
    } catch {
      StandardError.write("ess: \(sentence(error))\n")
      throw ExitCode(exitCode(error.code))
    }
  }

  /// The value `body` makes, or the exit its error calls for.
  static func value<T>(_ body: () throws(ServiceError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      StandardError.write("ess: \(sentence(error))\n")
      throw ExitCode(exitCode(error.code))
    }
  }

  /// The error, with the advice only the command line can give.
  static func sentence(_ error: ServiceError) -> String {
    switch error.code {
    case .notAJournal:
      let path = error.location.file ?? "DIR"
      return "\(error) Create one with 'ess init --journal \(path)', or point --journal (or ESS_JOURNAL) to an existing one."
    case .outcomeUnknown:
      return "\(error) \(retryAdvice(error))"
    case .notFound where error.location.file?.hasSuffix("checkpoints/origin") == true:
      return "\(error) Set signing up with 'ess checkpoint init --origin ORIGIN --key-out FILE'."
    case .badInput where error.location.file?.hasSuffix("/checkpoints") == true:
      return "\(error) Sign one with 'ess checkpoint --key FILE'."
    default:
      return error.description
    }
  }

  /// How to make sure a commit of unknown outcome is there, without appending anything twice.
  static func retryAdvice(_ error: ServiceError) -> String {
    guard let outcome = error.unknownOutcome else { return "Check with 'ess log' before retrying." }
    var ways: [String] = []
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "append", outcome.ids.count == 1, !arguments.contains("--id") {
      ways.append(
        "run the same command with its id: " + (["ess"] + arguments + ["--id", outcome.ids[0]]).map(shellQuoted).joined(separator: " "))
    }
    if let file = outcome.retryFile {
      ways.append("import the events kept with their ids: ess import \(shellQuoted(file))" + journalArgument(arguments))
    }
    guard !ways.isEmpty else {
      return
        "The events' ids were \(outcome.ids.prefix(3).joined(separator: ", "))\(outcome.ids.count > 3 ? "…" : ""): check with 'ess show ID' before retrying."
    }
    return "To make sure it is committed, without appending anything twice, " + ways.joined(separator: "; or ") + "."
  }

  static func journalArgument(_ arguments: [String]) -> String {
    guard let i = arguments.firstIndex(of: "--journal"), i + 1 < arguments.count else { return "" }
    return " --journal " + shellQuoted(arguments[i + 1])
  }

  /// A word as a POSIX shell reads it back.
  static func shellQuoted(_ word: String) -> String {
    let plain = word.utf8.allSatisfy { b in
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || "._/=:@%+,-".utf8.contains(b)
    }
    return plain && !word.isEmpty ? word : "'" + word.replacing("'", with: "'\\''") + "'"
  }

  static func exitCode(_ code: ServiceError.Code) -> Int32 {
    switch code {
    case .damaged, .unsupportedFormat, .ioFailure, .diskFull, .outcomeUnknown, .checkFailed: 1
    case .locked: 3
    case .badInput, .ruleBroken, .conflictingID, .notAJournal, .alreadyExists, .notFound: 2
    }
  }
}
