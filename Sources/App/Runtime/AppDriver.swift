import Keys
import TerminalUI

/// Drives the app without a terminal, for tests and benchmarks: each action is applied, its effects are awaited
/// (and theirs, until the app is idle), then a frame is drawn on a headless screen. Waiting for idle replaces sleeps.
public final class AppDriver {
    public private(set) var state: AppState
    public let screen: HeadlessScreen
    private let handler: EffectHandler
    /// Effects performed so far, in order.
    public private(set) var performed: [Effect] = []
    /// Text copied with `y`.
    public private(set) var clipboard: [String] = []
    /// Whether off-screen cells are prefetched. Off by default: a test settles only when every effect is done, and
    /// a full prefetch would make each one wait on the rate limit. Benchmarks and prefetch tests turn it on.
    public var prefetches = false

    public init(state: AppState, handler: EffectHandler) {
        self.state = state
        self.handler = handler
        screen = HeadlessScreen(size: state.size)
    }

    /// Opens the app and waits until its first loads finish.
    public func start() async throws {
        try await settle(AppUpdate.start(&state))
    }

    /// Applies `action` and everything it leads to, then draws.
    public func send(_ action: Action) async throws {
        if case .resize(let size) = action { screen.resize(to: size) }
        try await settle(AppUpdate.update(&state, action))
    }

    /// Presses keys one after another, each settled before the next.
    public func press(_ keys: Key...) async throws {
        for key in keys { try await send(.key(key)) }
    }

    /// Moves the app's clock on by `seconds`, as time passing would: whatever waits on time (a review's keys, a
    /// flash, a poll) sees it pass, and the test does not sleep.
    public func advanceClock(by seconds: Double) async throws {
        try await send(.tick(now: state.now + seconds))
    }

    /// Types text into whatever has the keyboard.
    public func type(_ text: String) async throws {
        for character in text { try await send(.key(.character(character))) }
    }

    /// The last frame as text.
    public var text: String { screen.text }

    private func settle(_ effects: [Effect]) async throws {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            performed.append(effect)
            if case .copyToClipboard(let text) = effect {
                clipboard.append(text)
                continue
            }
            if case .prefetchCells = effect, !prefetches { continue }
            for action in await handler.perform(effect) {
                queue += AppUpdate.update(&state, action)
            }
        }
        try screen.present(AppView.render(state))
    }
}
