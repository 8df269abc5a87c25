import Testing

@testable import Projections

@Test func placeholder() { #expect(JournalSummary.initial.events == 0) }
