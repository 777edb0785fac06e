import Keys

/// Something the terminal reports: a key, a paste of text, or a new size.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case resize(Size)
}
