import Testing
@testable import TerminalUI

/// Every widget, drawn into awkward rects on a canvas full of "#", must not crash and must leave every cell
/// outside its rect alone.
@Suite struct WidgetBoundsTests {
    typealias Draw = @Sendable (inout Canvas, Rect) -> Void

    static let widgets: [(String, Draw)] = [
        ("box", { canvas, rect in canvas.drawBox(rect, style: .plain, title: "李雷 title", fill: .plain) }),
        ("detail", { canvas, rect in
            DetailView(rows: DetailTests.rows).render(into: &canvas, in: rect, state: DetailState(selectedRow: 3))
        }),
        ("tree", { canvas, rect in
            JSONTreeView(value: JSONTreeTests.document).render(into: &canvas, in: rect, state: TreeState(selectedLine: 9))
        }),
        ("input", { canvas, rect in
            TextInputView(prompt: "> ", placeholder: "検索").render(into: &canvas, in: rect, state: TextInputState(text: "hello 李雷 👍 world", cursor: 7))
        }),
        ("placeholder", { canvas, rect in
            TextInputView(prompt: "> ", placeholder: "検索").render(into: &canvas, in: rect, state: TextInputState())
        }),
        ("form", { canvas, rect in FormView().render(into: &canvas, in: rect, state: FormTests.form()) }),
        ("dialog", { canvas, rect in DialogView().render(into: &canvas, in: rect, state: DialogTests.danger) }),
        ("status", { canvas, rect in StatusBarView().render(into: &canvas, in: rect, model: StatusBarTests.model) }),
        ("flash", { canvas, rect in
            var model = StatusBarTests.model
            model.flash = .make(.error, "李雷 👍 failed", now: 0)
            StatusBarView().render(into: &canvas, in: rect, model: model)
        }),
        ("help", { canvas, rect in
            HelpOverlayView().render(into: &canvas, in: rect, sections: HelpOverlayTests.sections, scrollOffset: 2)
        }),
        ("palette", { canvas, rect in
            CommandPaletteView().render(into: &canvas, in: rect, state: CommandPaletteState(input: TextInputState(text: "t"), selected: 3), commands: CommandPaletteTests.commands)
        }),
    ]

    @Test(arguments: awkwardRects)
    func nothingIsDrawnOutsideTheRect(rect: Rect) {
        for (name, draw) in Self.widgets {
            #expect(cellsChangedOutside(rect, canvas: Size(width: 12, height: 8), draw).isEmpty, "\(name) in \(rect)")
        }
    }

    @Test func everyWidgetDrawsSomethingInsideAnOrdinaryRect() {
        let rect = Rect(x: 1, y: 1, width: 10, height: 6)
        for (name, draw) in Self.widgets {
            var canvas = Canvas(size: Size(width: 12, height: 8), fill: Cell("#"))
            draw(&canvas, rect)
            let inside = (rect.y..<rect.maxY).flatMap { y in (rect.x..<rect.maxX).map { canvas[$0, y] } }
            #expect(inside.contains { $0 != Cell("#") }, "\(name)")
        }
    }

    @Test func zeroSizedCanvasesAreFine() {
        for (_, draw) in Self.widgets {
            var canvas = Canvas(size: Size(width: 0, height: 0))
            draw(&canvas, Rect(x: 0, y: 0, width: 10, height: 10))
            #expect(canvas.text == "")
        }
    }
}
