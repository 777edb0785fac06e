import Foundation

/// Drafts as files, one per draft (`drafts/<id>.json` in the state folder), each replaced atomically on every change:
/// the new bytes go to a temporary file that is then renamed over the old one, so a crash leaves either the old
/// draft or the new one, never half of one.
public struct DraftFiles: Sendable {
    public let folder: URL

    public init(stateFolder: URL) {
        folder = stateFolder.appendingPathComponent("drafts")
    }

    public func save(_ draft: ComposeDraft) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let target = file(draft.id)
        let temporary = folder.appendingPathComponent(".\(draft.id).\(UUID().uuidString).partial")
        // Drafts name people and carry what they are sent: readable by the user alone.
        try SafeFileWriter.writePrivate(try encoder.encode(draft), to: temporary)
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw JournalError(description: "cannot save the draft to \(target.path): \(reason)")
        }
    }

    /// Every draft that reads, newest first.
    public func all() -> [ComposeDraft] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let decoder = JSONDecoder()
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .compactMap { name in (try? Data(contentsOf: folder.appendingPathComponent(name))).flatMap { try? decoder.decode(ComposeDraft.self, from: $0) } }
            .sorted { $0.updatedAt > $1.updatedAt }
    }

    public func delete(_ id: String) {
        try? FileManager.default.removeItem(at: file(id))
    }

    private func file(_ id: String) -> URL {
        // Ids are ours (UUIDs), but a file name never takes a path separator from data.
        folder.appendingPathComponent(id.replacingOccurrences(of: "/", with: "_") + ".json")
    }
}

/// Where cio keeps what it writes for itself: `$XDG_STATE_HOME/cio`, else `~/.local/state/cio`.
public enum StateFolder {
    public static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("cio")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/cio")
    }
}
