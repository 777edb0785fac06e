import Foundation

/// A file named by the user (a config file, a batch file), read whole only when it is a regular file and no larger
/// than a cap. The type is looked at before anything is opened, because opening a fifo blocks until someone writes
/// to it, and `/dev/zero` or `/dev/urandom` never end: both once hung cio or ate its memory.
public enum RegularFile {
    /// Why a file was not read, as a sentence's end (`~/x.toml: it is a directory, not a file`).
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// There is nothing at the path (ENOENT).
        case missing
        /// The path could not be looked at: a folder on the way that may not be searched, a loop of links.
        case unreachable(String)
        case directory
        /// A fifo, a device or a socket: reading it could block or never end.
        case notRegular(String)
        case tooLarge(limit: Int)
        /// It could not be opened or read.
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: "there is no such file"
            case .unreachable(let reason): "it cannot be reached (\(reason))"
            case .directory: "it is a directory, not a file"
            case .notRegular(let kind): "it is not a regular file (\(kind))"
            case .tooLarge(let limit): "it is larger than \(RegularFile.megabytes(limit))"
            case .unreadable(let reason): "it cannot be read (\(reason))"
            }
        }
    }

    /// The whole of the regular file at `path`, at most `limit` bytes.
    public static func read(_ path: String, limit: Int) throws(Problem) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno
            throw reason == ENOENT ? .missing : .unreachable(errorText(reason))
        }
        try check(info, limit: limit)
        // Non-blocking, in case the path became a fifo after it was looked at; the type is checked again on the
        // descriptor itself, which cannot change.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw .unreadable(errorText(errno)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(errorText(errno)) }
        try check(info, limit: limit)
        return try readAll(descriptor: descriptor, limit: limit)
    }

    /// Everything `descriptor` gives until its end (standard input, say), refused once past `limit` bytes.
    public static func readAll(descriptor: Int32, limit: Int) throws(Problem) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(errorText(errno))
            }
            guard data.count + count <= limit else { throw .tooLarge(limit: limit) }
            data.append(contentsOf: buffer[..<count])
        }
    }

    private static func check(_ info: stat, limit: Int) throws(Problem) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .directory
        case S_IFIFO: throw .notRegular("a fifo")
        case S_IFCHR: throw .notRegular("a character device")
        case S_IFBLK: throw .notRegular("a block device")
        case S_IFSOCK: throw .notRegular("a socket")
        default: throw .notRegular("not a file cio can read")
        }
        if Int(info.st_size) > limit { throw .tooLarge(limit: limit) }
    }

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// `64 MB`, `1 MB`, or bytes below one megabyte.
    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }
}

/// `read(2)`, under a name the enum's own `read` does not hide.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
