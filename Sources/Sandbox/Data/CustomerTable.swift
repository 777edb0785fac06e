import Foundation

/// Every generated person, stored column-wise in small integers (about 30 bytes a person) so a million fit in
/// tens of megabytes. Strings (emails, phone numbers, attribute values) are derived from these columns on demand.
struct CustomerTable: Sendable {
    let seed: UInt64
    /// Start of the UTC day the workspace is anchored to; all generated times are before it.
    let anchor: Int

    var firstName: [UInt16] = []
    var lastName: [UInt16] = []
    /// Bits 0-1: local-part style; bits 2-4: tag number + 1 (0 = no `+tag`); bit 5: has an ID suffix.
    var emailStyle: [UInt8] = []
    /// Index into `NameBanks.mailDomains`, or `companyDomain` for an address at the person's company.
    var emailDomain: [UInt8] = []
    var city: [UInt8] = []
    var plan: [UInt8] = []
    var company: [UInt16] = []
    var language: [UInt8] = []
    var createdAt: [UInt32] = []
    var lastSeen: [UInt32] = []
    var lifetimeCents: [UInt32] = []
    var flags: [UInt8] = []
    /// Hash of each email → the row whose columns make it, for `?email=` and `id_type=email` lookups (verified
    /// against the rendered email). People sharing that address (`emailOwner`) are found from that row.
    var emailIndex: [UInt64: Int32] = [:]

    static let companyDomain: UInt8 = 255
    static let plans = ["free", "starter", "pro", "enterprise"]
    static let languages: [String] = {
        var seen: [String] = ["en"]
        for city in NameBanks.cities where !seen.contains(city.language) { seen.append(city.language) }
        return seen
    }()

    /// Flag bits in `flags`.
    enum Flag {
        static let phone: UInt8 = 1
        static let unsubscribed: UInt8 = 2
        static let ios: UInt8 = 4
        static let android: UInt8 = 8
    }

    var count: Int { firstName.count }

    init(seed: UInt64, anchor: Int) {
        self.seed = seed
        self.anchor = anchor
    }

    // MARK: identifiers

    /// Customer IDs are the row number plus one, as strings: "1", "2", …
    func id(_ row: Int) -> String { String(row + 1) }

    /// Row for an ID string, if it names a person.
    func row(forID id: String) -> Int? {
        guard let number = Int(id), number >= 1, number <= count else { return nil }
        return number - 1
    }

    /// cio_ids are lowercase hex counting up from a3000001, like the vendor's examples.
    func cioID(_ row: Int) -> String { String(0xA300_0001 + row, radix: 16) }

    func row(forCioID cioID: String) -> Int? {
        var text = Substring(cioID.lowercased())
        if text.hasPrefix("cio_") { text = text.dropFirst(4) }
        guard let value = Int(text, radix: 16) else { return nil }
        let row = value - 0xA300_0001
        return row >= 0 && row < count ? row : nil
    }

    /// The first person (lowest id) with this email. Where an endpoint names one person by email (`id_type=email`)
    /// and several share it, the spec does not say which the API picks; the sandbox answers with the first.
    func row(forEmail email: String) -> Int? {
        rows(forEmail: email).first
    }

    /// Everyone with this email, in id order: usually one person, several for a shared address.
    func rows(forEmail email: String) -> [Int] {
        let wanted = Array(email.lowercased().utf8)
        guard let owner = emailIndex[Self.fnv1a(wanted)].map(Int.init) else { return [] }
        var buffer: [UInt8] = []
        renderEmail(owner, into: &buffer)
        guard buffer == wanted else { return [] }
        // Whoever shares an address sits right next to the row it comes from (`emailOwner`).
        return [owner - 1, owner, owner + 1].filter { $0 >= 0 && $0 < count && emailOwner($0) == owner }
    }

    // MARK: shared addresses

