import Foundation

/// Writes a file all at once and never over an existing one: the bytes go to a temporary file beside the target,
/// which is then hard-linked into place (link(2) fails if the name exists), so a reader never sees half a file and
/// nothing the user had is replaced.
public enum SafeFileWriter {
    /// Why nothing was written.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `data` to `path` (`~` expands); returns the absolute path written.
    @discardableResult
    public static func write(_ data: Data, to path: String) throws -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let target = URL(fileURLWithPath: expanded).standardizedFileURL
        if FileManager.default.fileExists(atPath: target.path) {
            throw Refusal(description: "\(target.path) already exists; choose another name")
        }
        let folder = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Refusal(description: "there is no folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).partial")
        do {
            try data.write(to: temporary)
        } catch {
            throw Refusal(description: "cannot write in \(folder.path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard link(temporary.path, target.path) == 0 else {
            let reason = errno == EEXIST ? "already exists; choose another name" : String(cString: strerror(errno))
            throw Refusal(description: "\(target.path) \(reason)")
        }
        return target.path
    }
}
