#if canImport(Glibc)
import Glibc
#endif
import CCmarkGFM

/// Markdown bodies to HTML with libcmark-gfm: GitHub's tables, strikethrough, autolinks
/// and task lists, in safe mode (raw HTML and `javascript:` links dropped) with the tag filter.
public enum Markdown {
    /// Renders `text` to an HTML fragment.
    public static func html(_ text: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
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
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
