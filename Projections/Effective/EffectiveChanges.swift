import Domain

/// What a projection is told: an effective event starts or stops counting.
/// A correction is a removal of the old version then an addition of the new.
public enum EffectiveChange: Sendable, Equatable {
  case added(EffectiveEvent)
  case removed(EffectiveEvent)
}

/// The changes one record makes, in order: at most one removal then at most
/// one addition (a value, not an array: this is made for every event).
public struct EffectiveChanges: Sequence, Sendable, Equatable {
  public var removed: EffectiveEvent?
  public var added: EffectiveEvent?

  public init(removed: EffectiveEvent? = nil, added: EffectiveEvent? = nil) {
    self.removed = removed
    self.added = added
  }

  public struct Iterator: IteratorProtocol {
    var changes: EffectiveChanges
    var step = 0
    public mutating func next() -> EffectiveChange? {
      while step < 2 {
        step += 1
        if step == 1, let e = changes.removed { return .removed(e) }
        if step == 2, let e = changes.added { return .added(e) }
      }
      return nil
    }
  }

  public func makeIterator() -> Iterator { Iterator(changes: self) }
}
