import Foundation
import Journal

/// Prints an HTML page to PDF with headless Chromium (Debian's `chromium`),
/// when it is installed: the text stays text (selectable, searchable), the
/// page's `@page` rules give A4.
enum PDFPrinter {
  /// The browsers tried, in order, on the usual paths.
  static let browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

  static func browser() -> String? { ExecutableSearch.find(browsers) }

  /// Writes `html` as a PDF to `output`.
  /// - Throws: ``ServiceError`` `.notFound` (saying how to install it) without a browser; `.ioFailure` if printing fails.
  static func print(_ html: String, to output: String) throws(ServiceError) {
    guard let browser = browser() else {
      throw ServiceError(
        .notFound,
        "Printing to PDF needs headless Chromium, which is not installed: install it (Debian: apt-get install chromium), or write --format html and print the page from a browser."
      )
    }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("ess-pdf-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: work) }
      let page = work.appendingPathComponent("bilan.html")
      let pdf = work.appendingPathComponent("bilan.pdf")
      try Data(html.utf8).write(to: page)
      let p = Process()
      p.executableURL = URL(fileURLWithPath: browser)
      p.arguments = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--no-pdf-header-footer",
        "--user-data-dir=\(work.path)/profile", "--print-to-pdf=\(pdf.path)", page.absoluteString,
      ]
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      p.waitUntilExit()
      guard p.terminationStatus == 0, let bytes = try? Data(contentsOf: pdf), bytes.starts(with: Array("%PDF".utf8)) else {
        throw ServiceError(.ioFailure, "\(browser) could not print the page to PDF (exit \(p.terminationStatus)).")
      }
      try DurableFile.replace(output, with: Array(bytes))
    } catch let error as ServiceError {
      throw error
    } catch let error as JournalError {
      throw ServiceError(error)
    } catch {
      throw ServiceError(.ioFailure, "Cannot print the page to PDF: \(error).")
    }
  }
}
