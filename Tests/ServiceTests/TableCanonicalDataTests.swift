import Journal
import TestSupport
import Testing

@testable import Domain
@testable import Service

/// A table row's data is encoded from its typed cells without a dictionary:
/// the bytes must be those of the same members encoded as a ``JSONValue``.
@Suite("A row's data encoded from its cells")
struct TableCanonicalDataTests {
  @Test("the same bytes as JSONValue.canonicalBytes(), for every type, any cells present")
  func sameBytesAsTheValue() {
    var rng = Seeded(seed: 0x7AB1E)
    var compared = 0
    for kind in EventKind.allCases {
      let type = kind.eventType
      let (columns, _) = TableColumns.match(type.fields.map(\.name), type: type, options: TableImport.Options())
      // The members in the order of their names' bytes, as canonical JSON sorts them.
      let names = columns.canonicalOrder.map { columns.fields[$0.field].name }
      #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } && Set(names).count == type.fields.count)
      for _ in 0..<40 {
        guard case .object(let members) = RandomHistory.data(kind.rawValue, &rng) else { continue }
        var values = [JSONValue?](repeating: nil, count: columns.fields.count)
        for (index, field) in columns.fields.enumerated() where Bool.random(using: &rng) || index == 0 {
          values[index] = members[field.name] ?? (Bool.random(using: &rng) ? .null : "é \"x\"")
        }
        var present: [String: JSONValue] = [:]
        for (index, value) in values.enumerated() {
          if let value, !value.isNull { present[columns.fields[index].name] = value }
        }
        #expect(TableImport.canonicalData(values, columns.canonicalOrder) == JSONValue.object(present).canonicalBytes(), "\(kind)")
        compared += 1
      }
    }
    #expect(compared == 40 * EventKind.allCases.count)
  }
}
