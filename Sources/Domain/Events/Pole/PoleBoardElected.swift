import Journal

/// `pole.board-elected`: the Pôle elects its board.
///
/// The list is non-empty and without repeats; that every member is current
/// on the event's date is checked at append time over the journal.
///
/// ```swift
/// let e = try PoleBoardElected.view(validating: ["memberIds": ["emmaus-mundo", "cress-grand-est"]])
/// e.memberIds.count  // 2
/// ```
public enum PoleBoardElected: DomainEvent {
  public static let kind = EventKind.poleBoardElected
  public static let version = 1
  public static let summary = "The Pôle territorial de l'ESS elects its board."
  public static let summaryFR = "Le Pôle territorial de l'ESS élit son bureau."
  public static let example =
    "ess append pole.board-elected memberIds=emmaus-mundo,cress-grand-est,kaleidoscoop --occurred-on 2021-11-09 --author c.muller"

  public enum Field: Int, EventField { case memberIds }
  public static let fields: [FieldSpec] = [
    .required(
      Field.memberIds, .slugList(nonEmpty: true), "The members on the board (each a current member, each once).",
      fr: "Les membres du bureau (chacun membre à cette date, chacun une fois).", labelFR: "membres du bureau")
  ]
  static let keys = JSONKeys(Field.self)

  public struct View: EventView {
    let m: JSONMembers
    public init(_ data: JSONObjectView) { m = data.members(PoleBoardElected.keys) }
    public var memberIds: [String] { m.strings(Field.memberIds) ?? [] }
  }
}
