import Dispatch
import Domain
import Journal

/// Imports of typed events from a table (FORMATS.md §2): each row of a CSV
/// file or a spreadsheet is one event of one type, its columns the type's
/// fields (by name or French label) and optionally the envelope's `date`,
/// `id`, `source` and `author`; every cell is typed by the catalog, and the
/// events take the normal all-or-nothing path under every rule.
///
/// ```swift
/// var options = TableImport.Options()
/// options.author = "l.weber"
/// let report = try TableImport.importCSV(
///   file: "heures-2022.csv", type: "procurement.insertion-hours-reported", options: options, journal: "journal", dryRun: true)
/// for problem in report.problems { print(problem) }   // "Row 4, column 'heures d'insertion': Field 'insertionHours' must be …"
/// ```
public enum TableImport {
  /// How a table is read, and what its rows do not say.
  public struct Options: Sendable, Equatable {
    /// The file's encoding (a UTF-8 byte-order mark wins).
    public var encoding: TextEncoding = .utf8
    /// Which mark is the decimal one when a cell holds both `,` and `.`.
    public var decimal: DecimalMark? = nil
    /// The date of the rows without a date cell (`--occurred-on`).
    public var occurredOn: String? = nil
    /// The author of the rows without an author cell (`--author`).
    public var author: String? = nil
    /// The source of the rows without a source cell (`--source`).
    public var source: String? = nil

    public init(
      encoding: TextEncoding = .utf8, decimal: DecimalMark? = nil, occurredOn: String? = nil, author: String? = nil,
      source: String? = nil
    ) {
      self.encoding = encoding
      self.decimal = decimal
      self.occurredOn = occurredOn
      self.author = author
      self.source = source
    }
  }

