import ArgumentParser
import CustomerIO
import Foundation

/// Entry point: parses, runs, and maps every failure to one clear stderr line and a documented exit code.
@main
enum Main {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try CIO.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CustomerIOError {
            Terminal.printError(error.message)
            exit(error.exitCode)
        } catch let error as FilterQueryError {
            Terminal.printError("The filter could not be read: \(error.description)")
            exit(ExitStatus.usage)
        } catch {
            let code = CIO.exitCode(for: error)
            if code == .success {
                // --help and --version land here: their text goes to stdout.
                print(CIO.fullMessage(for: error))
                exit(0)
            }
            if error is ExitCode {
                exit(code.rawValue)
            }
            Terminal.printError(CIO.message(for: error))
            if code == .validationFailure {
                Terminal.printError("See 'cio --help'.")
                exit(ExitStatus.usage)
            }
            exit(ExitStatus.failure)
        }
    }
}

/// The exit codes `cio` documents: 0 ok, 1 other failure, 2 usage, 3 auth, 4 not found, 5 rate limit or network.
enum ExitStatus {
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}
