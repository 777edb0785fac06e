import Foundation

extension Delivery {
    /// The furthest state a delivery reached (the metric with the latest timestamp). The `human_` and
    /// `prefetch_` keys only break opened and clicked down further, so they never name the state.
    public var latestMetric: String? {
        metrics
            .filter { !$0.key.hasPrefix("human_") && !$0.key.hasPrefix("prefetch_") }
            .max { left, right in left.value == right.value ? left.key < right.key : left.value < right.value }?.key
    }
}
