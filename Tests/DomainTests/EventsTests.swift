import Domain
import Journal
import Testing

/// The typed views each event type reads from valid data (its canonical bytes).
@Suite struct EventsTests {
  @Test func pole() throws {
    let joined = try PoleMemberJoined.view(validating: Fixtures.full["pole.member-joined"]!)
    #expect(joined.memberId == "emmaus-mundo" && joined.name == "Emmaüs Mundo")
    #expect(joined.legalForm == .association && joined.city == "Strasbourg")
    #expect(
      try PoleMemberJoined.view(validating: Fixtures.with("pole.member-joined", ["legalForm": "entreprise-sociale"])).legalForm
        == .entrepriseSociale)
    let left = try PoleMemberLeft.view(validating: Fixtures.minimal("pole.member-left"))
    #expect(left.memberId == "emmaus-mundo" && left.note == nil)
    let board = try PoleBoardElected.view(validating: Fixtures.full["pole.board-elected"]!)
    #expect(board.memberIds == ["emmaus-mundo", "cress-grand-est", "kaleidoscoop"])
    let assembly = try PoleGeneralAssemblyHeld.view(validating: Fixtures.full["pole.general-assembly-held"]!)
    #expect(assembly.attendees == 30 && assembly.title == "Assemblée générale constitutive du Pôle ESS")
  }

  @Test func conseil() throws {
    let plenary = try ConseilPlenaryHeld.view(validating: Fixtures.full["conseil.plenary-held"]!)
    #expect(plenary.participants == 160 && plenary.guests == ["Benoît Hamon"])
    let noGuests = try ConseilPlenaryHeld.view(validating: Fixtures.with("conseil.plenary-held", ["guests": []]))
    #expect(noGuests.guests == [])
    // An empty list is kept as given (only absent and null optionals are dropped).
    let bytes = try ConseilPlenaryHeld.canonical(Fixtures.with("conseil.plenary-held", ["guests": []]))
    #expect(String(decoding: bytes, as: UTF8.self).contains(#""guests":[]"#))
    let workshop = try ConseilWorkshopHeld.view(validating: Fixtures.full["conseil.workshop-held"]!)
    #expect(workshop.theme == "Feuille de route économique de l'Eurométropole" && workshop.participants == 45)
  }

  @Test func procurement() throws {
    let contract = try ProcurementContractAwarded.view(validating: Fixtures.full["procurement.contract-awarded"]!)
    #expect(contract.buyer == .eurometropole && contract.amountEUR == Euros(cents: 18_450_050))
    #expect(contract.socialClause && contract.environmentalClause && contract.fairTradeClause == false)
    #expect(contract.awardeeIsESS && contract.awardeeIsSME && contract.awardeeIsLocal)
    #expect(contract.contractId == "ems-2022-0147" && contract.awardee == "Jardins de la Montagne Verte")
    let noFairTrade = try ProcurementContractAwarded.view(validating: Fixtures.minimal("procurement.contract-awarded"))
    #expect(noFairTrade.fairTradeClause == false, "absent counts as false")
    let hours = try ProcurementInsertionHoursReported.view(validating: Fixtures.full["procurement.insertion-hours-reported"]!)
    #expect(hours.insertionHours == 12500 && hours.trainingHours == 1800)
    #expect(hours.beneficiaries == 14 && hours.beneficiariesInQPV == 9 && hours.contractId == "ems-2022-0147")
    let tender = try ProcurementTenderUnsuccessful.view(validating: Fixtures.full["procurement.tender-unsuccessful"]!)
    #expect(tender.tenderId == "vds-2023-0031")
  }

  @Test func okote() throws {
    let opened = try OkoteCampaignOpened.view(validating: Fixtures.full["okote.campaign-opened"]!)
    #expect(opened.targetEUR == Euros(cents: 1_500_000) && opened.region == "Neuhof" && opened.campaignId == "okote-2023-t1")
    let pledge = try OkotePledgeMade.view(validating: Fixtures.full["okote.pledge-made"]!)
    #expect(pledge.contributorKind == .citizen && pledge.amountEUR.description == "25.50" && pledge.contributorId == "hab-0421")
    let institution = try OkotePledgeMade.view(validating: Fixtures.with("okote.pledge-made", ["contributorKind": "public"]))
    #expect(institution.contributorKind == .public)
    let closed = try OkoteCampaignClosed.view(validating: Fixtures.full["okote.campaign-closed"]!)
    #expect(closed.outcome == .notFunded)
  }

  @Test func booksMarcheOffIndicatorMilestone() throws {
    let books = try BooksDonationCounted.view(validating: Fixtures.full["books.donation-counted"]!)
    #expect(books.books == 4265 && books.site == "Médiathèque Malraux")
    let market = try MarcheOffEditionReported.view(validating: Fixtures.full["marcheoff.edition-reported"]!)
    #expect(market.edition == 2022 && market.exhibitors == 32 && market.partners == 33 && market.eventsCount == 130)
    #expect(market.revenueEUR.description == "435000.00")
    #expect(market.opensOn == CivilDate(year: 2022, month: 11, day: 25) && market.closesOn == CivilDate(year: 2022, month: 12, day: 24))
    let indicator = try IndicatorReported.view(validating: Fixtures.full["indicator.reported"]!)
    #expect(indicator.value?.text == "1200.75" && indicator.unit == "persons")
    let milestone = try MilestoneReached.view(validating: Fixtures.full["milestone.reached"]!)
    #expect(milestone.kind == .event && milestone.title == "Ouverture de KaléidosCOOP")
  }

  @Test func corrections() throws {
    let corrected = try EventCorrected.view(validating: Fixtures.full["event.corrected"]!)
    #expect(corrected.target == 42 && corrected.replacement.map { Array($0.bytes) } == Array(#"{"books":4312}"#.utf8))
    #expect(corrected.occurredOn == "2022-12-31T18:30:00+01:00")
    let dateOnly = try EventCorrected.view(validating: Fixtures.with("event.corrected", ["occurredOn": "2022-12-30"]))
    #expect(dateOnly.occurredOn == "2022-12-30")
    // The replacement is checked later, against the target's type: here anything object-shaped passes.
    let unchecked = try EventCorrected.view(validating: Fixtures.with("event.corrected", ["data": ["books": -1]]))
    #expect(unchecked.replacement.map { Array($0.bytes) } == Array(#"{"books":-1}"#.utf8))
    let retracted = try EventRetracted.view(validating: ["target": 57])
    #expect(retracted.target == 57)
  }

  /// Each type's fields are declared in the order of its `Field` enum, so views read them by their case.
  @Test(arguments: EventKind.allCases)
  func fieldSpecsFollowTheFieldEnum(_ kind: EventKind) {
    func names<T: DomainEvent>(_ type: T.Type) -> ([String], [String]) {
      (T.fields.map(\.name), T.Field.allCases.map(\.name))
    }
    let (specs, cases) = names(kind.eventType)
    #expect(specs == cases, "\(kind.rawValue)")
    #expect(EventKind.lookup(kind.rawValue) == kind)
  }
}
