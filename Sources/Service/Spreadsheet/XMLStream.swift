import Foundation
import FoundationXML

/// What an XML part's reader is told, element by element, names resolved to their namespaces.
protocol XMLHandler: AnyObject {
  func start(_ name: XMLTree.Name, _ attributes: [XMLTree.Name: String]) throws(ServiceError)
  func end(_ name: XMLTree.Name) throws(ServiceError)
  func text(_ text: String)
}

/// An XML part read by Foundation's parser (libxml2) as a stream, for readers that keep only what they need
/// (a sheet of a million cells is never held as a tree). No DTD is loaded, no external entity resolved.
enum XMLStream {
  enum Failure: Error {
    /// Not well-formed: where the parser stopped, and what it said.
    case xml(XMLTree.Failure)
    /// The handler refused what it read.
    case refused(ServiceError)
  }

  static func parse(_ bytes: [UInt8], into handler: some XMLHandler) throws(Failure) {
    let driver = Driver(handler)
    // Fed as a stream, a chunk at a time: given whole, a document over 10 MB fails at its end (libxml2's limit on one chunk).
    let parser = XMLParser(stream: InputStream(data: Data(bytes)))
    parser.shouldProcessNamespaces = false
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = driver
    let parsed = parser.parse()
    if let refused = driver.refused { throw .refused(refused) }
    guard parsed, driver.failure == nil, driver.depth == 0, driver.sawRoot else {
      let reason = driver.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"
      throw .xml(XMLTree.Failure(line: parser.lineNumber, column: parser.columnNumber, reason: reason))
    }
  }

  /// Resolves `prefix:name` by the `xmlns` declarations in scope and passes elements and text on.
  private final class Driver<Handler: XMLHandler>: NSObject, XMLParserDelegate {
    let handler: Handler
    var scopes: [[String: String]] = [["xml": "http://www.w3.org/XML/1998/namespace"]]
    var names: [XMLTree.Name] = []
    var depth: Int { names.count }
    var sawRoot = false
    var failure: String?
    var refused: ServiceError?

    init(_ handler: Handler) { self.handler = handler }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      sawRoot = true
      var scope = scopes[scopes.count - 1]
      for (key, value) in attributes {
        if key == "xmlns" { scope[""] = value } else if key.hasPrefix("xmlns:") { scope[String(key.dropFirst(6))] = value }
      }
      var resolved: [XMLTree.Name: String] = [:]
      for (key, value) in attributes where key != "xmlns" && !key.hasPrefix("xmlns:") {
        guard let name = resolve(key, in: scope, isAttribute: true) else { return fail(parser, key) }
        resolved[name] = value
      }
      guard let name = resolve(elementName, in: scope, isAttribute: false) else { return fail(parser, elementName) }
      scopes.append(scope)
      names.append(name)
      do { try handler.start(name, resolved) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      guard let name = names.popLast() else { return }
      scopes.removeLast()
      do { try handler.end(name) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if !names.isEmpty { handler.text(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
      self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }

    private func resolve(_ qualified: String, in scope: [String: String], isAttribute: Bool) -> XMLTree.Name? {
      guard let colon = qualified.firstIndex(of: ":") else {
        return XMLTree.Name(uri: isAttribute ? "" : scope[""] ?? "", local: qualified)
      }
      guard let uri = scope[String(qualified[..<colon])] else { return nil }
      return XMLTree.Name(uri: uri, local: String(qualified[qualified.index(after: colon)...]))
    }

    private func fail(_ parser: XMLParser, _ name: String) {
      failure = "the prefix of '\(name)' is not declared"
      parser.abortParsing()
    }

    private func stop(_ parser: XMLParser, _ error: ServiceError) {
      if refused == nil { refused = error }
      parser.abortParsing()
    }
  }
}
