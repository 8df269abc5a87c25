import Foundation
import FoundationXML
import Journal

/// DECP v2 in XML (`schema_decp_v2.0.2.xsd`): root `<marches>`, no namespace,
/// `<marche>` and `<contrat-concession>` children, the children of a
/// `<marche>` in any order. Read by a real XML parser (Foundation's, fed as a
/// stream as ``XMLStream`` feeds it) and turned into the v2 JSON shape, every value
/// as text (`DECPFields.textScalars`), so that one mapping serves both.
///
/// ```swift
/// let doc = try DECPXML.read(Array("<marches><marche><id>1</id></marche></marches>".utf8))
/// doc.marches[0].members["id"]   // "1"
/// ```
enum DECPXML {
  /// The `<marche>` elements in the JSON shape (each with the problems of its conversion), and how many concessions.
  struct Read {
    var marches: [(members: [String: JSONValue], problems: [String])] = []
    var concessions = 0
  }

  /// Containers whose children are objects, each wrapped once more in JSON: `"titulaires": [{"titulaire": {…}}]`.
  static let wrappedObjects: Set<String> = [
    "titulaires", "modifications", "actesSousTraitance", "modificationsActesSousTraitance", "concessionnaires",
    "donneesExecution",
  ]
  /// Containers of repeated values, a list under the child's name in JSON: `"techniques": {"technique": [...]}`.
  static let valueLists: Set<String> = [
    "considerationsSociales", "considerationsEnvironnementales", "techniques", "modalitesExecution", "typesPrix",
  ]

  /// Parses `bytes`.
  /// - Throws: a sentence (not well-formed XML, or not a `<marches>` document), with the line when the parser gives one.
  static func read(_ bytes: [UInt8]) throws(ServiceError) -> Read {
    // Fed as a stream: given whole, a document over 10 MB fails at its end (libxml2's limit on one chunk; see XMLStream).
    let parser = XMLParser(stream: InputStream(data: Data(bytes)))
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    let builder = TreeBuilder()
    parser.delegate = builder
    let parsed = parser.parse()
    guard parsed, builder.failure == nil, let root = builder.root else {
      let at = builder.failure?.line ?? parser.lineNumber
      let code = builder.failure?.code ?? (parser.parserError as NSError?)?.code ?? 0
      throw ServiceError(
        .badInput,
        "The file is not well-formed XML: the parser stopped at line \(at) (libxml2 error \(code)\(Self.hint(code))); expected a DECP v2 XML document, <marches> with <marche> elements."
      )
    }
    guard root.name == "marches" else {
      throw ServiceError(
        .badInput,
        "The XML root element is <\(root.name)>; expected <marches> (DECP v2, schema_decp_v2.0.2.xsd), without a namespace.")
    }
    var read = Read()
    for child in root.children {
      switch child.name {
      case "marche":
        var problems: [String] = []
        read.marches.append((object(child, path: "", problems: &problems), problems))
      case "contrat-concession": read.concessions += 1
      default:
        throw ServiceError(
          .badInput,
          "Element <\(child.name)> (line \(child.line)) is not allowed in <marches>; expected <marche> or <contrat-concession>.")
      }
    }
    return read
  }

  /// What the commonest libxml2 error codes mean.
  static func hint(_ code: Int) -> String {
    switch code {
    case 4, 5: ": the document is empty or ends too early"
    case 9: ": a character that is not allowed"
    case 26: ": an unknown entity (write & as &amp;)"
    case 68: ": a name is expected (an & or < in a text must be written &amp; or &lt;)"
    case 73: ": a '>' is missing"
    case 76: ": an element is closed by another name"
    case 77: ": an element is never closed"
    default: ""
    }
  }

  /// An element with children as a JSON object (repeated children refused), under the container rules above.
  static func object(_ node: Node, path: String, problems: inout [String]) -> [String: JSONValue] {
    var members: [String: JSONValue] = [:]
    for child in node.children {
      let key = path + child.name
      if members[child.name] != nil {
        problems.append("<\(key)> appears more than once (line \(child.line)); expected it once")
        continue
      }
      members[child.name] = value(child, path: key + ".", problems: &problems)
    }
    return members
  }

  static func value(_ node: Node, path: String, problems: inout [String]) -> JSONValue {
    if node.children.isEmpty { return .string(node.text) }
    if wrappedObjects.contains(node.name) {
      return .array(node.children.map { .object([$0.name: value($0, path: path + $0.name + ".", problems: &problems)]) })
    }
    if valueLists.contains(node.name) {
      var lists: [String: [JSONValue]] = [:]
      for child in node.children { lists[child.name, default: []].append(value(child, path: path, problems: &problems)) }
      return .object(lists.mapValues { .array($0) })
    }
    return .object(object(node, path: path, problems: &problems))
  }

  /// One element: its name, its children, its text (character data and CDATA, for elements without children).
  final class Node {
    let name: String
    let line: Int
    var children: [Node] = []
    var text = ""
    init(_ name: String, line: Int) {
      self.name = name
      self.line = line
    }
  }

  /// Builds the element tree as the parser reports it.
  final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: Node?
    var stack: [Node] = []
    /// The first error the parser reported: its line and libxml2 code.
    var failure: (line: Int, code: Int)?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
      attributes attributeDict: [String: String] = [:]
    ) {
      let node = Node(elementName, line: parser.lineNumber)
      if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
      stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
      _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
      stack.last?.text += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
      if failure == nil { failure = (parser.lineNumber, (parseError as NSError).code) }
    }
  }
}
