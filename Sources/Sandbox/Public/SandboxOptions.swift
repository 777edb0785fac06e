import Foundation

/// Options for a sandbox workspace.
public struct SandboxOptions: Sendable {
    /// How many people to generate (up to 1,000,000).
    public var customers = 2_000
    /// Seed for the generator and for the random faults: one seed, one workspace, one fault sequence.
    public var seed: UInt64 = 42
    /// When set, App API requests must carry exactly `Authorization: Bearer <requiredKey>`; otherwise any key.
    public var requiredKey: String? = nil
    /// When set (with `trackKey`), Track API requests must use exactly these Basic credentials.
    public var trackSiteID: String? = nil
    public var trackKey: String? = nil
    /// The region `GET /api/v1/accounts/region` reports: "us" (default) or "eu".
    public var trackRegion = "us"
    /// When set, Pipelines (CDP) requests under `/cdp` must carry exactly this write key (Basic, empty password);
    /// otherwise any non-empty key.
    public var cdpWriteKey: String? = nil
    /// Enforce 10 requests per sliding second (App API) and 1 broadcast trigger per 10 s.
    public var rateLimit = true
    /// Campaigns to generate: 0 (or fewer than the catalog has) for the catalog's own; more are made from the
    /// same blueprints, up to 2,000.
    public var campaigns = 0
    /// Added to every response.
    public var latencyMilliseconds = 0
    /// Fraction of App API requests answered 500/502/503 (before being handled).
    public var errorRate = 0.0
    /// Fraction of App API requests answered 200 with a body that is not valid JSON.
    public var malformedRate = 0.0
    /// How long a new export stays pending before it is done.
    public var exportSeconds = 3.0
    /// When set, a new export is done once the export list has shown it this many times, whatever the time: tests
    /// that must see an export pending, on a machine of any speed.
    public var exportListings: Int? = nil
    public var host = "127.0.0.1"
    /// 0 picks a free port.
    public var port = 0
    /// The moment the generated history ends (its UTC day); nil means the day of `now`.
    public var anchor: Date? = nil
    /// The wall-clock time the sandbox starts at (its clock runs on from there); nil means the process's clock
    /// (`WallClock`, which `CIO_NOW` moves). Set it, or `CIO_NOW`, for answers that do not depend on the day.
    public var now: Date? = nil

    public init() {}
}
