import CustomerIO
import Foundation

/// The writes that take a profile away or give an identifier back: suppress, unsuppress, delete and merge. Each
/// review says what is lost; a delete waits for the identifier typed, a merge shows both profiles side by side.
enum PersonRemoval {
    static func plan(_ form: TrackForm) throws -> PlannedWrite {
        let person = form.person
        switch form.action {
        case .suppress:
            var write = try PersonAction.entity(.suppress(person.identifier), form, title: "Suppress a person")
            write.summary += ["The profile is deleted (\(lost(person))) and its identifiers are blocked:",
                              "nothing can add this person again until they are unsuppressed. Unsuppressing frees the identifier only;",
                              "the profile does not come back."]
            write.cautions.append("This deletes the profile. It cannot be undone.")
            return write
        case .unsuppress:
            let who = try identifier(form.value(.secondary), field: "identifier")
            var unsuppressed = form
            unsuppressed.person = TrackPerson(identifier: who, label: who.value)
            var write = try PersonAction.entity(.unsuppress(who), unsuppressed, title: "Unsuppress an identifier")
            write.summary.append("The identifier can be added again; no profile comes back with it.")
            return write
        case .delete:
            guard form.value(.confirm) == person.identifier.value else {
                throw TrackProblem("confirm", "type \(person.identifier.value) exactly to delete this profile")
            }
            var write = try PersonAction.entity(.delete(person.identifier), form, title: "Delete a person")
            write.summary += ["Lost: \(lost(person)), their relationships and segment memberships.",
                              "Messages already sent stay in Messages. The same identifier may be added again later."]
            write.cautions.append("This deletes the profile. It cannot be undone.")
            return write
        default:
            return try merge(form)
        }
    }

    /// What a profile holds that goes with it, as far as it was loaded.
    static func lost(_ person: TrackPerson) -> String {
        guard let attributes = person.attributes else { return "everything on it; the profile had not loaded" }
        let devices = person.devices.count == 1 ? "1 device" : "\(person.devices.count) devices"
        return "\(attributes.count) attributes, \(devices)"
    }

    private static func merge(_ form: TrackForm) throws -> PlannedWrite {
        let other = try identifier(form.value(.secondary), field: "secondary")
        let keepThis = form.value(.keep) != PersonAction.keepOther
        let (primary, secondary) = keepThis ? (form.person.identifier, other) : (other, form.person.identifier)
        var write = try PersonAction.entity(.merge(primary: primary, secondary: secondary), form, title: "Merge two people")
        write.summary = ["Survives (primary): \(primary.label)", "Merged in, then deleted (secondary): \(secondary.label)",
                         "The primary keeps its attributes and takes the ones it lacks, with the secondary's devices and history."]
        write.cautions.append("A merge cannot be undone: the secondary profile is deleted.")
        write.compare = [primary, secondary]
        // This profile goes when the other survives: nothing of it is left to reload.
        if !keepThis { write.kind = .track(action: form.action.rawValue, person: form.person.identifier.label, reload: nil) }
        return write
    }

    /// A typed identifier: `cio_…` a cio_id, one with an @ an email, anything else an id.
    static func identifier(_ text: String, field: String) throws -> CustomerIdentifier {
        guard !text.isEmpty else { throw TrackProblem(field, "type the other person's id, email or cio_id") }
        // The forms search takes (`id:42`, `cio_id:a3000001`) mean what they say.
        for (prefix, type) in [("id:", IDType.id), ("cio_id:", .cioID), ("email:", .email)] where text.hasPrefix(prefix) {
            return CustomerIdentifier(type, String(text.dropFirst(prefix.count)))!
        }
        switch IDType.guess(for: text) {
        case .email: return .email(text)
        case .cioID: return .cioID(String(text.dropFirst(4)))
        default: return .id(text)
        }
    }
}
