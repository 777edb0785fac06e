import App
import Foundation
import TerminalUI

/// The terminal UI's figures: frame cost against row count, a filter keystroke over 100,000 rows, bytes sent to the
/// terminal when the selection moves, and CPU used while the app sits idle.
enum UIBenchmarks {
    static let size = Size(width: 200, height: 60)

    /// A state on the Segments list holding `count` made-up rows.
    static func state(rows count: Int) -> AppState {
        var state = AppState(session: SessionInfo(profile: "bench", region: "US"), size: size)
        let rows = (0..<count).map { index in
            ListRow(key: .id(index), cells: [String(index), "Segment number \(index) \(index % 7 == 0 ? "pro plan" : "free")", index % 3 == 0 ? "manual" : "dynamic", "finished", "tag\(index % 13)"])
        }
        _ = AppUpdate.update(&state, .listLoaded(.segments, rows))
        return state
    }

    static func render() {
        let small = median(of: 300, state: state(rows: 100))
        let large = median(of: 300, state: state(rows: 100_000))
        let ratio = secondsValue(large) / max(secondsValue(small), 1e-9)
        print("frame render at 200×60: 100 rows \(milliseconds(small)) ms, 100,000 rows \(milliseconds(large)) ms median, ratio \(String(format: "%.2f", ratio))   target: ratio ≤ 1.2, < 2 ms")
    }

    private static func median(of runs: Int, state: AppState) -> Duration {
        var state = state
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for index in 0..<runs {
            // Move the selection each frame so no work can be skipped as unchanged.
            _ = AppUpdate.update(&state, .key(index % 2 == 0 ? .character("j") : .character("k")))
            samples.append(clock.measure { _ = AppView.render(state) })
        }
        return samples.sorted()[samples.count / 2]
    }

    /// Typing a filter and deleting it again, one keystroke at a time, over 100,000 rows; each sample is the
    /// reducer's work plus the frame it leads to.
    static func filter() {
        var state = state(rows: 100_000)
        _ = AppUpdate.update(&state, .key(.character("/")))
        let clock = ContinuousClock()
        var samples: [Duration] = []
        let typed = "pro plan"
        for round in 0..<5 {
            for character in typed {
                samples.append(clock.measure {
                    _ = AppUpdate.update(&state, .key(.character(character)))
                    _ = AppView.render(state)
                })
            }
            for _ in typed {
                samples.append(clock.measure {
                    _ = AppUpdate.update(&state, .key(.backspace))
                    _ = AppView.render(state)
                })
            }
            _ = round
        }
        let sorted = samples.sorted()
        print("filter keystroke over 100,000 rows: median \(milliseconds(sorted[sorted.count / 2])) ms, worst \(milliseconds(sorted[sorted.count - 1])) ms (\(samples.count) keystrokes, frame included)   target: median < 16 ms")
    }

    /// Draws through the real ncurses screen into a file and counts what it writes.
    static func repaintBytes() throws {
        guard let output = tmpfile(), let input = fopen("/dev/null", "r") else {
            print("repaint bytes: could not open a temporary file"); return
        }
        defer { fclose(output); fclose(input) }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        let screen = try CursesScreen(options: .init(terminalName: "xterm-256color", output: output, input: input, environment: environment))
        screen.resize(to: size)
        var state = state(rows: 100_000)
        state.size = size
        func written() -> Int {
            fflush(output)
            return Int(lseek(fileno(output), 0, SEEK_END))
        }
        try screen.present(AppView.render(state))
        let afterFirst = written()
        var moves: [Int] = []
        for _ in 0..<20 {
            let before = written()
            _ = AppUpdate.update(&state, .key(.character("j")))
            try screen.present(AppView.render(state))
            moves.append(written() - before)
        }
        let before = written()
        screen.invalidate()
        try screen.present(AppView.render(state))
        let full = written() - before
        screen.close()
        let sorted = moves.sorted()
        print("bytes to the terminal at 200×60: selection moves one row \(sorted[sorted.count / 2]) bytes median (max \(sorted.last ?? 0)), full repaint \(full) bytes, first frame \(afterFirst) bytes   target: < 500 bytes per move")
    }

    /// Runs `cio --demo` on a pseudo-terminal, waits until it has drawn and gone quiet, then reads its CPU time
    /// from /proc over `seconds` of idling.
    static func idleCPU(seconds: Int) throws {
        guard let pty = PseudoTerminal.open(size: size) else {
            print("idle CPU: no pseudo-terminal available"); return
        }
        let master = pty.master
        let slave = open(pty.childPath, O_RDWR | O_NOCTTY)
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--demo"]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CUSTOMERIO_") }
        environment["TERM"] = "xterm-256color"
        process.environment = environment
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        let output = PTYDrain(descriptor: master)
        output.start()
        // Drawn: the sandbox's segments are on screen. Quiet: nothing written for 2 s (the last budget refresh
        // comes 1.1 s after the last answer).
        let start = Date()
        while !output.contains("Segments") || output.quietFor < 2, Date().timeIntervalSince(start) < 30 {
            usleep(100_000)
        }
        let before = cpuSeconds(pid: process.processIdentifier)
        let bytesBefore = output.bytes
        sleep(UInt32(seconds))
        let used = cpuSeconds(pid: process.processIdentifier) - before
        let bytesDuring = output.bytes - bytesBefore
        var quit: UInt8 = UInt8(ascii: "q")
        _ = write(master, &quit, 1)
        process.waitUntilExit()
        close(master)
        print("idle for \(seconds) s: \(String(format: "%.3f", used)) s CPU, \(bytesDuring) bytes written; exit status \(process.terminationStatus)   target: < 0.05 s CPU")
    }

    /// utime + stime of a process, in seconds (fields 14 and 15 of /proc/PID/stat).
    static func cpuSeconds(pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the ")" the fields start at number 3 (state), so utime (14) and stime (15) are at 11 and 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    static func secondsValue(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func milliseconds(_ duration: Duration) -> String { String(format: "%.3f", secondsValue(duration) * 1000) }
}

/// Reads everything a child writes to its pseudo-terminal (so it never blocks), remembering the text and when
/// the last byte came.
final class PTYDrain: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var text = ""
    private var count = 0
    private var last = Date()

    init(descriptor: Int32) { self.descriptor = descriptor }

    func start() {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let got = read(descriptor, &buffer, buffer.count)
                guard got > 0 else { return }
                lock.lock()
                count += got
                last = Date()
                if text.utf8.count < 1_000_000 { text += String(decoding: buffer[0..<got], as: UTF8.self) }
                lock.unlock()
            }
        }
    }

    var bytes: Int { lock.lock(); defer { lock.unlock() }; return count }
    var quietFor: Double { lock.lock(); defer { lock.unlock() }; return Date().timeIntervalSince(last) }
    func contains(_ needle: String) -> Bool { lock.lock(); defer { lock.unlock() }; return text.contains(needle) }
}
