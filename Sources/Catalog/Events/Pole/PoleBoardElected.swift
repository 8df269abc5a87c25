import Journal

/// `pole.board-elected`: the Pôle elects its board.
///
/// The list is non-empty and without repeats; that every member is current
/// on the event's date is checked at append time over the journal.
///
/// ```swift
/// let e = try PoleBoardElected(validating: ["memberIds": ["emmaus-mundo", "cress-grand-est"]])
/// e.memberIds.count  // 2
/// ```
public struct PoleBoardElected: DomainEvent {
  public static let type = "pole.board-elected"
  public static let version = 1
  public static let summary = "The Pôle territorial de l'ESS elects its board."
  public static let example =
    "ess append pole.board-elected memberIds=emmaus-mundo,cress-grand-est,kaleidoscoop --occurred-on 2021-11-09 --author c.muller"
  public static let fields: [FieldSpec] = [
    .required("memberIds", .slugList(nonEmpty: true), "The members on the board (each a current member, each once).")
  ]

  public let memberIds: [String]

  /// Reads `data` of the current version; throws the first rule it breaks.
  public init(validating data: JSONValue) throws(CatalogError) {
    let r = try FieldReader(data: data, fields: Self.fields)
    memberIds = r.slugs("memberIds")
  }

  /// The canonical data: absent optional fields omitted.
  public var data: JSONValue {
    .object(["memberIds": .array(memberIds.map(JSONValue.string))])
  }
}
