import Foundation
import FoundationXML

/// An XML part read whole by Foundation's parser (libxml2): elements with their namespace-resolved
/// names and attributes, and their text, in document order. No DTD is loaded, no external entity resolved.
struct XMLTree {
  /// A name in its namespace (`uri` empty for an unprefixed attribute).
  struct Name: Hashable, Sendable {
    var uri: String
    var local: String
  }

  indirect enum Node {
    case element(Element)
    case text(String)
  }

  struct Element {
    var name: Name
    var attributes: [Name: String]
    var children: [Node]

    /// The child elements, in order.
    var elements: [Element] {
      children.compactMap {
        if case .element(let e) = $0 { return e }
        return nil
      }
    }

    /// The first child element named `local` in namespace `uri`.
    func first(_ uri: String, _ local: String) -> Element? {
      for case .element(let e) in children where e.name == Name(uri: uri, local: local) { return e }
      return nil
    }

    /// The value of attribute `local` in namespace `uri` (empty for an unprefixed attribute).
    func attribute(_ uri: String, _ local: String) -> String? { attributes[Name(uri: uri, local: local)] }

    /// All the text inside, in document order.
    var text: String {
      var out = ""
      for child in children {
        switch child {
        case .text(let s): out += s
        case .element(let e): out += e.text
        }
      }
      return out
    }
  }

  /// The line and column where the parser stopped, and what it said.
  struct Failure: Error {
    var line: Int
    var column: Int
    var reason: String
  }

  var root: Element

  init(_ bytes: [UInt8]) throws(Failure) {
    let builder = Builder()
    // Fed as a stream, a chunk at a time: given whole, a document over 10 MB fails at its end (libxml2's limit on one chunk).
    let parser = XMLParser(stream: InputStream(data: Data(bytes)))
    parser.shouldProcessNamespaces = false
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = builder
    let parsed = parser.parse()
    guard parsed, builder.failure == nil, let root = builder.root else {
      let reason = builder.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"
      throw Failure(line: parser.lineNumber, column: parser.columnNumber, reason: reason)
    }
    self.root = root
  }

  /// Builds the tree, resolving `prefix:name` by the `xmlns` declarations in scope.
  private final class Builder: NSObject, XMLParserDelegate {
    /// The open elements, each with its namespace scope and the text read since its last child.
    var stack: [(element: Element, scope: [String: String], text: String)] = []
    var root: Element?
    var failure: String?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      flushText()
      var scope = stack.last?.scope ?? ["xml": "http://www.w3.org/XML/1998/namespace"]
      for (key, value) in attributes {
        if key == "xmlns" { scope[""] = value } else if key.hasPrefix("xmlns:") { scope[String(key.dropFirst(6))] = value }
      }
      var resolved: [Name: String] = [:]
      for (key, value) in attributes where key != "xmlns" && !key.hasPrefix("xmlns:") {
        guard let name = resolve(key, in: scope, isAttribute: true) else { return fail(parser, key) }
        resolved[name] = value
      }
      guard let name = resolve(elementName, in: scope, isAttribute: false) else { return fail(parser, elementName) }
      stack.append((Element(name: name, attributes: resolved, children: []), scope, ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      flushText()
      guard let done = stack.popLast()?.element else { return }
      if stack.isEmpty { root = done } else { stack[stack.count - 1].element.children.append(.element(done)) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      guard !stack.isEmpty else { return }
      stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
      self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }

    /// The text read since the last child becomes a child of its own.
    private func flushText() {
      guard let last = stack.indices.last, !stack[last].text.isEmpty else { return }
      stack[last].element.children.append(.text(stack[last].text))
      stack[last].text = ""
    }

    private func resolve(_ qualified: String, in scope: [String: String], isAttribute: Bool) -> Name? {
      guard let colon = qualified.firstIndex(of: ":") else {
        return Name(uri: isAttribute ? "" : scope[""] ?? "", local: qualified)
      }
      guard let uri = scope[String(qualified[..<colon])] else { return nil }
      return Name(uri: uri, local: String(qualified[qualified.index(after: colon)...]))
    }

    private func fail(_ parser: XMLParser, _ name: String) {
      failure = "the prefix of '\(name)' is not declared"
      parser.abortParsing()
    }
  }
}
