/// Which checkpoints to believe (C2SP tlog-policy): the logs whose signature
/// counts, the witnesses, groups of them with thresholds, and the quorum
/// that a checkpoint's cosignatures must meet.
///
/// ```
/// log example.org/ess/test+d58e300e+AX60…
/// witness cress example.org/ess/test-witness+1b1c1495+BAa4…
/// quorum cress
/// ```
public struct WitnessPolicy: Sendable, Equatable {
  public struct Witness: Sendable, Equatable {
    /// The witness's name in the policy (not its key's name).
    public var name: String
    public var key: NoteVerifier
  }

  public struct Group: Sendable, Equatable {
    public var name: String
    public var threshold: Int
    public var members: [String]
  }

  public private(set) var logs: [NoteVerifier] = []
  public private(set) var witnesses: [Witness] = []
  public private(set) var groups: [Group] = []
  public private(set) var quorum = Quorum.none

  /// The rule a checkpoint's cosignatures must meet.
  public enum Quorum: Sendable, Equatable, CustomStringConvertible {
    case none
    case named(String)
    public var description: String {
      switch self {
      case .none: "quorum none"
      case .named(let n): "quorum \(n)"
      }
    }

    /// Whether the witnesses whose cosignatures verified (`cosigners`) meet it.
    func isMet(by cosigners: [NoteVerifier], policy: WitnessPolicy) -> Bool {
      guard case .named(let name) = self else { return true }
      return policy.witnessed(name, cosigners: cosigners)
    }
  }

  /// A policy of one log and no witness (`quorum none`).
  public init(log: NoteVerifier) {
    logs = [log]
  }

  /// The same logs, with no witness required (to check a log's own signature).
  public var logOnly: WitnessPolicy {
    var p = self
    p.quorum = .none
    return p
  }

  /// Parses a policy file.
  /// - Throws: `.invalidInput` naming the line and what was expected.
  public init(text: String) throws(JournalError) {
    var sawQuorum = false
    var names: Set<String> = ["none"]
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = n + 1
      if raw.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
        throw Self.bad(line, "holds a control character")
      }
      let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard let keyword = words.first, !keyword.hasPrefix("#") else { continue }
      switch keyword {
      case "log":
        guard words.count == 2 || words.count == 3 else { throw Self.bad(line, "must read 'log <vkey> [<url>]'") }
        let key = try Self.key(words[1], line: line)
        guard key.kind == .ed25519 else {
          throw Self.bad(line, "names a log with a cosignature (0x04) key; a log signs with an Ed25519 (0x01) key")
        }
        guard !logs.contains(where: { $0.publicKey == key.publicKey }) else { throw Self.bad(line, "repeats a log key") }
        logs.append(key)
      case "witness":
        guard words.count == 3 || words.count == 4 else { throw Self.bad(line, "must read 'witness <name> <vkey> [<url>]'") }
        guard !names.contains(words[1]) else { throw Self.bad(line, "defines the name '\(words[1])' twice") }
        let key = try Self.key(words[2], line: line)
        guard key.kind == .cosignature else { throw Self.bad(line, "names a witness whose key is not a cosignature (0x04) key") }
        guard !witnesses.contains(where: { $0.key.publicKey == key.publicKey }) else { throw Self.bad(line, "repeats a witness key") }
        names.insert(words[1])
        witnesses.append(Witness(name: words[1], key: key))
      case "group":
        guard words.count >= 4 else { throw Self.bad(line, "must read 'group <name> all|any|<k> <name>…'") }
        guard !names.contains(words[1]) else { throw Self.bad(line, "defines the name '\(words[1])' twice") }
        let members = Array(words[3...])
        guard Set(members).count == members.count else { throw Self.bad(line, "lists a member twice") }
        for m in members where m == "none" || !names.contains(m) {
          throw Self.bad(line, "names '\(m)', which no earlier line defines as a witness or group")
        }
        let k: Int
        switch words[2] {
        case "all": k = members.count
        case "any": k = 1
        default:
          guard let v = Int(words[2]), words[2].first != "0", (1...members.count).contains(v) else {
            throw Self.bad(line, "needs a threshold 'all', 'any' or a number from 1 to \(members.count)")
          }
          k = v
        }
        names.insert(words[1])
        groups.append(Group(name: words[1], threshold: k, members: members))
      case "quorum":
        guard words.count == 2 else { throw Self.bad(line, "must read 'quorum <name>' or 'quorum none'") }
        guard !sawQuorum else { throw Self.bad(line, "is a second quorum line; a policy has exactly one") }
        guard names.contains(words[1]) else { throw Self.bad(line, "names '\(words[1])', which no earlier line defines") }
        sawQuorum = true
        quorum = words[1] == "none" ? .none : .named(words[1])
      default:
        throw Self.bad(line, "starts with '\(keyword)'; expected log, witness, group or quorum")
      }
    }
    guard sawQuorum else {
      throw JournalError(.invalidInput, "The policy has no quorum line; add 'quorum none' or 'quorum <witness or group>'.")
    }
  }

  /// The policy file's text.
  public var text: String {
    var lines = logs.map { "log \($0.vkey)" }
    lines += witnesses.map { "witness \($0.name) \($0.key.vkey)" }
    lines += groups.map { "group \($0.name) \($0.threshold) \($0.members.joined(separator: " "))" }
    lines.append(quorum.description)
    return lines.joined(separator: "\n") + "\n"
  }

  /// Adds a witness (replacing none: its name and key must be new).
  public mutating func addWitness(name: String, key: NoteVerifier) throws(JournalError) {
    guard key.kind == .cosignature else {
      throw JournalError(.invalidInput, "A witness's key must be a cosignature (0x04) key; '\(key.name)' is not.")
    }
    guard !witnesses.contains(where: { $0.name == name || $0.key.publicKey == key.publicKey }), name != "none",
      !groups.contains(where: { $0.name == name })
    else { throw JournalError(.invalidInput, "The policy already has a witness named '\(name)' or with that key.") }
    witnesses.append(Witness(name: name, key: key))
  }

  /// Sets the quorum to a witness or group of the policy, or none.
  public mutating func setQuorum(_ name: String?) throws(JournalError) {
    guard let name, name != "none" else {
      quorum = .none
      return
    }
    guard witnesses.contains(where: { $0.name == name }) || groups.contains(where: { $0.name == name }) else {
      throw JournalError(.invalidInput, "The policy has no witness or group named '\(name)'.")
    }
    quorum = .named(name)
  }

  /// Whether the witness or group `name` has witnessed, given the keys that cosigned.
  func witnessed(_ name: String, cosigners: [NoteVerifier]) -> Bool {
    if let w = witnesses.first(where: { $0.name == name }) { return cosigners.contains(w.key) }
    guard let g = groups.first(where: { $0.name == name }) else { return false }
    return g.members.filter { witnessed($0, cosigners: cosigners) }.count >= g.threshold
  }

  static func key(_ text: String, line: Int) throws(JournalError) -> NoteVerifier {
    do { return try NoteVerifier(vkey: text) } catch { throw JournalError(.invalidInput, "Policy line \(line): \(error.message)") }
  }

  static func bad(_ line: Int, _ what: String) -> JournalError {
    JournalError(.invalidInput, "Policy line \(line) \(what).")
  }
}
