import ArgumentParser
import Glibc
import Service

/// `ess witness`: the offline witness another institution runs (PROOFS.md §4).
struct WitnessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "witness",
    abstract: "Run an offline witness: cosign a log's checkpoints only when they extend what it cosigned before.",
    discussion: """
      Examples (run by the witness, e.g. the CRESS for a Ville-run journal):
        ess witness init --name cress-grandest.org/witness --key-out ~/witness.key --state ~/witness
        ess witness add-log --state ~/witness strasbourg.eu/ess/journal+1a2b3c4d+AX…
        ess witness cosign --state ~/witness --key ~/witness.key cress.request > cress.cosig
      """,
    subcommands: [WitnessInit.self, WitnessAddLog.self, WitnessCosign.self]
  )
}

struct WitnessInit: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Create a witness: a new cosignature key and its state folder; print its verifier key.")

  @Option(help: "The witness's key name, e.g. cress-grandest.org/witness.") var name: String
  @Option(name: .customLong("key-out"), help: "Where to write the new private key (must not exist).") var keyOut: String
  @Option(help: "The witness's state folder.") var state: String

  func run() throws {
    try Failure.run { () throws(ServiceError) in print(try Witnessing.create(state: state, name: name, newKey: keyOut).vkey) }
  }
}

struct WitnessAddLog: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-log", abstract: "Follow a log, given its verifier key (text or file).")

  @Option(help: "The witness's state folder.") var state: String
  @Argument(help: "The log's verifier key, or a file holding it.") var vkey: String

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let (key, isNew) = try Witnessing.addLog(state: state, vkey: vkey)
      print(isNew ? "Following the log \(key.name)." : "Already following the log \(key.name) with this key.")
    }
  }
}

struct WitnessCosign: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cosign",
    abstract: "Check a consistency proof request; if it extends what was cosigned, store it and print the cosignature line.",
    discussion: """
      Exit codes: 0 cosigned; 2 unknown log (404) or old size above the new one (400); 1 bad log signature (403),
      an old size other than the one stored (409: the message says which), a proof that fails (422: keep the request,
      it is evidence).
      """)

  @Option(help: "The witness's state folder.") var state: String
  @Option(help: "The witness's private key file.") var key: String
  @Argument(help: "The request (from 'ess consistency'), or - for standard input.") var request: String

  func run() throws {
    try Failure.run { () throws(ServiceError) in
      let line = try Witnessing.cosign(state: state, key: key, request: request, time: UInt64(max(0, time(nil))))
      StandardOutput.write(line.line)
    }
  }
}
