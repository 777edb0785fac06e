import Foundation
import TerminalUI

/// The app's run loop: waits on the terminal and on finished work together, applies every action that arrived
/// through `AppUpdate`, starts the effects, and draws one frame per batch. Sleeps in `poll` when nothing happens.
public final class AppRuntime {
    private var state: AppState
    private let device: any TerminalDevice
    private let handler: EffectHandler
    private let loop: EventLoop
    private let mailbox: Mailbox<Action>
    private let clock: @Sendable () -> Double
    /// Frames drawn so far (for tests and benchmarks).
    public private(set) var frames = 0

    /// `loop` may be made (and its signals caught) before the screen opens, so that a signal during start-up is
    /// not left to ncurses' own handlers; it must wait on the device's input.
    public init(state: AppState, device: any TerminalDevice, handler: EffectHandler, loop: EventLoop? = nil, clock: @escaping @Sendable () -> Double = AppRuntime.monotonicSeconds) {
        self.state = state
        self.device = device
        self.handler = handler
        self.clock = clock
        self.loop = loop ?? EventLoop(input: device.inputDescriptor)
        mailbox = Mailbox(wakePipe: self.loop.wakePipe)
    }

    /// Seconds since boot: flash expiry and spinner timing need a clock that never jumps.
    public static let monotonicSeconds: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Runs until the user quits or a termination signal arrives; returns the final state.
    public func run() throws -> AppState {
        loop.catchSignals()
        state.now = clock()
        state.size = device.size
        perform(AppUpdate.start(&state))
        try render()
        while !state.shouldQuit {
            let wakeup = loop.wait(timeout: nextTimeout())
            // The clock first: every action in the batch, keys included, is judged at the time it arrived.
            var actions: [Action] = [.tick(now: clock())]
            if wakeup.terminationRequested { actions.append(.terminate) }
            if wakeup.resized, let size = device.updateSize() { actions.append(.resize(size)) }
            if wakeup.input {
                for event in device.readEvents() {
                    switch event {
                    case .key(let key): actions.append(.key(key))
                    case .resize(let size): actions.append(.resize(size))
                    }
                }
            }
            actions += mailbox.takeAll()
            for action in actions where !state.shouldQuit {
                perform(AppUpdate.update(&state, action))
            }
            if !state.shouldQuit { try render() }
        }
        return state
    }

    /// A frame: everything is drawn into a canvas, and the screen sends only what changed.
    private func render() throws {
        if state.size != device.size { state.size = device.size }
        try device.present(AppView.render(state))
        frames += 1
    }

    /// When to wake without input: spinner frames while work is in flight, a flash's expiry, the moment a review's
    /// keys start to count. Otherwise never.
    private func nextTimeout() -> Double? {
        if state.inFlight > 0 { return 0.1 }
        let now = clock()
        let poll = state.pollsAt[state.pane].map { max(0, $0 - now) }
        let flash = state.flash.map { max(0, $0.expiresAt - now) }
        // A review's keys line changes when its keys start to count.
        let review = ReviewUpdate.settlesAt(state).map { max(0, $0 - now) }
        return [poll, flash, review].compactMap { $0 }.min()
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            if case .copyToClipboard(let text) = effect {
                device.copyToClipboard(text)
                continue
            }
            if case .editExternally(let field, let text) = effect {
                // The run loop waits while the editor has the terminal: nothing else may draw.
                var result: Result<String, ExternalEditor.Failure> = .failure(.init(description: "the editor did not run"))
                device.runOutside {
                    result = self.handler.editExternally(field, text)
                }
                mailbox.post(.externalEditFinished(field, result))
                continue
            }
            if case .saveDraft(let draft) = effect {
                // In line, before the frame that shows the text: a small atomic write.
                if let failure = handler.saveDraftNow(draft) { mailbox.post(failure) }
                continue
            }
            state.inFlight += 1
            let handler = handler
            let mailbox = mailbox
            Task.detached {
                await handler.perform(effect) { mailbox.post($0) }
                mailbox.post(.effectFinished)
                mailbox.post(await handler.activity())
                // Once the rate window has passed, show the budget as it recovers.
                try? await Task.sleep(for: .seconds(1.1))
                mailbox.post(await handler.activity())
            }
        }
    }
}
