import CustomerIO
import Foundation
import Testing
@testable import App
@testable import Sandbox

/// The JSON checker the composer runs on every keystroke, on random and adversarial input from fixed seeds: it
/// never crashes, points inside the text, and never calls well-formed what the decoder then refuses.
@Suite struct JSONCheckerFuzzTests {
    static let valid = [
        #"{"order": {"id": 1042, "items": [1, 2.5, -3e2, true, false, null], "note": "caf\u00e9 \"x\" \\ /"}}"#,
        #"[{"id": "42", "data": {"a": [[], {}]}}, {"email": "j@x.io"}]"#,
        #"{"nested": {"a": {"b": {"c": {"d": ["e"]}}}}}"#,
    ]
    static let bytes = Array(#"{}[]",:\ "0123456789-+.eEtrufalsn/ubx"#.utf8) + [0x0A, 0x09, 0x00, 0x7F, 0xC3, 0xA9, 0xFF]

    @Test(arguments: [UInt64(7), 0xBEEF, 0x5EED])
    func mutatedDocumentsAreJudgedConsistently(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var accepted = 0
        for round in 0..<3_000 {
            var text = Array(Self.valid[round % Self.valid.count].utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) { mutate(&text, &random) }
            if judge(String(decoding: text, as: UTF8.self)) { accepted += 1 }
        }
        // Some mutations keep the text valid (a digit for a digit): the accepting path is exercised too.
        #expect(accepted > 30)
    }

    @Test(arguments: [UInt64(3), 0xFACE])
    func randomBytesAreJudgedConsistently(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...60, using: &random)).map { _ in Self.bytes.randomElement(using: &random)! }
            _ = judge(String(decoding: text, as: UTF8.self))
        }
    }

    @Test func deepNestingIsAProblemNotACrash() async {
        for depth in [513, 10_000, 500_000] {
            let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            #expect(JSONChecker.check(text)?.message == "nested more than \(CustomerIO.JSONValue.maximumDepth) levels deep")
            #expect(JSONChecker.check(String(repeating: "{\"a\":", count: depth))?.message == "nested more than \(CustomerIO.JSONValue.maximumDepth) levels deep")
        }
        // Up to the bound it decodes, on a task's thread as well as the main one.
        let bound = CustomerIO.JSONValue.maximumDepth
        let deepest = String(repeating: "[", count: bound) + "1" + String(repeating: "]", count: bound)
        let decoded = await Task.detached { JSONChecker.value(deepest) }.value
        #expect((try? decoded.get()) != nil)
    }

    /// Checks `text`; true when it is accepted. The properties: a problem lies within the text, and what is
    /// accepted decodes.
    private func judge(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let problem = JSONChecker.check(text) else {
            if case .failure(let failure) = JSONChecker.value(text) { Issue.record("accepted but not decodable (\(failure)): \(text)") }
            return true
        }
        #expect(problem.line >= 1 && problem.line <= lines.count, "\(problem) in \(text)")
        #expect(problem.column >= 1 && problem.column <= lines[problem.line - 1].count + 1, "\(problem) in \(text)")
        return false
    }

    private func mutate(_ text: inout [UInt8], _ random: inout SplitMix64) {
        let index = text.isEmpty ? 0 : Int.random(in: 0..<text.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0 where !text.isEmpty: text[index] = Self.bytes.randomElement(using: &random)!
        case 1 where !text.isEmpty: text.remove(at: index)
        case 2: text.insert(Self.bytes.randomElement(using: &random)!, at: index)
        default: text = Array(text.prefix(index))
        }
    }
}
