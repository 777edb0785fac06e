import CustomerIO
import Testing
@testable import App

/// A row key is the item's identifier as itself: nothing is joined into text and split back, so identifiers holding
/// the characters a text key used as separators stay whole, and a row that has no identifier opens nothing.
struct RowKeyTests {
    @Test func anObjectIdWithASlashStaysWhole() throws {
        let key = ObjectsPane.key(typeID: "1", objectID: "acct/eu/7")
        let object = try ObjectsPane.object(key)
        #expect(object.typeID == "1" && object.id == "acct/eu/7")
    }

    @Test func aPersonIdThatLooksLikeAnotherKindIsStillAnId() throws {
        // As text, "email:ann@example.com" once read as an email; typed, it is the id it is.
        let person = try CustomersPane.person(.person(PersonKey("email:ann@example.com", .id)))
        #expect(person.value == "email:ann@example.com" && person.type == .id)
    }

    @Test func aPersonWithNoIdentifierIsNotLookedUpByAGuess() {
        let rows = CustomersPane.rows([CustomerIdentifiers()])
        #expect(rows.first?.key == .position(0))
        #expect(throws: SectionProblem.self) { try CustomersPane.person(rows[0].key) }
    }

    @Test func aKeyOfAnotherKindIsAClearProblemNotAWrongRequest() {
        #expect(throws: SectionProblem.self) { try CampaignsPane.numericID(.name("12")) }
        #expect(throws: SectionProblem.self) { try MessagesPane.textID(.id(12)) }
        #expect(throws: SectionProblem.self) { try ObjectsPane.object(.id(12)) }
    }
}
