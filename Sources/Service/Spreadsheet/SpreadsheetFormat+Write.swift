import Journal

extension SpreadsheetFormat {
  /// The file's bytes: the same workbook always gives the same bytes.
  public func bytes(_ workbook: Workbook) -> [UInt8] {
    switch self {
    case .xlsx: ZipPackage.make(XLSXWriter.parts(workbook))
    case .ods: ZipPackage.make(ODSWriter.parts(workbook))
    }
  }

  /// Writes the file durably (a new file renamed over `path`).
  /// - Throws: ``ServiceError``: the file cannot be written.
  public func write(_ workbook: Workbook, to path: String) throws(ServiceError) {
    do { try DurableFile.replace(path, with: bytes(workbook)) } catch { throw ServiceError(error) }
  }
}
