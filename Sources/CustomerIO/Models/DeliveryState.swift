import Foundation

extension Delivery {
    /// How far along its way each state is: a later stage wins over an earlier one whatever their timestamps, so
    /// a message opened again after its click still reads "clicked", as the `clicked` filter that found it says.
    /// Failures and complaints end a delivery's way, so they rank above its progress.
    static let stageRank: [String: Int] = [
        "created": 0, "drafted": 1, "attempted": 2, "sent": 3, "delivered": 4, "opened": 5, "clicked": 6, "converted": 7,
        "unsubscribed": 8, "spammed": 9, "bounced": 10, "dropped": 10, "failed": 10, "undeliverable": 10,
    ]

    /// The furthest state a delivery reached: the furthest stage, and among unknown keys the latest. The `human_`
    /// and `prefetch_` keys only break opened and clicked down further, so they never name the state.
    public var latestMetric: String? {
        metrics
            .filter { !$0.key.hasPrefix("human_") && !$0.key.hasPrefix("prefetch_") }
            .max { left, right in
                let (leftRank, rightRank) = (Self.stageRank[left.key] ?? -1, Self.stageRank[right.key] ?? -1)
                if leftRank != rightRank { return leftRank < rightRank }
                return left.value == right.value ? left.key < right.key : left.value < right.value
            }?.key
    }
}
