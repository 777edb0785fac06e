import CustomerIO
import Hummingbird
public enum SandboxInfo { public static let name = "sandbox" }
