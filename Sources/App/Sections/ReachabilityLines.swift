import CustomerIO
import TerminalUI
import Workspace

/// A person's reachability as detail lines: one per channel with its verdict, then the facts behind it, each
/// delivery opening the message.
enum ReachabilityLines {
    static func lines(_ reachability: Reachability) -> [DetailLine] {
        reachability.answers.flatMap { answer in
            [DetailLine(key: answer.channel.title, value: verdict(answer))]
                + answer.evidence.map { fact in
                    DetailLine(key: "  \(fact.label)", value: fact.text, link: fact.delivery.map { .detail(.messages, key: .name($0)) })
                }
        }
    }

    /// "reachable: ada@example.com", "not reachable: no devices".
    static func verdict(_ answer: Reachability.Answer) -> String {
        "\(answer.verdict.rawValue): \(answer.reason)"
    }
}
