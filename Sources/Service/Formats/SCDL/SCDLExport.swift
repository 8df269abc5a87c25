import Domain
import Journal
import Projections

/// `ess export --format scdl-subventions`: the subsidies as they count now
/// (corrections applied, retractions removed), as the SCDL "subventions" CSV
/// the open-data portal publishes: UTF-8, `,`, CRLF, a header of the schema's
/// column names.
///
/// ```swift
/// let out = try SCDLExport.csv(journal: "journal")
/// print(out.text)   // nomAttribuant,idAttribuant,dateConvention,…
/// out.incomplete    // seqs of subsidies lacking notificationUE or pourcentageSubvention
/// ```
public enum SCDLExport {
  /// The CSV text, and the seqs of subsidies without the two values the
  /// schema requires and the catalog does not (`notificationUE`,
  /// `pourcentageSubvention`): their cells are empty until a correction gives them.
  public struct Output: Sendable, Equatable {
    public var text: String
    public var rows: Int
    public var incomplete: [UInt64]
  }

  /// Reads the whole journal.
  /// - Throws: ``ServiceError``: a journal that cannot be read.
  public static func csv(journal: String) throws(ServiceError) -> Output {
    do {
      let reader = try Reader(at: journal)
      let lookup = RecordLookup(reader)
      var corrections = CorrectionFold()
      var subsidies = EffectiveEvents(kinds: [.subsidyGranted])
      var it = try reader.records(from: 1, readAhead: true)
      while let r = try it.next() {
        guard r.type == EventKind.subsidyGranted.rawValue || EventKind.lookup(r.type)?.isCorrection == true else { continue }
        subsidies.apply(try corrections.apply(r, lookup: lookup.record))
      }
      var lines = [SCDLSubsidy.columns.joined(separator: ",")]
      var incomplete: [UInt64] = []
      for e in subsidies.events {
        let view = SubsidyGranted.View(e.data)
        if view.euNotified == nil || view.shareOfCost == nil { incomplete.append(e.seq) }
        lines.append(SCDLSubsidy.row(view, date: e.time.date.description).map(CSVField.quote).joined(separator: ","))
      }
      return Output(text: lines.joined(separator: "\r\n") + "\r\n", rows: lines.count - 1, incomplete: incomplete)
    } catch let error as ServiceError {
      throw error
    } catch {
      throw ServiceError.wrap(error)
    }
  }
}
