import App
import ArgumentParser

/// `cio keys`: prints the key bindings reference (docs/keybindings.md is this output).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print every key binding as Markdown (the source of docs/keybindings.md)."
    )

    func run() throws {
        print(Keymap().markdown(), terminator: "")
    }
}
