import Domain
import Journal

/// What each column of a table's header gives: a field of the event type
/// (by its name or its French label, case, accents and spaces aside), or the
/// envelope's date (`occurredOn` or `date`), `id`, `source` or `author`.
struct TableColumns: Sendable {
  /// What one column gives.
  enum Role: Sendable, Equatable {
    /// The field at this index of the type's fields.
    case field(Int)
    case occurredOn, id, source, author
  }

  /// The header as written in the file.
  let header: [String]
  /// Each column's role (same count as the header; nil for a column refused).
  let roles: [Role?]
  /// The column giving each field name or envelope member (`occurredOn`, `id`, `source`, `author`).
  let columnOf: [String: Int]
  /// The name and kind of each field of the type (what typing a cell needs, without the rest of its spec).
  let fields: [(name: String, kind: FieldKind)]
  /// The field indices in the order of canonical JSON (names sorted by their
  /// UTF-8 bytes), each with its member's prefix written canonically (`"name":`):
  /// a row's data is encoded straight from its typed cells.
  let canonicalOrder: [(field: Int, prefix: [UInt8])]

  /// The envelope's columns, by the names a header may give them.
  static let envelope: [(names: [String], role: Role, member: String)] = [
    (["occurredOn", "date"], .occurredOn, "occurredOn"), (["id"], .id, "id"), (["source"], .source, "source"),
    (["author", "auteur"], .author, "author"),
  ]

  /// The columns of `header` for `type`, and every problem of the header
  /// (an unknown column, a field given twice, a required column missing).
  static func match(_ header: [String], type: any DomainEvent.Type, options: TableImport.Options) -> (TableColumns, [ServiceError]) {
    var byName: [String: Role] = [:]
    for (index, spec) in type.fields.enumerated() {
      byName[HeaderName.fold(spec.name)] = .field(index)
      byName[HeaderName.fold(spec.labelFR)] = byName[HeaderName.fold(spec.labelFR)] ?? .field(index)
    }
    for entry in envelope {
      for name in entry.names where byName[HeaderName.fold(name)] == nil { byName[HeaderName.fold(name)] = entry.role }
    }
    var roles: [Role?] = []
    var columnOf: [String: Int] = [:]
    var problems: [ServiceError] = []
    for (c, name) in header.enumerated() {
      let place = ServiceError.Location(line: 1, place: "Header, column \(c + 1)")
      let folded = HeaderName.fold(name)
      guard !folded.isEmpty else {
        problems.append(
          ServiceError(.badInput, "The column has no name; expected a field of \(type.kind.rawValue) (\(expected(type))).", at: place))
        roles.append(nil)
        continue
      }
      guard let role = byName[folded] else {
        problems.append(ServiceError(.badInput, unknown(name, folded: folded, type: type, byName: byName), at: place))
        roles.append(nil)
        continue
      }
      let member = self.member(role, type)
      if let earlier = columnOf[member] {
        problems.append(
          ServiceError(
            .badInput,
            "Column '\(name)' gives \(member) again (column \(earlier + 1), '\(header[earlier])', gives it already); expected each field once.",
            at: .init(line: 1, field: member, place: "Header, column \(c + 1)")))
        roles.append(nil)
        continue
      }
      columnOf[member] = c
      roles.append(role)
    }
    for spec in type.fields where spec.required && columnOf[spec.name] == nil {
      problems.append(
        ServiceError(
          .badInput,
          "The header has no column for the required field \(spec.name); expected a column named '\(spec.labelFR)' or '\(spec.name)'.",
          at: .init(line: 1, field: spec.name, place: "Header")))
    }
    if columnOf["occurredOn"] == nil && options.occurredOn == nil {
      problems.append(
        ServiceError(
          .badInput,
          "The header has no 'date' column and --occurred-on is not given; expected one of them (the day each row's fact happened, AAAA-MM-JJ).",
          at: .init(line: 1, field: "occurredOn", place: "Header")))
    }
    if columnOf["author"] == nil && options.author == nil {
      problems.append(
        ServiceError(
          .badInput,
          "The header has no 'author' column and --author is not given; expected one of them (who vouches for the rows).",
          at: .init(line: 1, field: "author", place: "Header")))
    }
    let fields = type.fields.map { (name: $0.name, kind: $0.kind) }
    let order = fields.indices.sorted { fields[$0].name.utf8.lexicographicallyPrecedes(fields[$1].name.utf8) }
    let canonicalOrder = order.map { index in
      var prefix: [UInt8] = []
      JSONValue.appendCanonicalString(fields[index].name, to: &prefix)
      prefix.append(UInt8(ascii: ":"))
      return (field: index, prefix: prefix)
    }
    let columns = TableColumns(header: header, roles: roles, columnOf: columnOf, fields: fields, canonicalOrder: canonicalOrder)
    return (columns, problems)
  }

  /// The field name or envelope member a role gives.
  static func member(_ role: Role, _ type: any DomainEvent.Type) -> String {
    switch role {
    case .field(let i): type.fields[i].name
    case .occurredOn: "occurredOn"
    case .id: "id"
    case .source: "source"
    case .author: "author"
    }
  }

  /// Whether a table of `type` needs more than one column (a header without separator is then refused).
  static func severalColumns(_ type: any DomainEvent.Type, options: TableImport.Options) -> Bool {
    let needed = type.fields.filter(\.required).count + (options.occurredOn == nil ? 1 : 0) + (options.author == nil ? 1 : 0)
    return needed > 1
  }

  /// "Row 12, column 'heures d'insertion'".
  func place(row: Int, column: Int) -> String { "Row \(row), column '\(header[column])'" }

  /// `error` (placed at a row, or at a line that is a row number, by the import path) placed at the column of its field too.
  func placing(_ error: ServiceError) -> ServiceError {
    guard let line = error.location.line, error.location.place == nil || error.location.place == "Row \(line)" else { return error }
    var placed = error
    if let field = error.location.field, let column = columnOf[field] {
      placed.location.place = place(row: line, column: column)
    } else {
      placed.location.place = "Row \(line)"
    }
    return placed
  }

  /// The columns a type's table may have, for messages: `'heures d'insertion' (insertionHours), …`.
  static func expected(_ type: any DomainEvent.Type) -> String {
    type.fields.map { "'\($0.labelFR)' (\($0.name))" }.joined(separator: ", ") + ", 'date', 'id', 'source', 'author'"
  }

  /// The refusal of an unknown column, naming the closest field.
  static func unknown(_ name: String, folded: String, type: any DomainEvent.Type, byName: [String: Role]) -> String {
    let candidates = Array(byName.keys).sorted()
    let limit = max(2, folded.count / 3)
    if let near = Suggestion.closest(to: folded, among: candidates, maxDistance: limit).first, let role = byName[near] {
      let member = Self.member(role, type)
      let label: String
      if case .field(let i) = role { label = "'\(type.fields[i].labelFR)' (\(member))" } else { label = "'\(member)'" }
      return "Unknown column '\(name)': \(type.kind.rawValue) has no such field; did you mean \(label)?"
    }
    return "Unknown column '\(name)': \(type.kind.rawValue) has no such field; expected the columns \(expected(type))."
  }
}
