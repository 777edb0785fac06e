/// People as of one moment: the generated table read through the overlay of Track and Pipelines writes. Cheap to make
/// (the overlay's storage is shared, not copied); answers for generated rows and created ones (at or above the
/// table's count) alike, and reads a generated person straight from the table while the overlay has nothing on them.
struct PeopleDirectory: Sendable {
    let customers: CustomerTable
    let overlay: PeopleOverlay

    func isCreated(_ row: Int) -> Bool { row >= customers.count }

    /// How many people the workspace has now.
    var liveCount: Int { customers.count + overlay.created.count - overlay.removed.count }

    /// Whether the person is still in the workspace (not deleted, suppressed or merged away).
    func isLive(_ row: Int) -> Bool { overlay.removed.isEmpty || !overlay.removed.contains(Int32(row)) }

    private func created(_ row: Int) -> CreatedPerson { overlay.created[row - customers.count] }

    private func edit(_ row: Int) -> PersonEdit? { overlay.edits.isEmpty ? nil : overlay.edits[Int32(row)] }

    // MARK: look-ups (live people only)

    func row(for ref: PersonRef) -> Int? {
        switch ref {
        case .id(let value): row(forID: value)
        case .email(let value): rows(forEmail: value).first
        case .cioID(let value): row(forCioID: value)
        }
    }

    /// As `SandboxWorkspace.resolve`: a path value with its `id_type`.
    func row(_ value: String, idType: String?) throws -> Int? {
        switch idType ?? "id" {
        case "id", "": return row(forID: value)
        case "email": return rows(forEmail: value).first
        case "cio_id": return row(forCioID: value)
        case "phone": throw APIFailure.badRequest("phone is not enabled as an identifier in this workspace")
        default: throw APIFailure.badRequest("id_type must be id, email or cio_id")
        }
    }

    func row(forID id: String) -> Int? {
        if let row = overlay.createdByID[id] { return Int(row) }
        guard let row = customers.row(forID: id), isLive(row) else { return nil }
        return row
    }

    func row(forCioID cioID: String) -> Int? {
        let bare = cioID.hasPrefix("cio_") ? String(cioID.dropFirst(4)) : cioID
        if let row = overlay.createdByCioID[bare.lowercased()] { return Int(row) }
        guard let row = customers.row(forCioID: cioID), isLive(row) else { return nil }
        return row
    }

    /// Everyone with this email, in row order (generated people first, as ids go).
    func rows(forEmail email: String) -> [Int] {
        let generated = customers.rows(forEmail: email)
        guard !overlay.isEmpty else { return generated }
        let kept = generated.filter { isLive($0) && !overlay.emailOverridden.contains(Int32($0)) }
        let changed = (overlay.emailRows[email.lowercased()] ?? []).map(Int.init)
        return changed.isEmpty ? kept : (kept + changed).sorted()
    }

    // MARK: identifiers

    func id(_ row: Int) -> String? { isCreated(row) ? created(row).id : customers.id(row) }

    func cioID(_ row: Int) -> String { isCreated(row) ? created(row).cioID : customers.cioID(row) }

    func email(_ row: Int) -> String? {
        if let email = edit(row)?.email { return email }
        return isCreated(row) ? nil : customers.email(row)
    }

    // MARK: profile

    /// The attributes as the App API returns them (every value a string): the generated ones with edits applied in
    /// place, then new ones by name.
    func attributes(_ row: Int) -> [(key: String, value: String)] {
        guard let edit = edit(row) else { return isCreated(row) ? identifierAttributes(row) : customers.attributes(row) }
        let base = isCreated(row) ? identifierAttributes(row) : customers.attributes(row)
        var seen = Set<String>()
        var list: [(key: String, value: String)] = base.compactMap { key, value in
            seen.insert(key)
            if edit.removed.contains(key) { return nil }
            return (key, edit.attributes[key] ?? value)
        }
        for key in edit.attributes.keys.sorted() where !seen.contains(key) { list.append((key, edit.attributes[key]!)) }
        return list
    }

    private func identifierAttributes(_ row: Int) -> [(key: String, value: String)] {
        var list: [(key: String, value: String)] = []
        if let id = id(row) { list.append(("id", id)) }
        list.append(("cio_id", cioID(row)))
        list.append(("created_at", String(created(row).createdAt)))
        return list
    }

    /// When each attribute was set.
    func timestamps(_ row: Int) -> [(key: String, value: Int)] {
        guard !isCreated(row) else {
            let times = edit(row)?.times ?? [:]
            return attributes(row).map { ($0.key, times[$0.key] ?? created(row).createdAt) }
        }
        guard let edit = edit(row) else { return customers.timestamps(row) }
        let base = Dictionary(customers.timestamps(row), uniquingKeysWith: { first, _ in first })
        return attributes(row).map { ($0.key, edit.times[$0.key] ?? base[$0.key] ?? Int(customers.createdAt[row])) }
    }

    /// One attribute by name, as filters and exports read it.
    func attribute(_ field: String, _ row: Int) -> String? {
        guard edit(row) != nil || isCreated(row) else { return customers.attribute(field, row) }
        return attributes(row).first { $0.key == field }?.value
    }

    func isUnsubscribed(_ row: Int) -> Bool {
        if let unsubscribed = edit(row)?.unsubscribed { return unsubscribed }
        return isCreated(row) ? false : customers.isUnsubscribed(row)
    }

    /// Push devices: the generated ones still there, then those added (an added token replaces a generated one).
    func devices(_ row: Int) -> [TrackedDevice] {
        let generated = isCreated(row) ? [] : customers.devices(row).map { TrackedDevice(token: $0.id, platform: $0.platform, lastUsed: $0.lastUsed) }
        guard let edit = edit(row) else { return generated }
        let added = Set(edit.devices.map(\.token))
        return generated.filter { !edit.removedDevices.contains($0.token) && !added.contains($0.token) } + edit.devices
    }

    /// A topic preference set through `cio_subscription_preferences` (nil: the topic's default applies).
    func topicPreference(_ identifier: String, _ row: Int) -> Bool? { edit(row)?.topics[identifier] }

    func language(_ row: Int) -> String {
        attribute("language", row) ?? (isCreated(row) ? "en" : customers.languageText(row))
    }

    func createdAt(_ row: Int) -> Int { isCreated(row) ? created(row).createdAt : Int(customers.createdAt[row]) }
}
