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
            if let note = answer.note { notes += note }
            guard let decoded = Self.decoded(answer.body) else {
                // An answer that does not read may still have refused some: said, not taken for "all accepted".
                accepted += part.people.count
                report += part.people.map { "? \($0): accepted, unless the answer (which did not read) refused them" }
                notes += "; one answer did not read, so refusals in it are not known"
                return
            }
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
            let unplaced = (decoded.errors ?? []).filter { error in error.batchIndex.map { !(0..<part.people.count).contains($0) } ?? true }
            if !unplaced.isEmpty {
                report.append("✗ \(unplaced.count) refusal(s) the answer did not place: " + unplaced.map(\.text).joined(separator: "; "))
                refused += unplaced.count
            }
        }

        /// A batch's answer: empty (or `{}`) is every operation taken; nil when it does not read at all.
        static func decoded(_ body: Data) -> TrackBatchAnswer? {
            let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return TrackBatchAnswer() }
            return try? JSONDecoder().decode(TrackBatchAnswer.self, from: body)
        }

        func stop(at index: Int, of parts: [TrackBatchPart], _ failure: Failure) -> Result {
            var report = self.report
            let unknown = if case .unknown = failure.outcome { true } else { false }
            report += parts[index].people.map { (unknown ? "? outcome unknown: " : "✗ not sent: ") + $0 }
            report += parts.dropFirst(index + 1).flatMap(\.people).map { "– not sent (an earlier batch did not go through): \($0)" }
            let message = "batch \(index + 1) of \(parts.count): \(failure.outcome.message ?? "refused")"
            let rest = parts.count > index + 1 ? "; the rest were not sent" : ""
            guard index > 0 else {
                // Nothing went before it: the first request's own outcome, saying whose it was.
                let outcome: WriteOutcome = switch failure.outcome {
                case .unknown: .unknown(message + rest)
                default: .failed(message + rest)
                }
                return Result(outcome: outcome, error: failure.error, report: report, refused: refused)
            }
            let before = "the \(index == 1 ? "batch" : "\(index) batches") before it \(index == 1 ? "was" : "were") accepted (\(accepted) people\(refused > 0 ? ", \(refused) refused" : ""))"
            let outcome = WriteOutcome.partial("\(message); \(before); \(unknown ? "its own outcome is unknown" : "it did not go through")\(rest.isEmpty ? "" : ", and the rest were not sent")")
            return Result(outcome: outcome, error: failure.error, report: report, refused: refused)
        }
    }
}
