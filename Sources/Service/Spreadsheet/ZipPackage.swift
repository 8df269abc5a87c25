import Foundation
import ZIPFoundation

/// The ZIP container of an XLSX or ODS file: written in memory with fixed
/// entry dates (the same sheet gives the same bytes), read from memory with
/// every entry's CRC checked. The only user of ZIPFoundation.
struct ZipPackage {
  /// One part to write: its path in the package and its bytes; `stored` leaves it uncompressed (ODS's `mimetype`).
  struct Part {
    var path: String
    var bytes: [UInt8]
    var stored = false
  }

  /// Why a package could not be read (said in words by the reader, which knows the file).
  enum Failure: Error {
    /// Not a ZIP archive at all, or its directory is damaged.
    case notZip
    /// The part is damaged (a bad checksum, broken compressed data).
    case damagedPart(String)
    /// The part holds more than ``ZipPackage/partLimit`` bytes once uncompressed.
    case tooLarge(String)
  }

  /// The largest part read: far above any sheet people send (a million rows of a few cells), far below what exhausts memory.
  static let partLimit = 512 << 20

  private let archive: Archive

  /// Opens `bytes` as a ZIP archive.
  init(_ bytes: [UInt8]) throws(Failure) {
    do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch { throw .notZip }
  }

  /// The paths of the parts, in the archive's order.
  var paths: [String] { archive.map(\.path) }

  /// The bytes of the part at `path`, or nil when there is none.
  func part(_ path: String) throws(Failure) -> [UInt8]? {
    guard let entry = archive[path] else { return nil }
    guard entry.uncompressedSize <= Self.partLimit else { throw .tooLarge(path) }
    var out: [UInt8] = []
    out.reserveCapacity(Int(entry.uncompressedSize))
    var tooLarge = false
    do {
      _ = try archive.extract(entry) { chunk in
        out.append(contentsOf: chunk)
        if out.count > Self.partLimit {
          tooLarge = true
          throw Archive.ArchiveError.invalidEntrySize
        }
      }
    } catch {
      throw tooLarge ? .tooLarge(path) : .damagedPart(path)
    }
    return out
  }

  /// A ZIP archive of `parts`, in that order, deflated unless stored.
  static func make(_ parts: [Part]) -> [UInt8] {
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      for part in parts {
        let data = Data(part.bytes)
        try archive.addEntry(
          with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
          compressionMethod: part.stored ? .none : .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      return [UInt8](archive.data ?? Data())
    } catch {
      // Only memory is written: an error here is a bug, not an input or a disk problem.
      preconditionFailure("writing a ZIP archive in memory failed: \(error)")
    }
  }

  /// 1980-01-01 00:00 in local time: the first date a ZIP entry can carry, so that entries carry no clock.
  private static let fixedDate: Date = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone.current
    return calendar.date(from: DateComponents(year: 1980, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 315_532_800)
  }()
}
