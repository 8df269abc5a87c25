import Journal

/// Checkpoints: the bilan fold's state saved at a seq, so that a bilan folds
/// only what came after it. File `index/bilan.ckpt`: `ESSBILN1`, then one
/// canonical JSON object — the projection's code version, the seq and the
/// whole line of the last event folded (hence its hash and recordedAt), the
/// state — then CRC-32C of everything before. A checkpoint is a cache: a
/// damaged file, another code version, or a line that is not the journal's
/// own at that seq makes it ignored, never trusted.
extension BilanProjection {
  /// Bump whenever the fold's logic changes: older checkpoints are then ignored.
  /// (A test pins the fold's output on the bundled history to this version.)
  public static let codeVersion = "bilan-1"
  static let tag = Array("ESSBILN1".utf8)

  public static func encode(_ s: State) -> [UInt8] {
    func n(_ v: Int64) -> JSONValue { .number(JSONNumber(v)) }
    func stamp(_ day: Int32, _ tod: Int32) -> [JSONValue] { [n(Int64(day)), n(Int64(tod))] }
    var years: [String: JSONValue] = [:]
    for (y, t) in s.figures.years {
      var o: [String: JSONValue] = [:]
      for (name, path) in YearTotals.counters { o[name] = n(t[keyPath: path]) }
      o["citizens"] = .object(t.citizens.mapValues(n))
      o["companies"] = .object(t.companies.mapValues(n))
      years[String(y)] = .object(o)
    }
    let memberships = s.figures.memberships.mapValues { m in
      JSONValue.object(
        Dictionary(
          uniqueKeysWithValues: m.map { (String($0.key), .array(stamp($0.value.day, $0.value.timeOfDay) + [.bool($0.value.joined)])) }))
    }
    let boards = Dictionary(
      uniqueKeysWithValues: s.figures.boards.map {
        (String($0.key), JSONValue.array(stamp($0.value.day, $0.value.timeOfDay) + [n($0.value.value)]))
      })
    func views(_ m: [UInt64: BilanState.Stamped<JSONObjectView>]) -> JSONValue {
      .object(
        Dictionary(
          uniqueKeysWithValues: m.map {
            (String($0.key), .array(stamp($0.value.day, $0.value.timeOfDay) + [(try? JSONParser.parse($0.value.value.bytes)) ?? .null]))
          }))
    }
    let marcheOff = Dictionary(uniqueKeysWithValues: s.figures.marcheOff.map { (String($0.key), views($0.value)) })
    let reported = Dictionary(
      uniqueKeysWithValues: s.figures.reported.map { (String($0.key), JSONValue.object($0.value.mapValues(views))) })
    let milestones = Dictionary(
      uniqueKeysWithValues: s.figures.milestones.map { y, m in
        (
          String(y),
          JSONValue.object(
            Dictionary(
              uniqueKeysWithValues: m.map {
                (String($0.key), JSONValue.array([.string($0.value.date), .string($0.value.kind), .string($0.value.title)]))
              }))
        )
      })
    let body: JSONValue = [
      "version": .string(codeVersion), "seq": n(Int64(s.seq)), "last": s.last.map { .string($0.line) } ?? .null,
      "amendedBy": .object(Dictionary(uniqueKeysWithValues: s.history.amendedBy.map { (String($0.key), n(Int64($0.value))) })),
      "years": .object(years), "memberships": .object(memberships), "boards": .object(boards), "marcheOff": .object(marcheOff),
      "reported": .object(reported), "milestones": .object(milestones),
    ]
    var out = tag + body.canonicalBytes()
    out.appendLE32(CRC32C.checksum(out))
    return out
  }

