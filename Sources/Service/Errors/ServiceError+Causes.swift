import Domain
import Journal
import Projections

/// Service errors made from the lower layers' errors: their sentence kept
/// as it is, their code mapped, themselves kept as the cause.
extension ServiceError {
  /// A journal failure.
  public init(_ error: JournalError, at location: Location = Location()) {
    let code: Code =
      switch error.code {
      case .invalidInput, .malformedJSON: .badInput
      case .notAJournal: .notAJournal
      case .alreadyExists: .alreadyExists
      case .locked: .locked
      case .damaged: .damaged
      case .conflictingID: .conflictingID
      case .diskFull: .diskFull
      case .ioFailure: .ioFailure
      case .outcomeUnknown: .outcomeUnknown
      case .unsupportedFormat: .unsupportedFormat
      case .notFound: .notFound
      case .verificationFailed: .checkFailed
      }
    var at = location
    at.field = at.field ?? error.location?.field
    at.seq = at.seq ?? error.location?.seq
    at.file = at.file ?? error.location?.file
    self.init(code, error.message, at: at, cause: error)
  }

  /// Data refused by the catalog.
  public init(_ error: DomainError, at location: Location = Location()) {
    var at = location
    at.field = at.field ?? error.field
    self.init(error.code == .ruleBroken ? .ruleBroken : .badInput, error.message, at: at, cause: error)
  }

  /// Any error of the layers below, as a service error (unknown ones as an I/O failure).
  static func wrap(_ error: any Error, at location: Location = Location()) -> ServiceError {
    switch error {
    case let e as ServiceError: e
    case let e as JournalError: ServiceError(e, at: location)
    case let e as DomainError: ServiceError(e, at: location)
    default: ServiceError(.ioFailure, "Unexpected failure: \(error).", at: location)
    }
  }
}
