import CustomerIO
import Foundation

/// Bulk Track writes: each `/api/v2/batch` request in turn, a journal line each, and a line per person after.
extension WriteSender {
    func sendBatches(_ write: PlannedWrite) async -> Result {
        var report: [String] = []
        var accepted = 0, refused = 0
        for (index, part) in write.parts.enumerated() {
            switch await sendOne(part.request, endpoint: part.endpoint, digest: Digest.sha256Hex(part.body)) {
            case .success(let body):
                let refusals = (try? JSONDecoder().decode(TrackBatchAnswer.self, from: body))?.refusals ?? [:]
                for (position, person) in part.people.enumerated() {
                    if let reason = refusals[position] {
                        refused += 1
                        report.append("✗ \(person): refused — \(reason)")
                    } else {
                        accepted += 1
                        report.append("✓ \(person)")
                    }
                }
            case .failure(let failure):
                let word = if case .unknown = failure.outcome { "? outcome unknown" } else { "✗ not sent" }
                report += part.people.map { "\(word): \($0)" }
                let untouched = write.parts.dropFirst(index + 1).flatMap(\.people)
                report += untouched.map { "– not sent (an earlier batch did not go through): \($0)" }
                let done = "\(accepted) accepted, \(refused) refused before this"
                let outcome: WriteOutcome = switch failure.outcome {
                case .unknown(let message): .unknown("batch \(index + 1) of \(write.parts.count): \(message) (\(done); the rest were not sent)")
                default: .failed("batch \(index + 1) of \(write.parts.count): \(failure.outcome.message ?? "refused") (\(done); the rest were not sent)")
                }
                return Result(outcome: outcome, error: failure.error, report: report)
            }
        }
        let summary = "\(accepted) accepted" + (refused > 0 ? ", \(refused) refused" : "") + " in \(write.parts.count) batch\(write.parts.count == 1 ? "" : "es")"
        return Result(outcome: .done(id: summary, link: nil), report: report)
    }
}