  /// Imports the CSV file at `path` (`-`: standard input) as events of `type`
  /// into the journal at `journal`, as one commit; with `dryRun`, lists every
  /// problem of every row (by row and column) without writing.
  ///
  /// - Parameters:
  ///   - progress: for a file read a part at a time (over 16 MiB), told now and then (bytes read, bytes in all).
  /// - Returns: what was imported or would be (`lines` counts the rows).
  /// - Throws: ``ServiceError``: the first problem of a real import (nothing written),
  ///   a file that cannot be read as CSV, or a journal that cannot be opened.
  public static func importCSV(
    file path: String, type: String, options: Options, journal: String, dryRun: Bool,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(ServiceError) -> Importer.Report {
    let eventType = try self.type(named: type)
    let options = try checked(options)
    let input = try InputFile(path)
    let bytes = try input.read(upTo: csvStreamAbove + 1)
    if bytes.count > csvStreamAbove {
      return try streamCSV(
        input, head: bytes, type: eventType, options: options, into: Ledger(journal: journal), dryRun: dryRun, progress: progress)
    }
    let t0 = Trace.now()
    let read = try CSVReader.read(
      bytes, encoding: options.encoding, severalColumns: TableColumns.severalColumns(eventType, options: options))
    Trace.log("read CSV (\(read.table.rows.count) rows)", since: t0)
    return try run(
      read.table, readProblems: read.problems, type: eventType, options: options, into: Ledger(journal: journal), dryRun: dryRun)
  }

  /// Imports a table already read (a spreadsheet's, or a CSV file's with the problems found reading it).
  ///
  /// - Parameter streamAbove: tables with more rows are checked and committed a part at a time.
  static func run(
    _ table: SheetTable, readProblems: [ServiceError] = [], type: any DomainEvent.Type, options: Options, into ledger: Ledger,
    dryRun: Bool, streamAbove: Int = TableImport.streamAbove
  ) throws(ServiceError) -> Importer.Report {
    if table.rows.count > streamAbove {
      let (columns, headerProblems) = TableColumns.match(table.header, type: type, options: options)
      if headerProblems.isEmpty {
        return try stream(
          table, readProblems: readProblems, columns: columns, type: type, options: options, into: ledger, dryRun: dryRun)
      }
    }
    let t0 = Trace.now()
    let (events, columns) = convert(table, type: type, options: options)
    Trace.log("type cells", since: t0)
    return try commit(events, rows: table.rows.count, readProblems: readProblems, columns: columns, into: ledger, dryRun: dryRun)
  }

  /// The refusal of a table without rows.
  static var noRows: ServiceError { ServiceError(.badInput, "The table has a header but no rows: there is nothing to import.") }

  /// Imports the events of a table's `rows` rows as one commit, the rows refused while reading it and those of `events` first.
  static func commit(
    _ events: Importer.Converted, rows: Int, readProblems: [ServiceError], columns: TableColumns, into ledger: Ledger, dryRun: Bool
  ) throws(ServiceError) -> Importer.Report {
    guard rows > 0 || !readProblems.isEmpty || !events.problems.isEmpty else { throw noRows }
    var converted = events
    converted.problems = readProblems + converted.problems
    converted.count = rows + readProblems.count
    var report: Importer.Report
    let t1 = Trace.now()
    do {
      report = try Importer.run(converted, into: ledger, dryRun: dryRun)
    } catch {
      throw columns.placing(error)
    }
    Trace.log("catalog, journal and integrity checks\(dryRun ? "" : ", commit")", since: t1)
    report.problems = report.problems.map(columns.placing)
    return report
  }

  /// The events of `table`'s rows as events of `type`, with every problem of
  /// the header and of every cell (a row with a bad cell gives no event).
  static func convert(_ table: SheetTable, type: any DomainEvent.Type, options: Options) -> (Importer.Converted, TableColumns) {
    var converted = Importer.Converted()
    converted.count = table.rows.count
    let (columns, headerProblems) = TableColumns.match(table.header, type: type, options: options)
    guard headerProblems.isEmpty else {
      converted.problems = headerProblems
      return (converted, columns)
    }
    // One chunk of rows per core, merged in order (problems then come as a single pass would list them).
    let rows = table.rows
    let chunks = max(1, min(ProcessorCount.value, rows.count / 2000))
    let per = (rows.count + chunks - 1) / chunks
    let results = ChunkResults<Importer.Converted>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
      var part = Importer.Converted()
      let mine = rows[min(rows.count, c * per)..<min(rows.count, (c + 1) * per)]
      part.events.reserveCapacity(mine.count)
      part.origins.reserveCapacity(mine.count)
      for row in mine {
        if let event = self.event(of: row, columns: columns, type: type, options: options, problems: &part.problems) {
          part.append(event, number: row.number, place: "Row \(row.number)")
        }
      }
      results.set(c, part)
    }
    for c in 0..<chunks {
      guard let part = results.take(c) else { continue }
      if c == 0 {
        let count = converted.count
        converted = part
        converted.count = count
      } else {
        converted.events += part.events
        converted.origins += part.origins
        converted.problems += part.problems
      }
    }
    return (converted, columns)
  }

