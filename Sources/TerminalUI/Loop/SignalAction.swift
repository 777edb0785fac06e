import Foundation

/// A signal handler that is told what raised the signal (`SA_SIGINFO`).
typealias SignalInfoHandler = @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void

/// The few parts of `sigaction` that Glibc and Darwin spell differently, so handlers can be installed with
/// `sigaction` (which saves what was there, unlike `signal`) and compared afterwards.
extension sigaction {
    /// An action that runs `handler`; the signals in `blocking` wait while it runs.
    static func calling(
        _ handler: @escaping @convention(c) (Int32) -> Void, flags: Int32, blocking: [Int32] = []
    ) -> sigaction {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler = .init(sa_handler: handler)
        #else
        action.__sigaction_u = .init(__sa_handler: handler)
        #endif
        action.configure(flags: flags, blocking: blocking)
        return action
    }

    /// An action that runs `handler` with the signal's details (`SA_SIGINFO` is added to `flags`).
    static func calling(_ handler: @escaping SignalInfoHandler, flags: Int32, blocking: [Int32] = []) -> sigaction {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler = .init(sa_sigaction: handler)
        #else
        action.__sigaction_u = .init(__sa_sigaction: handler)
        #endif
        action.configure(flags: flags | SA_SIGINFO, blocking: blocking)
        return action
    }

    /// Ignores the signal.
    static var ignoring: sigaction {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler = .init(sa_handler: SIG_IGN)
        #else
        action.__sigaction_u = .init(__sa_handler: SIG_IGN)
        #endif
        action.configure(flags: 0, blocking: [])
        return action
    }

    /// What `signalNumber` does now.
    static func current(_ signalNumber: Int32) -> sigaction {
        var action = sigaction()
        _ = sigaction(signalNumber, nil, &action)
        return action
    }

    /// The handler's address (nil for the default action), so two actions can be told apart: `sa_handler` and
    /// `sa_sigaction` share their storage, so this reads either.
    var handlerAddress: UnsafeRawPointer? {
        #if canImport(Glibc)
        unsafeBitCast(__sigaction_handler.sa_handler, to: UnsafeRawPointer?.self)
        #else
        unsafeBitCast(__sigaction_u.__sa_handler, to: UnsafeRawPointer?.self)
        #endif
    }

    private mutating func configure(flags: Int32, blocking: [Int32]) {
        sa_flags = flags
        sigemptyset(&sa_mask)
        for signalNumber in blocking { sigaddset(&sa_mask, signalNumber) }
    }
}
