#if canImport(Glibc)
import Glibc
#endif
import CCmarkGFM

/// Markdown bodies to HTML with libcmark-gfm: GitHub's tables, strikethrough, autolinks
/// and task lists, in safe mode (raw HTML and `javascript:` links dropped) with the tag filter.
/// A body sits under its page's `h1`, so its headings start at level 2 (`#` becomes `h2`).
public enum Markdown {
    /// Renders `text` to an HTML fragment.
    public static func html(_ text: String) -> String {
        _ = extensionsRegistered
        let options = CMARK_OPT_SAFE | CMARK_OPT_SMART
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
            if let extension_ = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extension_)
            }
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parser_feed(parser, pointer, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        demoteHeadings(document)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Registers the GFM extensions once. libcmark-gfm's own `ensure_registered` is not
    /// safe to call from several threads at once (pages render in parallel): two first
    /// calls racing corrupt its plugin list and crash. A Swift `static let` runs once.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Moves every heading one level down (at most to level 6).
    static func demoteHeadings(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            cmark_node_set_heading_level(node, min(cmark_node_get_heading_level(node) + 1, 6))
        }
    }
}
