import Testing
@testable import Sandbox
@Test func name() { #expect(SandboxInfo.name == "sandbox") }
