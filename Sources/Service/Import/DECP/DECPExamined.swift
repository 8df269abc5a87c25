import Domain
import Journal

/// What one contract of a DECP file becomes, worked out on its own (so that
/// records can be read on every core) before ``DECPImport/Staging`` takes
/// them in file order: the checks that need the other records (two uids
/// folding to one contract id) are made there.
enum DECPExamined: Sendable {
  /// A v1.5 concession in the list of contracts (skipped, counted).
  case concession
  /// A "Marché de défense ou de sécurité" (skipped, counted).
  case defence
  /// Its problems, each a sentence.
  case refused(number: Int, place: String, problems: [String])
  /// A buyer mapped to `skip`, by SIREN.
  case skippedBuyer(siren: String)
  /// Read and mapped: the event, or the facts it lacks; the warnings it gives.
  case mapped(Mapped)

  struct Mapped: Sendable {
    var record: DECPRecord
    var contractId: String
    var event: Result<NewEvent, DECPRecord.MissingFacts>
    /// Identifier checksums (the catalog's sentences), then the reader's notes.
    var checksums: [DomainError]
    var notes: [String]
  }

  /// Examines the members of record `number` (or the problems that keep it from being read).
  static func examine(
    number: Int, members: [String: JSONValue], problems fileProblems: [String], version: DECPVersion, textScalars: Bool,
    facts: DECPFacts, options: DECPImport.Options
  ) -> DECPExamined {
    if !fileProblems.isEmpty { return .refused(number: number, place: DECPRecord.place(number, uid: nil), problems: fileProblems) }
    let record: DECPRecord
    switch DECPRecord.read(members, number: number, version: version, textScalars: textScalars) {
    case .defence: return .defence
    case .refused(let place, let problems): return .refused(number: number, place: place, problems: problems)
    case .record(let r): record = r
    }
    let siren = String(record.buyerSiret.prefix(9))
    let buyer: Buyer
    switch options.buyerMap[siren] ?? DECPImport.knownBuyers[siren].map(DECPImport.BuyerChoice.buyer) {
    case .skip: return .skippedBuyer(siren: siren)
    case .buyer(let b): buyer = b
    case nil:
      return .refused(
        number: number, place: record.place,
        problems: [
          "the buyer (SIREN \(siren), SIRET \(record.buyerSiret)) is neither the Ville de Strasbourg (216704825) nor the Eurométropole (246700488); map it with --buyer-map \(siren)=ville or \(siren)=eurometropole, or skip its records with --buyer-map \(siren)=skip"
        ])
    }
    var notes: [String] = []
    var checksums: [DomainError] = []
    let event = record.event(facts: facts, buyer: buyer, author: options.author, warnings: &notes, checksums: &checksums)
    return .mapped(
      Mapped(record: record, contractId: DECPImport.contractId(uid: record.uid), event: event, checksums: checksums, notes: notes))
  }
}

extension DECPImport {
  /// The records of a file taken in order: the events, the problems and what the report counts.
  struct Staging {
    var staged = Staged()
    var report = Report()
    /// Contract id → the uid and place of the first record that became it.
    var contractIds: [String: (uid: String, place: String)] = [:]

    /// Takes the next record of the file.
    mutating func take(_ examined: DECPExamined, number: Int) {
      func refuse(_ place: String, _ problems: [String]) {
        let message = problems.joined(separator: "; ") + "."
        staged.converted.problems.append(ServiceError(.badInput, message, at: .init(line: number, place: place)))
      }
      switch examined {
      case .concession: report.skippedConcessions += 1
      case .defence: report.skippedDefence += 1
      case .refused(_, let place, let problems): refuse(place, problems)
      case .skippedBuyer(let siren): report.skippedBuyers[siren, default: 0] += 1
      case .mapped(let m):
        let record = m.record
        if let other = contractIds[m.contractId], other.uid != record.uid {
          refuse(
            record.place,
            [
              "its uid and that of \(other.place) both become the contract id \(m.contractId) (ess keeps lowercase letters, digits, '.', '_' and '-'); expected uids that stay distinct"
            ])
          return
        }
        contractIds[m.contractId] = (record.uid, record.place)
        switch m.event {
        case .failure(let missing):
          refuse(record.place, [missing.sentence])
          return
        case .success(let event):
          staged.converted.append(event, number: number, place: record.place)
          staged.published.append(record.published)
          for d in m.checksums { report.warnings.append(ServiceError(d, at: .init(line: number, place: record.place))) }
        }
        for note in m.notes {
          report.warnings.append(ServiceError(.badInput, note + ".", at: .init(line: number, place: record.place)))
        }
        if record.modifications > 0 {
          report.modifications += record.modifications
          report.recordsWithModifications += 1
        }
        if record.framework { report.frameworks.append(record.place) }
      }
    }
  }
}
