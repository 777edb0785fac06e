/// Optional members: the vendor's spec types these fields as plain integers or strings (never nullable), so a
/// value the record lacks is left out of the object rather than sent as `null`.
extension Array where Element == (String, SandboxJSON) {
    mutating func append(_ key: String, ifPresent number: Int?) {
        if let number { append((key, .int(number))) }
    }

    mutating func append(_ key: String, ifPresent text: String?) {
        if let text { append((key, .string(text))) }
    }
}
