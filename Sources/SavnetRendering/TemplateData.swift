/// Template data with absent values made `false`. Mustache treats an `Optional.none`
/// stored in a dictionary as present (so `{{^key}}` would not fire), and a key that is
/// missing altogether is looked up in the enclosing sections (so an account without a
/// `name` would show the network's name). `false` is absent in both senses.
enum TemplateData {
    /// `value` with every nil optional in its dictionaries and arrays replaced by `false`.
    static func clean(_ value: Any) -> Any? {
        if let optional = value as? OptionalProtocol {
            guard let wrapped = optional.wrapped else { return false }
            return clean(wrapped)
        }
        if let dictionary = value as? [String: Any] {
            var out: [String: Any] = [:]
            out.reserveCapacity(dictionary.count)
            for (key, item) in dictionary {
                if let kept = clean(item) { out[key] = kept }
            }
            return out
        }
        if let array = value as? [[String: Any]] {
            return array.map { clean($0) as? [String: Any] ?? [:] }
        }
        if let array = value as? [Any] {
            return array.compactMap(clean)
        }
        return value
    }
}

private protocol OptionalProtocol {
    var wrapped: Any? { get }
}

extension Optional: OptionalProtocol {
    fileprivate var wrapped: Any? {
        switch self {
        case let .some(value): return value
        case .none: return nil
        }
    }
}
