/// A YAML node as savnet reads it: text, mapping or list, with the 1-based line and
/// code-point column where it starts (within the YAML text).
struct YAMLNode {
    enum Kind {
        /// A scalar's text, and whether it was written plain (unquoted), which decides
        /// whether `~`, `null` or nothing mean "no value".
        case scalar(String, plain: Bool)
        /// Key–value pairs in file order.
        case mapping([(key: YAMLNode, value: YAMLNode)])
        /// Items in file order.
        case sequence([YAMLNode])
    }

    var kind: Kind
    var line: Int
    var column: Int

    /// The scalar's text, if this is a scalar.
    var text: String? {
        if case let .scalar(text, _) = kind { return text }
        return nil
    }
}
