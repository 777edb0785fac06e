/// Fills a `CustomerTable` from one PRNG stream. One pass, no per-person allocations except the email index entry.
enum CustomerGenerator {
    static func generate(count: Int, seed: UInt64, anchor: Int) -> CustomerTable {
        var table = CustomerTable(seed: seed, anchor: anchor)
        var rng = SplitMix64(seed: seed ^ 0xC057_0E45)
        reserve(&table, count)

        let cityPicker = WeightedPicker(weights: NameBanks.cities.map(\.weight))
        let languageIndex = Dictionary(uniqueKeysWithValues: CustomerTable.languages.enumerated().map { ($1, UInt8($0)) })
        let firstCount = NameBanks.firstNames.count
        let lastCount = NameBanks.lastNames.count
        let domainCount = NameBanks.mailDomains.count
        let companyCount = NameBanks.companyCount
        // People signed up over the three years before the anchor, more of them recently.
        let span = 3 * 365 * 86_400
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)

        for row in 0 ..< count {
            let first = rng.skewed(firstCount)
            let last = rng.skewed(lastCount)
            let cityIndex = cityPicker.pick(&rng)
            let company = rng.skewed(companyCount)
            var style = UInt8(rng.below(4))
            if rng.chance(0.06) { style |= UInt8(1 + rng.below(NameBanks.emailTags.count)) << 2 }
            let domain: UInt8 = rng.chance(0.3) ? CustomerTable.companyDomain : UInt8(rng.skewed(domainCount))

            indexEmail(&table, first: first, last: last, style: &style, domain: domain, company: company, row: row, buffer: &buffer)

            let u = rng.unit()
            let plan: UInt8 = u < 0.55 ? 0 : u < 0.80 ? 1 : u < 0.94 ? 2 : 3
            let city = NameBanks.cities[cityIndex]
            let language = rng.chance(0.85) ? languageIndex[city.language]! : 0

            let age = Int(Double(span) * pow2(rng.unit()))
            let created = table.anchor - 3_600 - age
            let seenAgo = Int(Double(age) * pow2(rng.unit()))
            let seen = table.anchor - 60 - seenAgo

            let cents = Self.lifetimeCents(plan: plan, &rng)
            let flags = Self.flags(&rng)

            table.firstName.append(UInt16(first))
            table.lastName.append(UInt16(last))
            table.emailStyle.append(style)
            table.emailDomain.append(domain)
            table.city.append(UInt8(cityIndex))
            table.plan.append(plan)
            table.company.append(UInt16(company))
            table.language.append(language)
            table.createdAt.append(UInt32(created))
            table.lastSeen.append(UInt32(seen))
            table.lifetimeCents.append(UInt32(cents))
            table.flags.append(flags)
        }
        forgetSharersOwnAddresses(&table)
        return table
    }

    /// The few people who share another's address (`CustomerTable.emailOwner`) were generated like everyone else,
    /// so every draw is the same as without sharing; the addresses their own columns make belong to no one now.
    private static func forgetSharersOwnAddresses(_ table: inout CustomerTable) {
        var buffer: [UInt8] = []
        for row in 0 ..< table.count where table.emailOwner(row) != row {
            table.renderOwnEmail(row, into: &buffer)
            let hash = CustomerTable.fnv1a(buffer)
            if table.emailIndex[hash] == Int32(row) { table.emailIndex[hash] = nil }
        }
    }

    @inline(__always)
    private static func pow2(_ x: Double) -> Double { x * x }

    private static func reserve(_ table: inout CustomerTable, _ count: Int) {
        table.firstName.reserveCapacity(count)
        table.lastName.reserveCapacity(count)
        table.emailStyle.reserveCapacity(count)
        table.emailDomain.reserveCapacity(count)
        table.city.reserveCapacity(count)
        table.plan.reserveCapacity(count)
        table.company.reserveCapacity(count)
        table.language.reserveCapacity(count)
        table.createdAt.reserveCapacity(count)
        table.lastSeen.reserveCapacity(count)
        table.lifetimeCents.reserveCapacity(count)
        table.flags.reserveCapacity(count)
        table.emailIndex.reserveCapacity(count)
    }

    /// Renders the person's address into the index; a taken one gets the person's id appended (`style` says so),
    /// which no other address can end with.
    @inline(__always)
    private static func indexEmail(
        _ table: inout CustomerTable, first: Int, last: Int, style: inout UInt8, domain: UInt8, company: Int, row: Int, buffer: inout [UInt8]
    ) {
        CustomerTable.renderEmail(first: first, last: last, style: style, domain: domain, company: company, row: row, into: &buffer)
        var hash = CustomerTable.fnv1a(buffer)
        if table.emailIndex[hash] != nil {
            style |= 0x20
            CustomerTable.renderEmail(first: first, last: last, style: style, domain: domain, company: company, row: row, into: &buffer)
            hash = CustomerTable.fnv1a(buffer)
        }
        table.emailIndex[hash] = Int32(row)
    }

    /// What a person has spent, by plan: most free users nothing.
    @inline(__always)
    private static func lifetimeCents(plan: UInt8, _ rng: inout SplitMix64) -> Int {
        switch plan {
        case 0: rng.chance(0.7) ? 0 : rng.below(5_000)
        case 1: 5_000 + rng.below(95_000)
        case 2: 50_000 + rng.below(450_000)
        default: 500_000 + rng.below(9_500_000)
        }
    }

    /// A phone for 60 %, unsubscribed for 3.5 %, push devices for 30 % (iOS, Android or both).
    @inline(__always)
    private static func flags(_ rng: inout SplitMix64) -> UInt8 {
        var flags: UInt8 = 0
        if rng.chance(0.6) { flags |= CustomerTable.Flag.phone }
        if rng.chance(0.035) { flags |= CustomerTable.Flag.unsubscribed }
        if rng.chance(0.3) {
            let v = rng.unit()
            flags |= v < 0.5 ? CustomerTable.Flag.ios : v < 0.93 ? CustomerTable.Flag.android : (CustomerTable.Flag.ios | CustomerTable.Flag.android)
        }
        return flags
    }
}

/// Picks an index with probability proportional to its weight, by binary search over the running total.
struct WeightedPicker: Sendable {
    private let cumulative: [Double]

    init(weights: [Double]) {
        var total = 0.0
        cumulative = weights.map { total += $0; return total }
    }

    func pick(_ rng: inout SplitMix64) -> Int {
        let target = rng.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
