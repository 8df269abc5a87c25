import Domain
import Journal

/// The SCDL "subventions" table (FORMATS.md §5; schema.data.gouv.fr, a
/// Frictionless Table Schema) and its mapping to `subsidy.granted`, both ways.
/// Pure: the service functions read and write the files.
///
/// ```swift
/// SCDLSubsidy.columns.first        // "nomAttribuant"
/// SCDLSubsidy.nature(.numeraireEtNature)  // "aide en numéraire;aide en nature"
/// ```
public enum SCDLSubsidy {
  /// The columns, in the schema's order (optional ones included, empty when absent).
  public static let columns = [
    "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire",
    "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE",
    "pourcentageSubvention", "dispositifAide",
  ]

  /// The public bodies ess knows, as grantors and as buyers: their official name, SIREN and head office's SIRET (as they publish them).
  static let grantors: [(buyer: Buyer, name: String, siren: String, siret: String)] = [
    (.ville, "Ville de Strasbourg", "216704825", "21670482500019"),
    (.eurometropole, "Eurométropole de Strasbourg", "246700488", "24670048800017"),
  ]

  /// SCDL's `nature` of a kind.
  public static func nature(_ kind: SubsidyKind) -> String {
    switch kind {
    case .numeraire: "aide en numéraire"
    case .nature: "aide en nature"
    case .numeraireEtNature: "aide en numéraire;aide en nature"
    }
  }

  /// The kind of an SCDL `nature` (the two aids in either order), or nil.
  public static func kind(ofNature text: String) -> SubsidyKind? {
    let list = text.split(separator: ";", omittingEmptySubsequences: false).map { trimmingSpaces($0) }
    switch Set(list) {
    case _ where Set(list).count != list.count: return nil  // an aid given twice, or an empty part
    case ["aide en numéraire"]: return .numeraire
    case ["aide en nature"]: return .nature
    case ["aide en numéraire", "aide en nature"]: return .numeraireEtNature
    default: return nil
    }
  }

  /// SCDL's `conditionsVersement` of payment terms.
  public static func conditions(_ terms: PaymentTerms) -> String {
    switch terms {
    case .unique: "unique"
    case .echelonne: "échelonné"
    case .autre: "autre"
    }
  }

  /// The payment terms of an SCDL `conditionsVersement`, or nil.
  public static func terms(ofConditions text: String) -> PaymentTerms? {
    switch trimmingSpaces(text) {
    case "unique": .unique
    case "échelonné": .echelonne
    case "autre": .autre
    default: nil
    }
  }

  /// The SCDL row of a subsidy as it counts now (`occurredOn`: its valid date).
  public static func row(_ e: SubsidyGranted.View, date: String) -> [String] {
    let grantor = grantors.first { $0.buyer == e.grantor }
    let siret = e.beneficiaryIds.first { $0.scheme == "SIRET" }?.id ?? ""
    let rna = e.beneficiaryIds.first { $0.scheme == "RNA" }?.id ?? ""
    return [
      grantor?.name ?? "", e.grantorSiret ?? grantor?.siret ?? "", date, e.decision ?? "", e.beneficiary, siret, rna, e.purpose,
      e.amountEUR.description, e.kind.map(nature) ?? "", e.paymentTerms.map(conditions) ?? "", e.paymentPeriod, e.raeId ?? "",
      e.euNotified.map { $0 ? "oui" : "non" } ?? "", e.shareOfCost?.description ?? "", e.aidScheme ?? "",
    ]
  }

  /// `text` without the spaces around it (cells of hand-made tables often carry some).
  static func trimmingSpaces(_ text: some StringProtocol) -> String {
    String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
