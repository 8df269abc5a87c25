import Foundation
import Journal

/// Deterministic events of realistic shape.
public enum Sample {
  public static func event(_ n: Int, author: String = "t.admin", id: String? = nil) -> NewEvent {
    NewEvent(
      id: id, type: "procurement.insertion-hours-reported", occurredOn: "2022-\(String(format: "%02d", n % 12 + 1))-28",
      author: author, source: "rapport SPASER 2022",
      data: [
        "contractId": .string("marche-\(n % 37)"), "insertionHours": .number(JSONNumber(Int64(1000 + n * 7 % 5000))),
        "trainingHours": .number(JSONNumber(Int64(n % 90))), "beneficiaries": .number(JSONNumber(Int64(n % 13 + 1))),
        "beneficiariesInQPV": .number(JSONNumber(Int64(n % 5))),
      ])
  }

  public static func events(_ range: Range<Int>) -> [NewEvent] { range.map { event($0) } }
}
