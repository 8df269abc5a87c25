import ArgumentParser
import Service

struct CheckID: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check-id",
    abstract: "Say what each value is (SIREN, SIRET, RNA number) and which rule it breaks.",
    discussion: """
      A SIREN has 9 digits, a SIRET 14 (SIREN + NIC), both with a Luhn checksum; La Poste's SIRETs
      (356000000…) have digits summing to a multiple of 5. An RNA number is W followed by 9 digits.
      Spaces and dots are ignored. Exit status 2 when any value is not valid.

      Examples:
        ess check-id 216704825 '216 704 825 00019' W671234567
      """)

  @Argument(help: "The values to check.") var values: [String]

  func validate() throws {
    if values.isEmpty { throw ValidationError("Give at least one value to check, e.g. ess check-id 216704825.") }
  }

  func run() throws {
    var allValid = true
    for value in values {
      let verdict = IdentifierCheck.check(value)
      print(verdict.description)
      allValid = allValid && verdict.isValid
    }
    if !allValid { throw ExitCode(2) }
  }
}
