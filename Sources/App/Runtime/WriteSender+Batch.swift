import CustomerIO
import Foundation

/// Bulk Track writes: each request in turn, a journal line each, and a line per person after. The first request
/// not accepted stops the rest: when some went before it, the outcome is partial, and the report says who.
extension WriteSender {
    func sendBatches(_ write: PlannedWrite, progress: @Sendable (String) -> Void) async -> Result {
        var tally = Tally()
        let people = write.parts.reduce(0) { $0 + $1.people.count }
        for (index, part) in write.parts.enumerated() {
            if write.parts.count > 1 {
                progress("Request \(index + 1) of \(write.parts.count): \(part.people.count) people (\(tally.accepted + tally.refused) of \(people) answered so far)")
            }
            switch await sendOne(part.request, endpoint: part.endpoint, digest: Digest.sha256Hex(part.body)) {
            case .success(let answer):
                tally.accept(part, answer)
            case .failure(let failure):
                return tally.stop(at: index, of: write.parts, failure)
            }
        }
        let refusedNote = tally.refused > 0 ? ", \(tally.refused) refused" : ""
        let summary = "\(tally.accepted) accepted\(refusedNote) in \(write.parts.count) batch\(write.parts.count == 1 ? "" : "es")" + tally.notes
        return Result(outcome: .done(id: summary, link: nil), report: tally.report, refused: tally.refused)
    }

    /// What the requests so far came to.
    private struct Tally {
        var accepted = 0
        var refused = 0
        var report: [String] = []
        var notes = ""

        mutating func accept(_ part: TrackBatchPart, _ answer: Answer) {
            let decoded = (try? JSONDecoder().decode(TrackBatchAnswer.self, from: answer.body)) ?? TrackBatchAnswer()
            let refusals = decoded.refusals
            for (position, person) in part.people.enumerated() {
                if let reason = refusals[position] {
                    refused += 1
                    report.append("✗ \(person): refused — \(reason)")
                } else {
                    accepted += 1
                    report.append("✓ \(person)")
                }
            }
            // A refusal the answer did not place (no position, or one outside the request) is said, not dropped.
            let placed = Set(refusals.keys).intersection(0..<part.people.count).count
            let unplaced = (decoded.errors?.count ?? 0) - placed
            if unplaced > 0 {
                report.append("✗ \(unplaced) refusal(s) the answer did not place: " + (decoded.errors ?? []).filter { $0.batchIndex.map { !(0..<part.people.count).contains($0) } ?? true }.map(\.text).joined(separator: "; "))
                refused += unplaced
            }
            if let note = answer.note { notes += note }
        }

        func stop(at index: Int, of parts: [TrackBatchPart], _ failure: Failure) -> Result {
            var report = self.report
            let unknown = if case .unknown = failure.outcome { true } else { false }
            report += parts[index].people.map { (unknown ? "? outcome unknown: " : "✗ not sent: ") + $0 }
            report += parts.dropFirst(index + 1).flatMap(\.people).map { "– not sent (an earlier batch did not go through): \($0)" }
            let message = "batch \(index + 1) of \(parts.count): \(failure.outcome.message ?? "refused")"
            guard index > 0 else { return Result(outcome: failure.outcome, error: failure.error, report: report, refused: refused) }
            let before = "the \(index) batch\(index == 1 ? "" : "es") before it were accepted (\(accepted) people\(refused > 0 ? ", \(refused) refused" : ""))"
            let outcome = WriteOutcome.partial("\(message); \(before); \(unknown ? "its own outcome is unknown" : "it was refused"), and the rest were not sent")
            return Result(outcome: outcome, error: failure.error, report: report, refused: refused)
        }
    }
}
