/// A small XML part (relationships, workbook, styles, shared strings) read whole as a tree (through
/// ``XMLStream``): elements with their namespace-resolved names and attributes, and their text, in document order.
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
    do {
      try XMLStream.parse(bytes, into: builder)
    } catch {
      switch error {
      case .xml(let failure): throw failure
      case .refused: throw Failure(line: 0, column: 0, reason: "refused")  // the builder refuses nothing
      }
    }
    guard let root = builder.root else { throw Failure(line: 0, column: 0, reason: "no root element") }
    self.root = root
  }

  /// Builds the tree from the stream.
  private final class Builder: XMLHandler {
    /// The open elements, each with the text read since its last child.
    var stack: [(element: Element, text: String)] = []
    var root: Element?

    func start(_ name: Name, _ attributes: [Name: String]) {
      flushText()
      stack.append((Element(name: name, attributes: attributes, children: []), ""))
    }

    func end(_ name: Name) {
      flushText()
      guard let done = stack.popLast()?.element else { return }
      if stack.isEmpty { root = done } else { stack[stack.count - 1].element.children.append(.element(done)) }
    }

    func text(_ text: String) {
      guard !stack.isEmpty else { return }
      stack[stack.count - 1].text += text
    }

    /// The text read since the last child becomes a child of its own.
    private func flushText() {
      guard let last = stack.indices.last, !stack[last].text.isEmpty else { return }
      stack[last].element.children.append(.text(stack[last].text))
      stack[last].text = ""
    }
  }
}
