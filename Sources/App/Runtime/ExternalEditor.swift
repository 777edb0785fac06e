import CustomerIO
import Foundation
import ProcessKit
import TerminalUI

/// Runs the user's editor (`$VISUAL`, else `$EDITOR`, else `vi`) on a private temporary file and reads it back.
public enum ExternalEditor {
    /// Why the text did not come back.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Edits `text` in a file with this extension (so the editor can highlight JSON); the file lives in `folder`,
    /// readable only by the user, and is removed afterwards. The editor runs through `sh -c` so that an `$EDITOR`
    /// with arguments (`code --wait`) works, the way git and crontab treat it, with `environment` as its whole
    /// environment: pass one without keys (``ChildEnvironment``), as the default is.
    public static func edit(_ text: String, fileExtension: String, folder: URL, environment: [String: String] = ChildEnvironment.sanitized(ProcessInfo.processInfo.environment)) -> Result<String, Failure> {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return .failure(Failure(description: "cannot create \(folder.path): \(error.localizedDescription)"))
        }
        let file = folder.appendingPathComponent("edit-\(UUID().uuidString.prefix(8)).\(fileExtension)")
        do {
            try SafeFileWriter.writePrivate(Data(text.utf8), to: file)
        } catch {
            return .failure(Failure(description: error.description))
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let editor = command(environment: environment)
        // posix_spawn rather than Process: Process puts the child in a process group of its own, where an editor
        // is a background job that may not read the terminal (vim exits at once). Here it stays in ours, which
        // holds the terminal.
        let arguments = ["/bin/sh", "-c", "\(editor) \"$1\"", "cio-editor", file.path]
        let child: pid_t
        do {
            child = try ChildProcess.spawn("/bin/sh", arguments: arguments, environment: environment)
        } catch {
            return .failure(Failure(description: "cannot start the editor (\(editor)): \(error.reason)"))
        }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard errno == EINTR else { return .failure(Failure(description: "lost the editor (\(editor)): \(String(cString: strerror(errno)))")) }
        }
        // Exited (low 7 bits zero) with a status of 0.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            let how = status & 0x7F == 0 ? "exited with status \((status >> 8) & 0xFF)" : "was stopped by signal \(status & 0x7F)"
            return .failure(Failure(description: "the editor (\(editor)) \(how); the field is unchanged"))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failure(Failure(description: "the edited file is gone; the field is unchanged"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }
}
