/// People and objects as the Track and Pipelines APIs change them: the directory every read goes through, and the
/// door every write comes in by.
extension SandboxWorkspace {
    /// Everyone as of now: the generated table with the overlay of writes on top.
    func directory() -> PeopleDirectory {
        PeopleDirectory(customers: customers, overlay: state.withLock { $0.people })
    }

    /// Applies one operation; a refusal changes nothing.
    func apply(_ operation: SandboxTrackOperation) throws(TrackProblem) {
        let context = MutableWorkspace.WriteContext(customers: customers, now: clock.unixNow())
        try state.withLock { state throws(TrackProblem) in try state.apply(operation, context) }
    }

    /// Applies operations in order, all under one lock; returns the refused ones by position (the rest took effect).
    func apply(_ operations: [SandboxTrackOperation]) -> [(index: Int, problem: TrackProblem)] {
        let context = MutableWorkspace.WriteContext(customers: customers, now: clock.unixNow())
        return state.withLock { state in
            var problems: [(index: Int, problem: TrackProblem)] = []
            for (index, operation) in operations.enumerated() {
                do throws(TrackProblem) {
                    try state.apply(operation, context)
                } catch {
                    problems.append((index, error))
                }
            }
            return problems
        }
    }

    /// Events sent without a person (`POST /api/v1/events`), oldest first.
    func anonymousEvents() -> [AnonymousEvent] {
        state.withLock { $0.people.anonymousEvents }
    }

    /// An object's live people, in row order.
    func objectPeople(_ object: ObjectView) -> [Int32] {
        directory().people(of: object, index: object.generated == nil ? [:] : objectPeopleIndex(customers))
    }
}
