import CustomerIO
import Foundation
import TerminalUI

/// Objects from the Objects pane (`a`): create or update one (type, id, attributes) or delete the one selected,
/// each a Track v2 entity write through the review. The delete waits for the object's id typed.
enum ObjectWrites {
    /// The object selected on the Objects list, or the one open.
    static func selected(_ state: AppState) -> TrackObjectRef? {
        let row: ListRow? = switch state.route {
        case .list(.objects): state.currentList.selectedRow
        case .detail(.objects, _): state.details[state.route]?.row
        default: nil
        }
        guard case .object(let typeID, let ids)? = row?.item, let id = ids.objectID else { return nil }
        return TrackObjectRef(typeID: typeID, id: id)
    }

    /// `a` on Objects: create or update, and — with one selected — update it or delete it.
    static func openMenu(_ state: inout AppState) -> [Effect] {
        guard state.session.hasTrackCredentials else {
            state.flash = Flash.make(.warn, TrackFormUpdate.trackMissing, now: state.now)
            return []
        }
        let object = selected(state)
        let name = object.map { "object \($0.typeID)/\($0.id)" } ?? "a new object"
        let subject = TrackPerson(identifier: .id(object?.id ?? "new"), label: name)
        var choice = ChoiceState(title: "Act on \(name) — through the Track API, always reviewed first", purpose: .personAction(subject, bulk: []))
        choice.options = [PersonAction.objectIdentify] .map { ComposerState.Option(value: $0.rawValue, label: $0.title, name: $0.title) }
            + (object == nil ? [] : [ComposerState.Option(value: PersonAction.objectDelete.rawValue, label: PersonAction.objectDelete.title, name: "Delete")])
        state.mode = .choosing(choice)
        return []
    }

    static func plan(_ form: TrackForm) throws -> PlannedWrite {
        let object = TrackObjectRef(typeID: form.value(.objectType), id: form.value(.objectID))
        if form.action == .objectDelete {
            guard let target = form.target else { throw TrackProblem("object", "select an object first") }
            guard form.value(.confirm) == target.id else { throw TrackProblem("confirm", "type \(target.id) exactly to delete this object") }
            var write = PlannedWrite(kind: .track(action: form.action.rawValue, person: "object \(target.typeID)/\(target.id)", reload: .list(.objects)),
                                     request: try AppAPIClient.entityRequest(.deleteObject(target)), title: "Delete an object")
            write.summary = ["Object \(target.id) (type \(target.typeID))", "Its attributes and every relationship with people go. This cannot be undone."]
            write.cautions.append("This deletes the object. It cannot be undone.")
            return write
        }
        let attributes = try PersonAction.jsonObject(form, .objectAttributes)
        var write = PlannedWrite(kind: .track(action: form.action.rawValue, person: "object \(object.typeID)/\(object.id)", reload: .detail(.objects, key: ObjectsPane.key(typeID: object.typeID, objectID: object.id))),
                                 request: try AppAPIClient.entityRequest(.identifyObject(object, attributes: attributes, people: [])), title: "Create or update an object")
        write.summary = ["Object \(object.id) (type \(object.typeID)): created if new, else updated"]
            + attributes.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value == .null || $0.value == .string("") ? "removed" : $0.value.displayText)" }
        return write
    }
}
