import Journal

extension Ledger {
  /// What an event counts as now: its type, its data (the latest correction's,
  /// if any), and whether it is retracted.
  public func effective(seq: UInt64) throws -> (record: Record, data: JSONValue, retracted: Bool) {
    let reader = try Reader(at: path)
    let head = try reader.head().seq
    try catchUp(to: head)
    let record = try reader.record(seq: seq)
    guard let latest = model?.latestCorrection[seq] else { return (record, try record.data(), false) }
    let correction = try reader.record(seq: latest)
    if correction.type == "event.retracted" { return (record, try record.data(), true) }
    return (record, try correction.data()["data"] ?? .object([:]), false)
  }

  /// Appends an `event.corrected` of `seq`: its current data with `changes`
  /// applied (a change to `null` removes an optional field), checked as data
  /// of the target's type and against every integrity rule.
  @discardableResult
  public func correct(
    seq: UInt64, changes: [String: JSONValue], occurredOn newValidTime: String? = nil, author: String, reason: String,
    source: String? = nil, today: String
  ) throws -> Appended {
    let current = try effective(seq: seq)
    guard !IntegrityModel.correctionTypes.contains(current.record.type) else {
      throw CatalogError(
        .ruleBroken, "Seq \(seq) is itself a \(current.record.type) event; correct the original event instead.", field: "target")
    }
    var data = current.data.objectValue ?? [:]
    for (k, v) in changes { data[k] = v.isNull ? nil : v }
    var body: [String: JSONValue] = ["target": .number(JSONNumber(Int64(seq))), "data": .object(data)]
    if let newValidTime { body["occurredOn"] = .string(newValidTime) }
    let event = NewEvent(type: "event.corrected", occurredOn: today, author: author, source: source, reason: reason, data: .object(body))
    return try append([event])[0]
  }

  /// Appends an `event.retracted` of `seq`.
  @discardableResult
  public func retract(seq: UInt64, author: String, reason: String, source: String? = nil, today: String) throws -> Appended {
    let event = NewEvent(
      type: "event.retracted", occurredOn: today, author: author, source: source, reason: reason,
      data: .object(["target": .number(JSONNumber(Int64(seq)))]))
    return try append([event])[0]
  }
}
