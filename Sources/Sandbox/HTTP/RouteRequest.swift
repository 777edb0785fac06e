/// One routed request as a handler sees it: the exchange, the values its path captured, and the workspace.
struct RouteRequest: Sendable {
    let exchange: Exchange
    let parameters: Router.Parameters
    let app: SandboxApp
}
