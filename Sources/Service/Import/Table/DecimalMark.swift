/// Which mark separates the decimals of the numbers of a table (`--decimal`),
/// when a cell uses both (`1.234,5`): the other one then groups digits.
public enum DecimalMark: String, Sendable, Equatable, CaseIterable {
  /// `1.234,5` is 1234.5 (French).
  case comma
  /// `1,234.5` is 1234.5 (English).
  case point
}
