import Testing

@testable import ess

/// What the command line says when a commit's outcome is unknown.
@Suite("Retry advice")
struct RetryAdviceTests {
  @Test func wordsAreQuotedAsAShellReadsThemBack() {
    #expect(Failure.shellQuoted("books=4265") == "books=4265")
    #expect(Failure.shellQuoted("site=Médiathèque Malraux") == "'site=Médiathèque Malraux'")
    #expect(Failure.shellQuoted("l'Europe") == "'l'\\''Europe'")
    #expect(Failure.shellQuoted("") == "''")
  }

  @Test func theJournalOfTheCommandIsKeptForTheImport() {
    #expect(Failure.journalArgument(["append", "x", "--journal", "/srv/j"]) == " --journal /srv/j")
    #expect(Failure.journalArgument(["append", "x"]) == "")
  }

  @Test func unknownOutcomesExitWithOneAndTheRestAsCLIMdSays() {
    #expect(Failure.exitCode(.outcomeUnknown) == 1 && Failure.exitCode(.damaged) == 1)
    #expect(Failure.exitCode(.locked) == 3 && Failure.exitCode(.badInput) == 2 && Failure.exitCode(.notAJournal) == 2)
  }
}
