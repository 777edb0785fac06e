import CustomerIO
import Workspace

/// Names for where deliveries came from, from the workspace's lists (cached): a row says "campaign Welcome series
/// (#38)" rather than "campaign 38". A transactional delivery carries its template's *content* id, never the
/// template's own id; the template is found through the contents, or from the list it was opened from.
struct OriginNames: Sendable {
    var campaigns: [Int: String] = [:]
    var broadcasts: [Int: String] = [:]
    var newsletters: [Int: String] = [:]
    /// Content id → the template it belongs to.
    var templateOfContent: [Int: Template] = [:]

    /// A transactional template, by id and name.
    struct Template: Sendable, Hashable {
        let id: Int
        let name: String
    }

    /// What `deliveries` need: only the lists their origins are in, each from the cache when seen before. A list
    /// that fails to load leaves its ids unnamed rather than failing the page.
    static func load(for deliveries: [Delivery], service: WorkspaceService) async -> OriginNames {
        var names = OriginNames()
        if deliveries.contains(where: { $0.campaignID != nil }) {
            names.campaigns = Names.byID((try? await service.campaigns()) ?? [], id: \.id, name: \.name)
        }
        if deliveries.contains(where: { $0.broadcastID != nil }) {
            names.broadcasts = Names.byID((try? await service.broadcasts()) ?? [], id: \.id, name: \.name)
        }
        if deliveries.contains(where: { $0.newsletterID != nil }) {
            names.newsletters = Names.byID((try? await service.newsletters()) ?? [], id: \.id, name: \.name)
        }
        if deliveries.contains(where: { isTransactional($0) }) {
            names.templateOfContent = await contentIndex(service)
        }
        return names
    }

    /// Every template's contents, asked together (each cached), as content id → template.
    private static func contentIndex(_ service: WorkspaceService) async -> [Int: Template] {
        let templates = (try? await service.transactionalTemplates()) ?? []
        return await withTaskGroup(of: [(Int, Template)].self) { group in
            for template in templates {
                group.addTask {
                    let contents = (try? await service.transactionalContents(id: template.id)) ?? []
                    let owner = Template(id: template.id, name: template.name ?? "Template \(template.id)")
                    return contents.compactMap { $0.id }.map { ($0, owner) }
                }
            }
            return await group.reduce(into: [Int: Template]()) { index, pairs in
                for (content, owner) in pairs { index[content] = owner }
            }
        }
    }

    /// Sent from a transactional template: a template content and no campaign, broadcast or newsletter.
    static func isTransactional(_ delivery: Delivery) -> Bool {
        delivery.messageTemplateID != nil && delivery.campaignID == nil && delivery.broadcastID == nil && delivery.newsletterID == nil
    }

    /// Where a delivery came from, as text and as the route that opens it. `source` is the list it was opened from,
    /// when that says more than the delivery itself (a template's messages).
    func origin(of delivery: Delivery, source: DeliverySource? = nil) -> (text: String, route: Route?) {
        func label(_ noun: String, _ id: Int, _ name: String?) -> String { name.map { "\(noun) \($0) (#\(id))" } ?? "\(noun) #\(id)" }
        if let id = delivery.campaignID { return (label("campaign", id, campaigns[id]), .detail(.campaigns, key: .id(id))) }
        if let id = delivery.broadcastID { return (label("broadcast", id, broadcasts[id]), .detail(.broadcasts, key: .id(id))) }
        if let id = delivery.newsletterID { return (label("newsletter", id, newsletters[id]), .detail(.newsletters, key: .id(id))) }
        guard let content = delivery.messageTemplateID else { return ("—", nil) }
        if let template = templateOfContent[content] {
            return (label("template", template.id, template.name), .detail(.transactional, key: .id(template.id)))
        }
        if case .transactional(let id)? = source { return (label("template", id, nil), .detail(.transactional, key: .id(id))) }
        return ("transactional (content #\(content))", nil)
    }
}
