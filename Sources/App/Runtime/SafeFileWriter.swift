import Foundation

/// Writes a file all at once and never over an existing one: the bytes go to a temporary file beside the target,
/// which is then hard-linked into place (link(2) fails if the name exists), so a reader never sees half a file and
/// nothing the user had is replaced. What it writes holds people's data (exports, drafts), so it is created
/// readable by the user alone (0600), whatever the umask.
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
            try writePrivate(data, to: temporary)
        } catch {
            throw Refusal(description: "cannot write in \(folder.path): \(error.description)")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard link(temporary.path, target.path) == 0 else {
            let reason = errno == EEXIST ? "already exists; choose another name" : String(cString: strerror(errno))
            throw Refusal(description: "\(target.path) \(reason)")
        }
        return target.path
    }

    /// Creates `file` (it must not exist) with mode 0600 and writes `data` into it: the mode is set as the file is
    /// made, so there is no moment in which others may read it.
    static func writePrivate(_ data: Data, to file: URL) throws(Refusal) {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Refusal(description: "cannot create \(file.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes in systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw Refusal(description: "cannot write \(file.path): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }
}

/// write(2), under a name that `SafeFileWriter.write` does not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
