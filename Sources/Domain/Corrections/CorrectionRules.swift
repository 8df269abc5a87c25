import Journal

/// The correction rules of EVENTS.md §2, written once: what an event counts
/// as after the corrections and retractions recorded so far, and what a new
/// correction must respect. The bilan, the integrity rules, `ess correct` and
/// `ess show` all read corrections through here.
///
/// - A domain event counts as first recorded until it is amended.
/// - Of the amendments of one target, the latest by seq defines it: a
///   correction replaces its data (and its valid time, when it gives one;
///   else the target keeps its own); a retraction makes it count as if it
///   never happened; a correction after a retraction reinstates it.
/// - A correction or retraction aims at an earlier domain event (never at
///   another correction), a correction's data is valid data of the target's
///   type, and both say why (`reason`).
/// - Corrections count in no bilan themselves: their `occurredOn` is the day
///   they were made.
///
/// ```swift
/// let now = CorrectionRules.version(of: target, amendedBy: latestAmendment)  // nil: retracted
/// ```
public enum CorrectionRules {
  /// A domain event as first recorded, its data upcast to the current schema;
  /// nil for a correction, an unknown type or an unreadable valid time.
  public static func original(_ event: some StoredEvent) -> EffectiveEvent? {
    guard let entry = EventKind.entry(event.type) else { return nil }
    return original(event, kind: entry.kind, currentVersion: entry.version)
  }

  /// The same, the kind and its current schema version already known.
  /// Inlinable: the folds call it for every event, with their own record type.
  @inlinable
  public static func original(_ event: some StoredEvent, kind: EventKind, currentVersion current: Int) -> EffectiveEvent? {
    guard !kind.isCorrection, let time = event.validTime else { return nil }
    let data = JSONObjectView(event.dataBytes)
    return EffectiveEvent(
      seq: event.seq, kind: kind, time: time,
      data: event.version < current ? EventCatalog.upcast(kind, data, from: event.version) : data)
  }

  /// The version of `target` that `amendment` — the latest record amending
  /// it, or nil for none — makes current; nil when retracted.
  public static func version(of target: some StoredEvent, amendedBy amendment: (any StoredEvent)?) -> EffectiveEvent? {
    guard let amendment else { return original(target) }
    guard let kind = EventKind.lookup(target.type), let own = target.validTime,
      let amendmentKind = EventKind.lookup(amendment.type),
      case .corrected(_, let data, let validTime)? = Amendment(kind: amendmentKind, data: JSONObjectView(amendment.dataBytes))
    else { return nil }
    // The replacement data was checked against the target type's current version when recorded.
    return EffectiveEvent(seq: target.seq, kind: kind, time: validTime ?? own, data: data)
  }

  /// Checks a new correction or retraction (of `kind`, with `data`, taking
  /// `seq`) against its target, whose kind is `targetKind` (nil if no event
  /// has that seq).
  ///
  /// - Throws: ``DomainError/Code/ruleBroken`` for a target that is not an
  ///   earlier domain event, or the first rule the replacement data breaks
  ///   as data of the target's type.
  public static func checkTarget(of kind: EventKind, data: JSONObjectView, seq: UInt64, targetKind: EventKind?) throws(DomainError) {
    guard let amendment = Amendment(kind: kind, data: data) else { return }
    let target = amendment.target
    guard target < seq, let targetKind else {
      throw DomainError(
        .ruleBroken, "The \(kind.rawValue) event targets seq \(target), which is not in the journal.",
        field: EventCorrected.Field.target.name, rule: "an existing event", given: String(target))
    }
    guard !targetKind.isCorrection else {
      throw DomainError(
        .ruleBroken, "Seq \(target) is itself an \(targetKind.rawValue) event; correct or retract the original event instead.",
        field: EventCorrected.Field.target.name, rule: "a domain event, not a correction", given: String(target))
    }
    guard case .corrected(_, let replacement, _) = amendment else { return }
    let value = (try? JSONParser.parse(replacement.bytes)) ?? .null
    do {
      _ = try targetKind.eventType.canonical(value)
    } catch {
      throw DomainError(
        error.code, "The corrected data is not valid for \(targetKind.rawValue) (seq \(target)): \(error.message)",
        field: error.field, rule: error.rule, given: error.given, cause: error)
    }
  }

  /// A correction or retraction must say why: its envelope `reason` is present and not blank.
  /// - Throws: ``DomainError`` naming the field `reason`.
  public static func checkReason(of kind: EventKind, _ reason: String?) throws(DomainError) {
    guard kind.isCorrection else { return }
    guard let reason else {
      throw DomainError(
        .missingField, "Field 'reason' is required for an \(kind.rawValue) event: say why it is made.", field: "reason",
        rule: "required for corrections and retractions")
    }
    guard reason.contains(where: { !$0.isWhitespace }) else {
      throw DomainError(
        .invalidValue, "Field 'reason' of an \(kind.rawValue) event must not be empty: say why it is made.", field: "reason",
        rule: "required for corrections and retractions", given: "\"\(reason)\"")
    }
  }
}
