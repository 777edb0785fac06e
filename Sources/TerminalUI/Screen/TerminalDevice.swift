/// A screen that also reads input: what the app's run loop drives (ncurses in the app, a scripted fake in tests).
public protocol TerminalDevice: Screen {
    /// The file descriptor to wait on for input; nil when input arrives some other way (tests).
    var inputDescriptor: Int32? { get }
    /// The colours this terminal can show.
    var colorDepth: ColorDepth { get }
    /// Everything the terminal has to say right now, without waiting.
    func readEvents() -> [InputEvent]
    /// Puts text on the system clipboard through the terminal (OSC 52), which works over ssh and tmux too.
    func copyToClipboard(_ text: String)
    /// Asks the terminal for its size after SIGWINCH; the new size, or nil when it did not change.
    func updateSize() -> Size?
    /// Forgets what is on the terminal so that the next frame repaints everything (after a resize or ctrl-l).
    func invalidate()
    /// Hands the terminal to another program (an editor) for the length of `body`, then takes it back.
    func runOutside(_ body: () -> Void)
}

extension TerminalDevice {
    /// Devices with no real terminal (test fakes) just run the body.
    public func runOutside(_ body: () -> Void) { body() }
}
