/// Helpers for template data.
///
/// An absent value is stored as `false`: a key that is missing
/// altogether is looked up in the enclosing sections (so an account without a `name`
/// would show the network's name). `false` is absent in both senses.
enum TemplateData {
    /// The value, or `false` when there is none.
    static func value<T: TemplateValue>(_ optional: T?) -> any TemplateValue {
        optional.map { $0 as any TemplateValue } ?? false
    }
}

