import Domain
import Journal
import Testing

/// The upcasting path: `indicator.reported` version 1 (free-text units) is
/// read as version 2 (standard unit names).
@Suite struct IndicatorReportedTests {
  @Test(arguments: [
    ("heures", "hours"), ("h", "hours"), ("Hours", "hours"), (" heure ", "hours"),
    ("personnes", "persons"), ("people", "persons"), ("persons", "persons"),
    ("€", "EUR"), ("euros", "EUR"), ("EUR", "EUR"), ("%", "percent"), ("pour cent", "percent"),
    ("visites", "visites"), ("tonnes", "tonnes"), ("m²", "m²"),
  ])
  func upcastNormalisesKnownUnitsAndKeepsOthers(v1: String, v2: String) throws {
    let stored: JSONValue = ["indicator": "insertion.hours", "value": 483442, "unit": .string(v1), "scope": "SPASER"]
    let upcast = try IndicatorReported.upcast(stored, fromVersion: 1)
    #expect(upcast == ["indicator": "insertion.hours", "value": 483442, "unit": .string(v2), "scope": "SPASER"])
    let event = try IndicatorReported.view(validating: stored, version: 1)
    #expect(event.unit == v2)
    #expect(event.value == JSONNumber(483442))
    #expect(event.scope == "SPASER")
  }

  @Test func appendsWriteVersionTwoAndRefuseOldSpellings() throws {
    #expect(IndicatorReported.version == 2)
    let error = catalogError { () throws(DomainError) in
      try IndicatorReported.canonical(["indicator": "insertion.hours", "value": 1, "unit": "heures"])
    }
    #expect(error?.code == .invalidValue)
    #expect(error?.message == "Field 'unit' must be written 'hours', the standard name of this unit; got \"heures\".")
    let current = try IndicatorReported.view(validating: ["indicator": "insertion.hours", "value": 1, "unit": "hours"], version: 2)
    #expect(current.unit == "hours")
  }

  @Test func upcastLeavesMalformedDataForValidationToReport() throws {
    let noUnit: JSONValue = ["indicator": "insertion.hours", "value": 1]
    #expect(try IndicatorReported.upcast(noUnit, fromVersion: 1) == noUnit)
    let error = catalogError { () throws(DomainError) in try IndicatorReported.canonical(noUnit, version: 1) }
    #expect(error?.code == .missingField)
    #expect(error?.field == "unit")
  }

  @Test func upcastRefusesVersionsItDoesNotKnow() {
    let error = catalogError { () throws(DomainError) in
      try IndicatorReported.upcast(["unit": "h"], fromVersion: 2)
    }
    #expect(error?.code == .unsupportedVersion)
  }

  @Test func standardUnitsMapToThemselves() {
    for unit in IndicatorUnit.standardUnits {
      #expect(IndicatorUnit.standard(for: unit) == unit)
    }
    #expect(IndicatorUnit.standard(for: "visites") == nil)
  }
}
