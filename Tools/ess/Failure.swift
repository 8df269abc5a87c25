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
    case .damaged:
      return "\(error) 'ess verify' tells what is intact."
    default:
      return error.description
    }
  }

  static func exitCode(_ code: ServiceError.Code) -> Int32 {
    switch code {
    case .damaged, .unsupportedFormat, .ioFailure, .diskFull: 1
    case .locked: 3
    case .badInput, .ruleBroken, .conflictingID, .notAJournal, .alreadyExists, .notFound: 2
    }
  }
}