  /// The state in a checkpoint file, or nil if it is damaged or of another code version.
  public static func decode(_ bytes: [UInt8]) -> State? {
    guard bytes.count > tag.count + 4, Array(bytes.prefix(tag.count)) == tag else { return nil }
    let crc = bytes.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    guard CRC32C.checksum(bytes.dropLast(4)) == crc, let body = try? JSONParser.parse(bytes[tag.count..<(bytes.count - 4)]),
      body["version"]?.stringValue == codeVersion
    else { return nil }
    func i(_ v: JSONValue?) -> Int64? { v?.numberValue?.int64Value }
    var s = State()
    if let line = body["last"]?.stringValue {
      guard let r = try? Record(canonicalLine: Array(line.utf8)) else { return nil }
      s.last = r
    }
    guard i(body["seq"]) == Int64(s.seq) else { return nil }
    for (k, v) in body["amendedBy"]?.objectValue ?? [:] {
      guard let t = UInt64(k), let by = i(v) else { return nil }
      s.history.amendedBy[t] = UInt64(by)
    }
    for (y, o) in body["years"]?.objectValue ?? [:] {
      guard let year = Int(y) else { return nil }
      var t = YearTotals()
      for (name, path) in YearTotals.counters { t[keyPath: path] = i(o[name]) ?? 0 }
      t.citizens = (o["citizens"]?.objectValue ?? [:]).compactMapValues(i)
      t.companies = (o["companies"]?.objectValue ?? [:]).compactMapValues(i)
      s.figures.years[year] = t
    }
    func stamp(_ a: [JSONValue]) -> (Int32, Int32)? {
      guard a.count >= 2, let d = i(a[0]), let t = i(a[1]) else { return nil }
      return (Int32(d), Int32(t))
    }
    for (id, m) in body["memberships"]?.objectValue ?? [:] {
      for (k, v) in m.objectValue ?? [:] {
        guard let seq = UInt64(k), let a = v.arrayValue, let st = stamp(a), a.count == 3, let joined = a[2].boolValue else { return nil }
        s.figures.memberships[id, default: [:]][seq] = .init(day: st.0, timeOfDay: st.1, joined: joined)
      }
    }
    for (k, v) in body["boards"]?.objectValue ?? [:] {
      guard let seq = UInt64(k), let a = v.arrayValue, let st = stamp(a), a.count == 3, let size = i(a[2]) else { return nil }
      s.figures.boards[seq] = .init(day: st.0, timeOfDay: st.1, seq: seq, value: size)
    }
    func views(_ v: JSONValue?) -> [UInt64: BilanState.Stamped<JSONObjectView>]? {
      var out: [UInt64: BilanState.Stamped<JSONObjectView>] = [:]
      for (k, e) in v?.objectValue ?? [:] {
        guard let seq = UInt64(k), let a = e.arrayValue, let st = stamp(a), a.count == 3 else { return nil }
        out[seq] = .init(day: st.0, timeOfDay: st.1, seq: seq, value: JSONObjectView(a[2].canonicalBytes()[...]))
      }
      return out
    }
    for (k, v) in body["marcheOff"]?.objectValue ?? [:] {
      guard let edition = Int(k), let m = views(v) else { return nil }
      s.figures.marcheOff[edition] = m
    }
    for (k, v) in body["reported"]?.objectValue ?? [:] {
      guard let year = Int(k) else { return nil }
      for (key, m) in v.objectValue ?? [:] {
        guard let parsed = views(m) else { return nil }
        s.figures.reported[year, default: [:]][key] = parsed
      }
    }
    for (k, v) in body["milestones"]?.objectValue ?? [:] {
      guard let year = Int(k) else { return nil }
      for (sk, e) in v.objectValue ?? [:] {
        guard let seq = UInt64(sk), let a = e.arrayValue, a.count == 3, let d = a[0].stringValue, let kind = a[1].stringValue,
          let title = a[2].stringValue
        else { return nil }
        s.figures.milestones[year, default: [:]][seq] = .init(date: d, kind: kind, title: title, seq: seq)
      }
    }
    return s
  }
}

extension Array where Element == UInt8 {
  mutating func appendLE32(_ v: UInt32) {
    for k in 0..<4 { append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) }
  }
}