  /// The event of one row, or nil when one of its cells (or its date or author) is refused: every problem is added to `problems`.
  static func event(
    of row: SheetTable.Row, columns: TableColumns, type: any DomainEvent.Type, options: Options, problems: inout [ServiceError]
  ) -> NewEvent? {
    // The typed cells by field index (no dictionary: the data is encoded from them at the end).
    var values = [JSONValue?](repeating: nil, count: columns.fields.count)
    var occurredOn = options.occurredOn
    var id: String? = nil
    var source = options.source
    var author = options.author
    var good = true
    var dateRefused = false
    for (c, cell) in row.cells.enumerated() where c < columns.roles.count {
      guard let role = columns.roles[c] else { continue }
      do throws(ServiceError) {
        switch role {
        case .field(let k):
          let field = columns.fields[k]
          // The place is set only for a refusal, below: a success costs no message and captures nothing.
          if let value = try TableCell.value(cell, field.name, field.kind, decimal: options.decimal) {
            values[k] = value
          }
        case .occurredOn:
          if let day = try TableCell.value(cell, "occurredOn", .validTime, decimal: nil),
            case .string(let s) = day
          {
            occurredOn = s
          }
        case .id, .source, .author:
          let text = TableCell.trimmed(cell.text)
          guard !text.isEmpty else { continue }
          switch role {
          case .id: id = text
          case .source: source = text
          default: author = text
          }
        }
      } catch {
        var placed = error
        placed.location = location(row, c, role, columns, type)
        problems.append(placed)
        good = false
        if role == .occurredOn { dateRefused = true }
      }
    }
    // Written only for a refusal.
    var place: String { "Row \(row.number)" }
    if occurredOn == nil && !dateRefused {
      problems.append(
        ServiceError(
          .badInput,
          "The row has no date; expected a date in its '\(columns.header[columns.columnOf["occurredOn"] ?? 0])' cell, or --occurred-on.",
          at: .init(line: row.number, field: "occurredOn", place: place)))
      good = false
    }
    if author == nil {
      problems.append(
        ServiceError(
          .badInput,
          "The row has no author; expected a name in its '\(columns.header[columns.columnOf["author"] ?? 0])' cell, or --author.",
          at: .init(line: row.number, field: "author", place: place)))
      good = false
    }
    guard good, let occurredOn, let author else { return nil }
    var event = NewEvent(
      id: id, type: type.kind.rawValue, occurredOn: occurredOn, author: author, source: source, canonicalData: [])
    event.setCanonicalData(canonicalData(values, columns.canonicalOrder))
    return event
  }

  /// Where a refused cell is: its row, its field, its place in the sheet.
  static func location(
    _ row: SheetTable.Row, _ column: Int, _ role: TableColumns.Role, _ columns: TableColumns, _ type: any DomainEvent.Type
  ) -> ServiceError.Location {
    ServiceError.Location(line: row.number, field: TableColumns.member(role, type), place: columns.place(row: row.number, column: column))
  }

  /// The canonical encoding of the object whose members are the non-null
  /// `values`, named by `order` (see ``TableColumns/canonicalOrder``): what
  /// `JSONValue.canonicalBytes()` writes for the same members, without a
  /// dictionary of them. Not `JSONValue.appendCanonicalObject(sorted:to:)`: each
  /// member's key is written from its prefix (`"key":`), encoded once per table.
  static func canonicalData(_ values: [JSONValue?], _ order: [(field: Int, prefix: [UInt8])]) -> [UInt8] {
    var out: [UInt8] = [UInt8(ascii: "{")]
    out.reserveCapacity(16 * values.count + 2)
    for (field, prefix) in order {
      guard let value = values[field], !value.isNull else { continue }
      if out.count > 1 { out.append(UInt8(ascii: ",")) }
      out.append(contentsOf: prefix)
      value.appendCanonical(to: &out)
    }
    out.append(UInt8(ascii: "}"))
    return out
  }

  /// The catalog's type named `name`.
  static func type(named name: String) throws(ServiceError) -> any DomainEvent.Type {
    do {
      return try EventCatalog.kind(named: name).eventType
    } catch {
      throw ServiceError(error)
    }
  }

  /// The options, `occurredOn` read as a date cell is.
  static func checked(_ options: Options) throws(ServiceError) -> Options {
    guard let given = options.occurredOn else { return options }
    var checked = options
    switch CellText.date(given, dateTime: true) {
    case .success(let day): checked.occurredOn = day
    case .failure(let why):
      throw ServiceError(.badInput, "--occurred-on must be \(why.expected).", at: .init(field: "occurredOn"))
    }
    return checked
  }
}

extension SheetTable.Cell {
  /// The cell as text (a number's literal, a date `YYYY-MM-DD`, `true`/`false`).
  var text: String {
    switch self {
    case .empty: ""
    case .text(let t): t
    case .number(let n): n
    case .date(let d): d
    case .bool(let b): b ? "true" : "false"
    }
  }
}
