import Domain
import Journal

/// Reports ordered by "the latest by valid time" (day, time of day, then seq),
/// each keeping its data as canonical bytes.
struct StampedReports: Sendable, Equatable {
  struct Entry: Sendable, Equatable {
    var time: ValidTime
    var data: JSONObjectView
  }

  var bySeq: [UInt64: Entry] = [:]

  mutating func set(_ e: EffectiveEvent, sign: Int64) {
    bySeq[e.seq] = sign > 0 ? Entry(time: e.time, data: JSONObjectView(Array(e.data.bytes)[...])) : nil
  }

  var latest: JSONObjectView? {
    bySeq.max { ($0.value.time, $0.key) < ($1.value.time, $1.key) }?.value.data
  }

  var encoded: JSONValue {
    .object(
      Dictionary(
        uniqueKeysWithValues: bySeq.map {
          (
            String($0.key),
            .array([
              Fields.n(Int64($0.value.time.day)), Fields.n(Int64($0.value.time.timeOfDay)),
              (try? JSONParser.parse($0.value.data.bytes)) ?? .null,
            ])
          )
        }))
  }

  init() {}

  init?(decoding v: JSONValue?) {
    guard let o = v?.objectValue else { return nil }
    for (k, a) in o {
      guard let seq = UInt64(k), let items = a.arrayValue, items.count == 3, let d = Fields.int(items[0]), let t = Fields.int(items[1])
      else {
        return nil
      }
      bySeq[seq] = Entry(time: ValidTime(day: Int32(d), timeOfDay: Int32(t)), data: JSONObjectView(items[2].canonicalBytes()[...]))
    }
  }
}
