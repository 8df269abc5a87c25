import ArgumentParser
import Service

struct KeyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "key", abstract: "Make signing keys (a publisher's, a countersigner's).", subcommands: [KeyGenerate.self])
}

struct KeyGenerate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Make a new Ed25519 key: write the private key file (mode 0600) and print the verifier key to publish.",
    discussion: """
      The log's key is made by 'ess checkpoint init', a witness's by 'ess witness init'. Example:
        ess key generate --name strasbourg.eu/ess/bilans --key-out /etc/ess/publisher.key
      """)

  @Option(help: "The key's name, e.g. strasbourg.eu/ess/bilans (no spaces, no '+').") var name: String
  @Option(name: .customLong("key-out"), help: "Where to write the private key (must not exist).") var keyOut: String

  func run() throws {
    try Failure.run { () throws(ServiceError) in print(try Keys.generate(name: name, keyOut: keyOut).vkey) }
  }
}
