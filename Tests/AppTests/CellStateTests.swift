import CustomerIO
import Testing
@testable import App

/// A cell that loads after its row holds a state (loading, a value, nothing, a failure and its reason); its text is
/// drawn from that state, and logic reads the state, never the text.
struct CellStateTests {
    private static func object(named name: CellState) -> ListRow {
        var row = ObjectsPane.rows([ObjectsPane.Listed(typeID: "1", typeName: "Company", ids: ObjectIdentifiers(objectID: "acme"))])[0]
        row.setCell(ObjectsPane.titleColumn, to: name)
        return row
    }

    @Test func aNameThatIsADashIsStillAName() {
        // As text, "—" once meant "no name": an object really named "—" lost its name in the breadcrumb.
        #expect(Names.title(.objects, Self.object(named: .value("—"))) == "—")
        #expect(Names.title(.objects, Self.object(named: .empty)) == nil)
        #expect(Names.title(.objects, Self.object(named: .loading)) == nil)
    }

    @Test func aFailedCellKeepsItsReasonAndShowsAMark() {
        let row = Self.object(named: .failed("429 Too Many Requests"))
        #expect(row.cellState(ObjectsPane.titleColumn) == .failed("429 Too Many Requests"))
        #expect(row.cells[ObjectsPane.titleColumn] == "!")
        #expect(Names.title(.objects, row) == nil)
    }

    @Test func aReloadCarriesEachArrivedStateOverWhole() {
        var list = ListPaneState()
        let people = [CustomerIdentifiers(id: "1", email: "a@example.com"), CustomerIdentifiers(id: "2", email: "b@example.com")]
        list.setRows(CustomersPane.rows(people), visibleRows: 10)
        let name = CustomersPane.lazyColumns[0], subscribed = PeopleCells.subscribedColumn
        list.updateCell(key: .person(PersonKey("1", .id)), column: name, to: .empty)
        list.updateCell(key: .person(PersonKey("2", .id)), column: subscribed, to: .value("no", number: 0))
        list.updateCell(key: .person(PersonKey("2", .id)), column: name, to: .failed("timed out"))

        list.setRows(CustomersPane.rows(people), visibleRows: 10, keepingColumns: [name, subscribed])
        #expect(list.loadedRows[0].cellState(name) == .empty)
        #expect(list.loadedRows[1].cellState(name) == .failed("timed out"))
        #expect(list.loadedRows[1].number(subscribed) == 0)
        #expect(list.loadedRows[0].cellState(subscribed) == .loading)
    }

    @Test func aPersonWithNoNameHoldsNothingNotADash() {
        let cells = PeopleCells.values(CustomerProfile(attributes: [:], unsubscribed: true))
        #expect(cells[0] == .empty)
        #expect(cells[1] == .empty)
        #expect(cells[2] == .value("no", number: 0))
    }

    @Test func aToggleFlipsTheDraftsFlagNotItsWord() {
        var draft = ComposeDraft(kind: .broadcast)
        draft.advance(.emailAddDuplicates)
        #expect(draft.emailAddDuplicates)
        draft.advance(.emailAddDuplicates)
        #expect(!draft.emailAddDuplicates)
    }
}
