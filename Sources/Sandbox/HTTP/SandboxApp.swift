import Foundation
import Synchronization

/// Everything the route handlers share: the workspace, the limiter, the probe and the server's own address.
final class SandboxApp: Sendable {
    let store: SandboxWorkspace
    let limiter: RateLimiter
    let probe: SandboxProbe
    let options: SandboxOptions
    private let base = Mutex<String>("http://127.0.0.1")
    /// Secret for signing export download links (derived from the seed, so links are stable per workspace).
    let signingKey: UInt64

    init(store: SandboxWorkspace, limiter: RateLimiter, probe: SandboxProbe, options: SandboxOptions) {
        self.store = store
        self.limiter = limiter
        self.probe = probe
        self.options = options
        signingKey = SplitMix64.hash(options.seed, 0x5164_4E)
    }

    var data: SandboxDataset { store.data }
    var customers: CustomerTable { store.data.customers }

    /// The server's base URL (set once the port is known).
    var baseURL: String {
        get { base.withLock { $0 } }
        set { base.withLock { $0 = newValue } }
    }

    func signature(forExport id: Int) -> String {
        CustomerTable.hex(SplitMix64.hash(signingKey, UInt64(id), 0xF11E))
    }
}
