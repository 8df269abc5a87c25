import Glibc
import Journal

/// A valid history for `ess import` (JSON Lines envelopes, EVENTS.md): first
/// the awarded contracts (`c0`, `c1`, …, dated 2015), then insertion-hours
/// reports on contracts drawn at random, dated 2016–2023, so that every
/// report passes the integrity rule (its contract awarded on or before its
/// date) and the 2022 bilan has something to count.
///
/// Line `i` depends only on (seed, i): the history of 20 000 lines is the
/// first 20 000 lines of the one of 1 000 000, and any slice of lines can be
/// written again, identical, without holding the others.
struct CostHistory {
  let seed: UInt64
  /// Lines of the history.
  let lines: Int

  /// 2 000 contracts, or half the lines for a tiny history.
  var contracts: Int { min(2000, max(1, lines / 2)) }

  static let awardees = [
    "Jardins de la Montagne Verte", "Envie Strasbourg", "Humanis", "Emmaüs Mundo", "Libre Objet", "Régie des écrans",
    "Les Disciples", "Vétis", "Atelier Rés'Ô", "Siné Bâtiment",
  ]
  static let works = [
    "Entretien des espaces verts", "Collecte des encombrants", "Nettoyage des locaux", "Second œuvre bâtiment",
    "Restauration scolaire", "Réemploi du mobilier",
  ]

  /// Writes lines `from..<to` to `path` (created or truncated), 1 MiB at a time.
  func write(_ path: String, from: Int = 0, to: Int? = nil) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { System.fail("cannot create \(path)") }
    defer { close(fd) }
    var buffer: [UInt8] = []
    buffer.reserveCapacity((1 << 20) + 4096)
    for i in from..<(to ?? lines) {
      appendLine(i, to: &buffer)
      if buffer.count >= 1 << 20 {
        System.writeAll(fd, buffer[...], path)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    System.writeAll(fd, buffer[...], path)
  }

  /// The contract an append at the end of the history may report on.
  func contractId(_ k: Int) -> String { "c\(k % contracts)" }

  /// Line `i`, an envelope as `ess import` reads it, with its newline.
  func appendLine(_ i: Int, to out: inout [UInt8]) {
    var r = SplitMix64(seed: seed ^ 0xC057_C057_0000_0000 ^ (UInt64(i) &* 0xE703_7ED1_A0B4_28DB))
    _ = r.next()
    func raw(_ s: String) { out.append(contentsOf: s.utf8) }
    func string(_ s: String) { JSONValue.appendCanonicalString(s, to: &out) }
    func field(_ key: String, _ value: Int) { raw(",\"\(key)\":\(value)") }
    func flag(_ key: String, _ value: Bool) { raw(",\"\(key)\":\(value)") }
    let author = r.pick(Generator.authors)
    if i < contracts {
      raw("{\"type\":\"procurement.contract-awarded\",\"occurredOn\":\"2015-")
      raw(Generator.two(1 + i % 12) + "-" + Generator.two(1 + (i / 12) % 28) + "\",\"author\":")
      string(author)
      raw(",\"source\":\"rapport SPASER 2015\",\"data\":{\"contractId\":\"c\(i)\",\"title\":")
      string("\(r.pick(CostHistory.works)), lot \(1 + r.below(9)) (n°\(i))")
      raw(",\"buyer\":\"\(r.below(2) == 0 ? "ville" : "eurometropole")\",\"awardee\":")
      string(r.pick(CostHistory.awardees))
      let cents = 1_000_000 + r.below(50_000_000)
      raw(",\"amountEUR\":\(cents / 100).\(Generator.two(cents % 100))")
      flag("socialClause", r.below(4) != 0)
      flag("environmentalClause", r.below(2) == 0)
      flag("awardeeIsESS", r.below(3) == 0)
      flag("awardeeIsSME", r.below(4) != 0)
      flag("awardeeIsLocal", r.below(5) != 0)
      raw("}}\n")
      return
    }
    let year = 2016 + r.below(8)
    raw("{\"type\":\"procurement.insertion-hours-reported\",\"occurredOn\":\"\(year)-")
    raw(Generator.two(1 + r.below(12)) + "-" + Generator.two(1 + r.below(28)) + "\",\"author\":")
    string(author)
    raw(",\"data\":{\"contractId\":\"c\(r.below(contracts))\"")
    let hours = 35 + r.below(4000)
    let beneficiaries = 1 + r.below(40)
    field("insertionHours", hours)
    field("trainingHours", r.below(hours / 4 + 1))
    field("beneficiaries", beneficiaries)
    field("beneficiariesInQPV", r.below(beneficiaries + 1))
    raw("}}\n")
  }
}
