import Journal

/// Checkpoints: the bilan fold's state saved at a seq, so that a bilan folds
/// only what came after it. The payload is one canonical JSON object — the
/// projection's code version, the seq and the whole line of the last event
/// folded (hence its hash and recordedAt), the state. Where it is kept, and
/// how it is checked against the journal, is the service's business: a
/// checkpoint is a cache, never trusted blindly.
extension BilanProjection {
  /// Bump whenever the fold's logic changes: older checkpoints are then ignored.
  /// (A test pins the fold's output on the bundled history to this version.)
  public static let codeVersion = "bilan-3"

  /// The state as bytes (see above).
  public static func encode(_ s: State) -> [UInt8] {
    let body: JSONValue = [
      "version": .string(codeVersion), "seq": .number(JSONNumber(Int64(s.seq))), "last": s.last.map { .string($0.line) } ?? .null,
      "amendedBy": .object(
        Dictionary(uniqueKeysWithValues: s.history.amendedBy.map { (String($0.key), .number(JSONNumber(Int64($0.value)))) })),
      "figures": s.figures.encoded,
    ]
    return body.canonicalBytes()
  }

  /// The state in `payload`, or nil if it is not one or is of another code version.
  public static func decode(_ payload: ArraySlice<UInt8>) -> State? {
    guard let body = try? JSONParser.parse(payload),
      body["version"]?.stringValue == codeVersion, let figures = body["figures"].flatMap(BilanState.init(decoding:))
    else { return nil }
    var s = State()
    s.figures = figures
    if let line = body["last"]?.stringValue {
      guard let r = try? Record(canonicalLine: Array(line.utf8)) else { return nil }
      s.last = r
    }
    guard body["seq"]?.numberValue?.int64Value == Int64(s.seq) else { return nil }
    for (k, v) in body["amendedBy"]?.objectValue ?? [:] {
      guard let t = UInt64(k), let by = v.numberValue?.int64Value else { return nil }
      s.history.amendedBy[t] = UInt64(by)
    }
    return s
  }
}