    /// Whose generated address this person goes by: their own row for almost everyone. As in real workspaces (a
    /// household, a team inbox, a second sign-up) a few people share one: every 500th person (ids 500, 1000, …)
    /// uses the address of the person before them, and every 1,000th person's predecessor but one (ids 998, 1998,
    /// …) the address of the person after, so ids 998, 999 and 1000 share one address and 499 and 500 another.
    /// Derived from the id, not drawn from the generator's stream, so every other generated value stays as it was;
    /// the sharers keep distinct ids, cio_ids and everything else.
    func emailOwner(_ row: Int) -> Int {
        let id = row + 1
        if id % 500 == 0, row >= 1 { return row - 1 }
        if (id + 2) % 1_000 == 0, row + 1 < count { return row + 1 }
        return row
    }

    // MARK: derived strings

    func email(_ row: Int) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(40)
        renderEmail(row, into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    func firstNameText(_ row: Int) -> String { NameBanks.firstNames[Int(firstName[row])].display }
    func lastNameText(_ row: Int) -> String { NameBanks.lastNames[Int(lastName[row])].display }
    func fullName(_ row: Int) -> String { "\(firstNameText(row)) \(lastNameText(row))" }
    func cityInfo(_ row: Int) -> NameBanks.City { NameBanks.cities[Int(city[row])] }
    func planText(_ row: Int) -> String { Self.plans[Int(plan[row])] }
    func companyText(_ row: Int) -> String { NameBanks.company(Int(company[row])) }
    func languageText(_ row: Int) -> String { Self.languages[Int(language[row])] }
    func has(_ flag: UInt8, _ row: Int) -> Bool { flags[row] & flag != 0 }
    func isUnsubscribed(_ row: Int) -> Bool { has(Flag.unsubscribed, row) }

    func lifetimeValueText(_ row: Int) -> String {
        let cents = Int(lifetimeCents[row])
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// E.164 phone number derived from the row, with the city's country code.
    func phone(_ row: Int) -> String? {
        guard has(Flag.phone, row) else { return nil }
        let city = cityInfo(row)
        var h = SplitMix64.hash(seed, UInt64(row), 0x50_48_4F_4E_45)
        let length = city.dialCode == "1" ? 10 : 9
        var digits = ""
        digits.reserveCapacity(length)
        for position in 0 ..< length {
            var digit = Int(h % 10)
            h /= 10
            if position == 0 && digit < 2 { digit += 2 }  // no leading 0/1 in national numbers
            digits.append(Character(Unicode.Scalar(UInt8(48 + digit))))
        }
        return "+\(city.dialCode)\(digits)"
    }

    /// Push devices (ios and/or android) with tokens and last-used times derived from the row.
    func devices(_ row: Int) -> [(id: String, platform: String, lastUsed: Int)] {
        var result: [(String, String, Int)] = []
        for (flag, platform, salt) in [(Flag.ios, "ios", UInt64(1)), (Flag.android, "android", UInt64(2))] where has(flag, row) {
            let h1 = SplitMix64.hash(seed, UInt64(row), 0xDE_71CE, salt)
            let h2 = SplitMix64.hash(seed, UInt64(row), 0xDE_71CF, salt)
            let token: String
            if platform == "ios" {
                token = Self.hex(h1) + Self.hex(h2) + Self.hex(h1 ^ h2) + Self.hex(h1 &+ h2)
            } else {
                token = "fcm:" + Self.hex(h1) + Self.hex(h2) + "APA91b"
            }
            let lastUsed = Int(lastSeen[row]) - Int(h1 % UInt64(3 * 86_400))
            result.append((token, platform, max(lastUsed, Int(createdAt[row]))))
        }
        return result
    }

    /// The person's attributes as the API returns them: every value a string.
    func attributes(_ row: Int) -> [(key: String, value: String)] {
        let city = cityInfo(row)
        var list: [(String, String)] = [
            ("id", id(row)),
            ("email", email(row)),
            ("cio_id", cioID(row)),
            ("first_name", firstNameText(row)),
            ("last_name", lastNameText(row)),
            ("plan", planText(row)),
            ("country", city.country),
            ("city", city.name),
            ("company", companyText(row)),
            ("created_at", String(createdAt[row])),
            ("last_seen", String(lastSeen[row])),
            ("lifetime_value", lifetimeValueText(row)),
            ("language", languageText(row)),
            ("timezone", city.timeZone),
        ]
        if let phone = phone(row) { list.append(("phone", phone)) }
        if isUnsubscribed(row) { list.append(("unsubscribed", "true")) }
        return list
    }

    /// When each attribute was last set; most were set at sign-up, activity fields later.
    func timestamps(_ row: Int) -> [(key: String, value: Int)] {
        let created = Int(createdAt[row])
        let seen = Int(lastSeen[row])
        let planChanged = created + Int(SplitMix64.hash(seed, UInt64(row), 0x71A5) % UInt64(max(1, seen - created + 1)))
        return attributes(row).map { key, _ in
            switch key {
            case "last_seen": (key, seen)
            case "plan", "lifetime_value": (key, planChanged)
            case "unsubscribed": (key, seen)
            default: (key, created)
            }
        }
    }

    /// One attribute value by name (nil when the person doesn't have it): what filters compare against.
    func attribute(_ field: String, _ row: Int) -> String? {
        switch field {
        case "id": id(row)
        case "email": email(row)
        case "cio_id": cioID(row)
        case "first_name": firstNameText(row)
        case "last_name": lastNameText(row)
        case "plan": planText(row)
        case "country": cityInfo(row).country
        case "city": cityInfo(row).name
        case "company": companyText(row)
        case "created_at": String(createdAt[row])
        case "last_seen": String(lastSeen[row])
        case "lifetime_value": lifetimeValueText(row)
        case "language": languageText(row)
        case "timezone": cityInfo(row).timeZone
        case "phone": phone(row)
        case "unsubscribed": isUnsubscribed(row) ? "true" : nil
        default: nil
        }
    }

    // MARK: email rendering

    /// Writes the person's email address as ASCII bytes; the generator and lookups share this one definition. A
    /// person sharing an address writes the one made from the owner's columns.
    func renderEmail(_ row: Int, into buffer: inout [UInt8]) {
        renderOwnEmail(emailOwner(row), into: &buffer)
    }

    /// The address this row's own columns make, whoever goes by it.
    func renderOwnEmail(_ row: Int, into buffer: inout [UInt8]) {
        Self.renderEmail(
            first: Int(firstName[row]), last: Int(lastName[row]), style: emailStyle[row],
            domain: emailDomain[row], company: Int(company[row]), row: row, into: &buffer
        )
    }

    static func renderEmail(first: Int, last: Int, style: UInt8, domain: UInt8, company: Int, row: Int, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        let firstASCII = NameBanks.firstNames[first].ascii
        let lastASCII = NameBanks.lastNames[last].ascii
        switch style & 3 {
        case 0: buffer += firstASCII; buffer.append(UInt8(ascii: ".")); buffer += lastASCII
        case 1: buffer += firstASCII; buffer += lastASCII
        case 2: buffer.append(firstASCII[0]); buffer.append(UInt8(ascii: ".")); buffer += lastASCII
        default: buffer += firstASCII; buffer.append(UInt8(ascii: "_")); buffer += lastASCII
        }
        if style & 0x20 != 0 {
            buffer += Array(String(row + 1).utf8)
        }
        let tag = Int((style >> 2) & 7)
        if tag > 0 {
            buffer.append(UInt8(ascii: "+"))
            buffer += Array(NameBanks.emailTags[tag - 1].utf8)
        }
        buffer.append(UInt8(ascii: "@"))
        if domain == companyDomain {
            buffer += companyDomainBytes[company]
        } else {
            buffer += Array(NameBanks.mailDomains[Int(domain)].utf8)
        }
    }

    /// "Northwind Labs" → "northwindlabs.io" (and friends): the domain of a work address.
    static let companyDomainBytes: [[UInt8]] = (0 ..< NameBanks.companyCount).map { index in
        let name = NameBanks.company(index).lowercased().filter { $0.isLetter && $0.isASCII }
        let tlds = ["com", "io", "co", "net", "de", "ai"]
        return Array("\(name).\(tlds[index % tlds.count])".utf8)
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
