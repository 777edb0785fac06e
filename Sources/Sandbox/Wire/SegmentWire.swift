/// JSON shapes for segments.
enum SegmentWire {
    static func segment(_ segment: SegmentRecord) -> SandboxJSON {
        .obj([
            "id": .int(segment.id),
            "deduplicate_id": .string("\(segment.id):\(segment.updatedAt)"),
            "name": .string(segment.name),
            "description": .string(segment.description),
            "state": .string(segment.state),
            "progress": .num(segment.progress),
            "type": .string(segment.kind.rawValue),
            "tags": segment.tags.map(SandboxJSON.strs) ?? .null,
            "created_at": .int(segment.createdAt),
            "updated_at": .int(segment.updatedAt),
        ])
    }

    /// The short form in `/customers/{id}/segments`.
    static func summary(_ segment: SegmentRecord) -> SandboxJSON {
        .obj(["id": .int(segment.id), "name": .string(segment.name), "description": .string(segment.description)])
    }
}
