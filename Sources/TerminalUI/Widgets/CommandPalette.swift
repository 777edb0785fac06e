/// A `:` command the palette offers, with the values its argument can take (empty for free-form arguments).
public struct PaletteCommand: Sendable, Hashable {
    public var name: String
    public var title: String
    public var argumentChoices: [String]

    public init(name: String, title: String, argumentChoices: [String] = []) {
        self.name = name
        self.title = title
        self.argumentChoices = argumentChoices
    }
}

/// One suggestion row: what the input becomes if it is chosen, and how it shows.
public struct PaletteCompletion: Sendable, Hashable {
    /// The full input it stands for: `theme` or `theme dracula`.
    public var text: String
    /// The word shown and matched: a command name, or an argument choice.
    public var label: String
    /// The description beside the label (the command's title).
    public var detail: String
    /// Offsets of the Characters of `label` that the query matched, to highlight.
    public var matched: [Int]

    public init(text: String, label: String, detail: String, matched: [Int] = []) {
        self.text = text
        self.label = label
        self.detail = detail
        self.matched = matched
    }
}

/// The `:` prompt: what is typed and which suggestion is selected.
public struct CommandPaletteState: Sendable, Hashable {
    public var input: TextInputState
    public var selected: Int

    public init(input: TextInputState = TextInputState(), selected: Int = 0) {
        self.input = input
        self.selected = selected
    }

    /// How `query` matches `candidate`, ignoring case: tier 0 for a prefix, 1 for a substring, 2 for the letters
    /// in order with gaps; nil for no match. The offsets are the matched Characters of `candidate`.
    static func match(_ query: String, _ candidate: String) -> (tier: Int, offsets: [Int])? {
        let needle = query.map { $0.lowercased() }
        let hay = candidate.map { $0.lowercased() }
        guard !needle.isEmpty else { return (0, []) }
        guard needle.count <= hay.count else { return nil }
        for start in 0...(hay.count - needle.count) where Array(hay[start..<start + needle.count]) == needle {
            return (start == 0 ? 0 : 1, Array(start..<start + needle.count))
        }
        var offsets: [Int] = []
        for (offset, character) in hay.enumerated() where offsets.count < needle.count && character == needle[offsets.count] {
            offsets.append(offset)
        }
        return offsets.count == needle.count ? (2, offsets) : nil
    }

    /// `items` that match `query`, best tier first and in their given order within a tier, with their offsets.
    static func ranked<T>(_ query: String, _ items: [T], key: (T) -> String) -> [(item: T, offsets: [Int], tier: Int)] {
        items.compactMap { item in match(query, key(item)).map { (item, $0.offsets, $0.tier) } }
            .enumerated().sorted { ($0.element.tier, $0.offset) < ($1.element.tier, $1.offset) }.map(\.element)
    }

    /// Splits `command arg` at the first space; nil when the input is still the command name.
    static func split(_ query: String) -> (name: String, argument: String)? {
        let trimmed = query.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        return (String(trimmed[..<space]), String(trimmed[space...].drop { $0 == " " }))
    }

    static func command(named name: String, in commands: [PaletteCommand]) -> PaletteCommand? {
        commands.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Commands matching `query`, ignoring case: prefixes of the name first, then names containing it, then names
    /// with its letters in order. Once the query has a space it names a command and the rest filters that
    /// command's argument choices the same way: `theme dr` gives `theme` with just `dracula` left.
    public static func matches(_ query: String, in commands: [PaletteCommand]) -> [PaletteCommand] {
        guard let parts = split(query) else {
            return ranked(query.trimmingLeadingSpaces, commands, key: \.name).map(\.item)
        }
        guard var command = command(named: parts.name, in: commands) else { return [] }
        guard !command.argumentChoices.isEmpty else { return [command] }
        command.argumentChoices = ranked(parts.argument, command.argumentChoices, key: { $0 }).map(\.item)
        return command.argumentChoices.isEmpty ? [] : [command]
    }

    /// The suggestion rows for `query`: commands, or the matching choices of the command being given an argument.
    public static func completions(for query: String, in commands: [PaletteCommand]) -> [PaletteCompletion] {
        guard let parts = split(query) else {
            return ranked(query.trimmingLeadingSpaces, commands, key: \.name).map {
                PaletteCompletion(text: $0.item.name, label: $0.item.name, detail: $0.item.title, matched: $0.offsets)
            }
        }
        guard let command = command(named: parts.name, in: commands) else { return [] }
        guard !command.argumentChoices.isEmpty else {
            // A free-form argument: the command's own row, so its title stays in view while typing.
            return [PaletteCompletion(text: command.name + " " + parts.argument, label: command.name, detail: command.title)]
        }
        return ranked(parts.argument, command.argumentChoices, key: { $0 }).map {
            PaletteCompletion(text: command.name + " " + $0.item, label: $0.item, detail: command.title, matched: $0.offsets)
        }
    }

    /// The suggestion Enter would take, if any.
    public func selectedCompletion(commands: [PaletteCommand]) -> PaletteCompletion? {
        let completions = Self.completions(for: input.text, in: commands)
        return completions.isEmpty ? nil : completions[min(max(selected, 0), completions.count - 1)]
    }

    /// ↑/↓ through the suggestions, clamped.
    public mutating func moveSelection(by delta: Int, commands: [PaletteCommand]) {
        let count = Self.completions(for: input.text, in: commands).count
        selected = count > 0 ? min(max(selected + delta, 0), count - 1) : 0
    }

    /// Tab. A lone match (or lone prefix match) is completed in full, a command name followed by a space for its
    /// argument; several prefix matches complete to their longest common prefix. Nothing happens when that would
    /// not add to what is typed, so Tab never throws away input.
    public mutating func complete(commands: [PaletteCommand]) {
        let query = input.text
        if let parts = Self.split(query) {
            guard let command = Self.command(named: parts.name, in: commands) else { return }
            if let word = Self.completion(of: parts.argument, among: command.argumentChoices) {
                input.setText(command.name + " " + word)
            }
        } else if let word = Self.completion(of: query.trimmingLeadingSpaces, among: commands.map(\.name)) {
            let unique = commands.contains { $0.name == word }
                && Self.ranked(word, commands, key: \.name).filter { $0.tier == 0 }.count == 1
            input.setText(word + (unique ? " " : ""))
        }
        selected = 0
    }

    /// What Tab turns `typed` into among `words`, or nil when it adds nothing.
    static func completion(of typed: String, among words: [String]) -> String? {
        let all = ranked(typed, words, key: { $0 })
        let prefixed = all.filter { $0.tier == 0 }.map(\.item)
        if all.count == 1 { return all[0].item }
        if prefixed.count == 1 { return prefixed[0] }
        guard var common = prefixed.first else { return nil }
        for word in prefixed.dropFirst() {
            let shared = zip(common, word).prefix { $0.lowercased() == $1.lowercased() }.count
            common = String(common.prefix(shared))
        }
        return common.count > typed.count ? common : nil
    }
}

private extension String {
    var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
