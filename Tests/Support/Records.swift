import Journal

/// Every committed record of the journal at `path`, kept (detached from their frames).
public func allRecords(_ path: String) throws -> [Record] {
  var out: [Record] = []
  try Reader(at: path).forEach { out.append($0.detached()) }
  return out
}
