import Domain
import Journal

extension DECPImport {
  /// The events of a file, with what each came from (for reconciling with the journal).
  struct Staged {
    var converted = Importer.Converted()
    /// For each event: its record's uid and `datePublicationDonnees`.
    var uids: [String] = []
    var published: [String] = []
  }

  /// Maps every contract of `document` to its event, or to the one message that says what is wrong with it.
  static func convert(_ document: DECPDocument, facts: DECPFacts, options: Options) -> (Staged, Report) {
    var staged = Staged()
    var report = Report()
    report.version = document.version.rawValue
    report.syntax = document.syntax
    report.records = document.marches.count
    report.skippedConcessions = document.concessions
    staged.converted.count = document.marches.count
    var contractIds: [String: (uid: String, place: String)] = [:]
    for (number, members, fileProblems) in document.marches {
      func refuse(_ place: String, _ problems: [String], code: ServiceError.Code = .badInput) {
        let message = problems.joined(separator: "; ") + "."
        staged.converted.problems.append(ServiceError(code, message, at: .init(line: number, place: place)))
      }
      if !fileProblems.isEmpty {
        refuse(DECPRecord.place(number, uid: nil), fileProblems)
        continue
      }
      let record: DECPRecord
      switch DECPRecord.read(members, number: number, version: document.version, textScalars: document.textScalars) {
      case .defence:
        report.skippedDefence += 1
        continue
      case .refused(let place, let problems):
        refuse(place, problems)
        continue
      case .record(let r): record = r
      }
      let siren = String(record.buyerSiret.prefix(9))
      let buyer: Buyer
      switch options.buyerMap[siren] ?? knownBuyers[siren].map(BuyerChoice.buyer) {
      case .skip:
        report.skippedBuyers[siren, default: 0] += 1
        continue
      case .buyer(let b): buyer = b
      case nil:
        refuse(
          record.place,
          [
            "the buyer (SIREN \(siren), SIRET \(record.buyerSiret)) is neither the Ville de Strasbourg (216704825) nor the Eurométropole (246700488); map it with --buyer-map \(siren)=ville or \(siren)=eurometropole, or skip its records with --buyer-map \(siren)=skip"
          ])
        continue
      }
      let contractId = contractId(uid: record.uid)
      if let other = contractIds[contractId], other.uid != record.uid {
        refuse(
          record.place,
          [
            "its uid and that of \(other.place) both become the contract id \(contractId) (ess keeps lowercase letters, digits, '.', '_' and '-'); expected uids that stay distinct"
          ])
        continue
      }
      contractIds[contractId] = (record.uid, record.place)
      var notes: [String] = []
      switch record.event(facts: facts, buyer: buyer, author: options.author, warnings: &notes) {
      case .failure(let missing):
        refuse(record.place, [missing.sentence])
        continue
      case .success(let event):
        staged.converted.append(event, number: number, place: record.place)
        staged.uids.append(record.uid)
        staged.published.append(record.published)
        for d in EventCatalog.checksumProblems(type: event.type, data: event.data) {
          report.warnings.append(ServiceError(d, at: .init(line: number, place: record.place)))
        }
      }
      for note in notes { report.warnings.append(ServiceError(.badInput, note + ".", at: .init(line: number, place: record.place))) }
      if record.modifications > 0 {
        report.modifications += record.modifications
        report.recordsWithModifications += 1
      }
      if record.framework { report.frameworks.append(record.place) }
    }
    return (staged, report)
  }
}
