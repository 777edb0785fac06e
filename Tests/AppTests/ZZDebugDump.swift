import Foundation
import Testing
import TerminalUI
@testable import App

@Test func zzDumpSnapshots() throws {
    let rows = [
        segmentRow(1, "VIP customers", tags: "sales"),
        segmentRow(22, "李雷的客户", type: "manual"),
        segmentRow(333, "Zoë's 👍 picks", state: "build", tags: "beta"),
        segmentRow(4444, "A very long segment name that goes on and on well past any column width", tags: "one, two, three"),
    ]
    func make(_ size: Size, _ session: SessionInfo = SessionInfo(profile: "demo", region: "sandbox", isDemo: true)) -> AppState {
        var state = AppState(session: session, size: size)
        _ = AppUpdate.update(&state, .listLoaded(.segments, rows))
        return state
    }
    for size in [Size(width: 1, height: 1), Size(width: 20, height: 5), Size(width: 80, height: 24), Size(width: 250, height: 70)] {
        try AppView.render(make(size)).text.write(toFile: "/tmp/snaps/\(size.width)x\(size.height).txt", atomically: true, encoding: .utf8)
    }
    var help = make(Size(width: 80, height: 24)); help.mode = .help(scroll: 0)
    try AppView.render(help).text.write(toFile: "/tmp/snaps/help.txt", atomically: true, encoding: .utf8)
    var palette = make(Size(width: 80, height: 24)); palette.mode = .palette(CommandPaletteState(input: TextInputState(text: "se")))
    try AppView.render(palette).text.write(toFile: "/tmp/snaps/palette.txt", atomically: true, encoding: .utf8)
    var filter = make(Size(width: 80, height: 24)); filter.mode = .filtering(TextInputState(text: "vip")); filter.lists[.segments]!.setFilter("vip", visibleRows: 20)
    try AppView.render(filter).text.write(toFile: "/tmp/snaps/filter.txt", atomically: true, encoding: .utf8)
    var ro = make(Size(width: 80, height: 24), SessionInfo(profile: "prod", region: "eu", isReadOnly: true))
    try AppView.render(ro).text.write(toFile: "/tmp/snaps/ro.txt", atomically: true, encoding: .utf8)
    ro.lists[.segments]!.rows = .loading(previous: nil)
    try AppView.render(ro).text.write(toFile: "/tmp/snaps/loading.txt", atomically: true, encoding: .utf8)
    ro.lists[.segments]!.rows = .failed("connection refused", previous: nil)
    try AppView.render(ro).text.write(toFile: "/tmp/snaps/failed.txt", atomically: true, encoding: .utf8)
}
