import Journal

extension ImportLine {
  /// The envelope members a line gave, by slot (``ImportLine/slot(of:)``): held
  /// inline, so that reading a line allocates no array for them.
  struct Slots {
    private var type, occurredOn, author, data, source, id, recordedAt, reason: JSONValue?

    subscript(_ slot: Int) -> JSONValue? {
      get {
        switch slot {
        case 0: type
        case 1: occurredOn
        case 2: author
        case 3: data
        case 4: source
        case 5: id
        case 6: recordedAt
        default: reason
        }
      }
      set {
        switch slot {
        case 0: type = newValue
        case 1: occurredOn = newValue
        case 2: author = newValue
        case 3: data = newValue
        case 4: source = newValue
        case 5: id = newValue
        case 6: recordedAt = newValue
        default: reason = newValue
        }
      }
    }
  }
}
