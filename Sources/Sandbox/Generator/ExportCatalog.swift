import CustomerIO

/// A few exports that already exist when the workspace opens (done, and one that failed).
enum ExportCatalog {
    static func exports(anchor: Int, customers: CustomerTable, campaigns: [CampaignRecord]) -> [ExportRecord] {
        let proFilter = AudienceFilter.segment(id: SegmentCatalog.proPlan)
        let germanFilter = AudienceFilter.and([.attribute(field: "country", condition: .equals("DE")), .not(.attribute(field: "unsubscribed", condition: .equals("true")))])
        return [
            ExportRecord(id: 1, type: "customers", description: "Customers in segment Pro plan", createdAt: anchor - 20 * 86_400 + 36_000,
                         readyAt: 0, failed: false, selection: .customers(proFilter), total: -1, downloads: 3),
            ExportRecord(id: 2, type: "deliveries", description: "Deliveries for campaign \(campaigns.first?.name ?? "1")",
                         createdAt: anchor - 9 * 86_400 + 50_000, readyAt: 0, failed: false,
                         selection: .deliveries(DeliverySelector(campaignID: campaigns.first?.id ?? 1)), total: -1, downloads: 1),
            ExportRecord(id: 3, type: "customers", description: "Subscribed customers in Germany", createdAt: anchor - 2 * 86_400 + 7_200,
                         readyAt: 0, failed: true, selection: .customers(germanFilter), total: 0, downloads: 0),
        ]
    }
}
