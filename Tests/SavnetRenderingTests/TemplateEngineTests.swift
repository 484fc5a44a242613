import Foundation
import Mustache
@testable import SavnetRendering
import SavnetLoading
import SavnetModel
import SavnetTestSupport
import XCTest

/// The theme's template engine against swift-mustache, the reference it replaced: the
/// same templates and data must give the same bytes.
final class TemplateEngineTests: XCTestCase {
    // MARK: - Helpers

    /// Renders `name` from `templates` with savnet's engine.
    private func ours(_ templates: [String: String], _ name: String, _ view: any TemplateValue) throws -> String {
        var parsed: [String: SavnetRendering.Template] = [:]
        for (key, text) in templates { parsed[key] = try SavnetRendering.Template(name: key, text: text) }
        return String(decoding: try XCTUnwrap(TemplateSet(parsed).render(name, view)), as: UTF8.self)
    }

    /// Renders `name` with swift-mustache (its HTML escaping is the same as savnet's).
    private func reference(_ templates: [String: String], _ name: String, _ view: any TemplateValue) throws -> String {
        var library = MustacheLibrary()
        for (key, text) in templates { try library.register(text, named: key) }
        return try XCTUnwrap(library.render(Self.plain(view), withTemplate: name))
    }

    /// A view as the `[String: Any]` swift-mustache reads.
    static func plain(_ value: any TemplateValue) -> Any {
        if let view = value as? View {
            return Dictionary(zip(view.keys.map(\.description), view.values.map(plain)), uniquingKeysWith: { first, _ in first })
        }
        if case .list = value.sectionKind {
            var elements: [Any] = []
            value.forEachElement { elements.append(plain($0)) }
            return elements
        }
        return value
    }

    /// Where two renderings part, with some text around it.
    static func firstDifference(_ ours: String, _ theirs: String) -> String {
        let a = Array(ours.utf8), b = Array(theirs.utf8)
        let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, index - 60)..<min(bytes.count, index + 60)], as: UTF8.self).debugDescription
        }
        return "byte \(index)\nours:   \(around(a))\ntheirs: \(around(b))"
    }

    private func assertSame(_ templates: [String: String], _ view: any TemplateValue, name: String = "main",
                            file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try ours(templates, name, view), try reference(templates, name, view), file: file, line: line)
    }

    // MARK: - Behaviour

    func testVariablesEscapeAndTripleBracesDoNot() throws {
        let view: View = ["a": "<b>&\"'", "n": 3, "yes": true, "x": 2.5]
        let templates = ["main": "{{a}}|{{{a}}}|{{& a }}|{{n}}|{{yes}}|{{x}}|{{missing}}"]
        XCTAssertEqual(try ours(templates, "main", view), "&lt;b&gt;&amp;&quot;&#39;|<b>&\"'|<b>&\"'|3|true|2.5|")
        try assertSame(templates, view)
    }

    func testSectionsListsFlagsAndTheContextStack() throws {
        let view: View = [
            "name": "top", "on": true, "off": false, "empty": [View](),
            "rows": [["name": "a"], ["other": "b"]] as [View], "obj": ["deep": ["x": "y"] as View] as View,
        ]
        let templates = ["main": """
        {{#on}}on {{name}}{{/on}}{{#off}}no{{/off}}{{^off}}not off{{/off}}
        {{#rows}}[{{name}}]{{/rows}}{{^empty}}none{{/empty}}
        {{obj.deep.x}} {{#obj}}{{deep.x}} {{name}}{{/obj}} {{.name}} {{#obj}}{{.name}}{{/obj}}
        """]
        XCTAssertEqual(try ours(templates, "main", view), "on topnot off\n[a][top]none\ny y top top ")
        try assertSame(templates, view)
    }

    func testStandaloneLinesAndPartialIndentation() throws {
        let view: View = ["items": ["a", "b"], "text": "one\ntwo"]
        let templates = [
            "main": "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n  {{>part}}\n|{{>part}}|\n",
            "part": "<p>\n{{text}}\n</p>\n",
        ]
        XCTAssertEqual(try ours(templates, "main", view),
                       "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n  <p>\n  one\ntwo\n  </p>\n|<p>\none\ntwo\n</p>\n|\n")
        try assertSame(templates, view)
    }

    func testInheritanceWithBlocksAndDefaults() throws {
        let view: View = ["title": "T"]
        let templates = [
            "layout": "<h1>{{$head}}default head{{/head}}</h1>\n{{$main}}\ndefault main\n{{/main}}\n<footer>{{$foot}}F{{/foot}}</footer>\n",
            "main": "{{<layout}}\n{{$head}}{{title}}{{/head}}\n{{$main}}\n  <p>body {{title}}</p>\n    <p>more</p>\n{{/main}}\n{{/layout}}\n",
        ]
        XCTAssertEqual(try ours(templates, "main", view), "<h1>T</h1>\n<p>body T</p>\n  <p>more</p>\n<footer>F</footer>\n")
        try assertSame(templates, view)
    }

    func testDelimiterChanges() throws {
        let view: View = ["a": "x"]
        let templates = ["main": "{{=<% %>=}}\n<% a %> {{a}}\n<%={{ }}=%>\n{{a}}\n"]
        XCTAssertEqual(try ours(templates, "main", view), "x {{a}}\nx\n")
        try assertSame(templates, view)
    }

    func testErrorsNameTheLine() {
        func error(_ text: String) -> String? {
            do {
                _ = try SavnetRendering.Template(name: "t", text: text)
                return nil
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(error("a\n{{#x}}\nb"), "line 2: the section 'x' opened here is never closed; add {{/x}}")
        XCTAssertEqual(error("a\n\n{{/x}}"), "line 3: '{{/x}}' closes no open section")
        XCTAssertEqual(error("{{#x}}\n{{/y}}"), "line 2: '{{/y}}' closes no open section; expected {{/x}} for the tag on line 1")
        XCTAssertEqual(error("x\n{{name"), "line 2: a tag is not closed with '}}' (names are Latin letters, digits, '.', '-', '_')")
        XCTAssertEqual(error("{{upper(name)}}"),
                       "line 1: transforms such as 'upper(name)' are not supported; give the value a name in the view")
        XCTAssertEqual(error("{{<p}}\n{{x}}\n{{/p}}"), "line 2: inside {{<p}} only {{$block}} sections may stand")
        XCTAssertEqual(error("{{=<% %>}}"), "line 1: a delimiter tag must read {{=<open> <close>=}}")
        XCTAssertNil(error("{{! a\ncomment }}\n{{#a}}{{/a}}"))
    }

    // MARK: - The site's own templates

    /// Every page of the sample site renders to the same bytes with both engines.
    func testEveryPageOfTheSampleSiteMatchesTheReference() throws {
        let theme = try ThemeLoader.load(themes: TestBuild.repository.appendingPathComponent("themes"), name: "default")
        let loader = ContentLoader(root: TestBuild.repository.appendingPathComponent("content"), displayRoot: "content")
        let (files, _) = try loader.load()
        let directory = Directory(files: files, gazetteer: .bundled)
        let site = SiteContext(directory: directory, settings: SiteSettings(), today: TestSite.today, searchIndexed: true)
        let renderer = try SiteRenderer(theme: theme)
        var library = MustacheLibrary()
        for (key, text) in theme.templates { try library.register(text, named: key) }
        var compared = 0
        for page in site.pages() {
            let (template, view) = site.context(for: page)
            let ours = String(decoding: try XCTUnwrap(renderer.templates.render(template, view)), as: UTF8.self)
            let theirs = try XCTUnwrap(library.render(Self.plain(view), withTemplate: template))
            if ours != theirs { XCTFail("\(page.path): \(Self.firstDifference(ours, theirs))") }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 100)
    }

    // MARK: - Random templates

    /// Random templates built from every kind of tag, with random whitespace and line
    /// ends around them, render the same with both engines.
    func testRandomTemplatesMatchTheReference() throws {
        let count = Int(ProcessInfo.processInfo.environment["SAVNET_TEMPLATE_CASES"] ?? "") ?? 400
        var random = SplitMix64(seed: UInt64(ProcessInfo.processInfo.environment["SAVNET_TEMPLATE_SEED"] ?? "") ?? 1955)
        let view: View = [
            "a": "A<&>", "b": "", "n": 7, "t": true, "f": false,
            "list": [["a": "x1", "c": "c1"], ["a": "x2", "t": false]] as [View],
            "none": [View](), "obj": ["a": "oa", "c": "oc"] as View, "words": ["w1", "w2"],
        ]
        var failures = 0
        for round in 0..<count {
            var generator = RandomTemplate(random: random)
            let templates = [
                "main": generator.template(depth: 0),
                "part": generator.template(depth: 2),
                "base": generator.base(),
                "child": generator.child(),
            ]
            random = generator.random
            let ours = try self.ours(templates, "main", view)
            let theirs = try reference(templates, "main", view)
            if ours != theirs {
                failures += 1
                if failures <= 3 {
                    XCTFail("round \(round): \(templates.debugDescription)\n\(Self.firstDifference(ours, theirs))")
                }
            }
        }
        XCTAssertEqual(failures, 0, "\(failures) of \(count) random templates differ")
    }
}

/// Builds random templates from pieces: text, blanks, line ends, variables, sections,
/// inverted sections, comments, partials and inheritance.
private struct RandomTemplate {
    var random: SplitMix64

    private mutating func pick<T>(_ options: [T]) -> T { options[random.next(in: 0...(options.count - 1))] }

    private mutating func blank() -> String { pick(["", "", " ", "  ", "\t"]) }

    mutating func template(depth: Int) -> String {
        var out = ""
        for _ in 0..<random.next(in: 1...6) { out += piece(depth: depth) }
        return out
    }

    private mutating func piece(depth: Int) -> String {
        let names = ["a", "b", "n", "t", "f", "c", "obj.a", "missing", "obj.missing"]
        let sections = ["t", "f", "list", "none", "obj", "words", "a", "b", "n", "missing"]
        switch random.next(in: 0...(depth < 2 ? 11 : 7)) {
        case 0: return pick(["text", "ข้อความ", "<p>", "&"])
        case 1: return pick(["\n", "\r\n", "\n\n"])
        case 2: return blank()
        case 3: return "{{\(blank())\(pick(names))\(blank())}}"
        case 4: return "{{{\(pick(names))}}}" + blank()
        case 5: return blank() + "{{! note \(pick(["", "\n"]))}}" + pick(["", "\n"])
        case 6: return blank() + "{{>\(depth < 2 ? pick(["part", "missing"]) : "missing")}}" + pick(["", "\n", " \n"])
        case 7: return "{{&\(pick(names))}}"
        case 8, 9:
            let name = pick(sections)
            let sigil = pick(["#", "^"])
            return blank() + "{{\(sigil)\(name)}}" + pick(["", "\n"]) + template(depth: depth + 1) + blank()
                + "{{/\(name)}}" + pick(["", "\n"])
        case 10: return blank() + "{{>child}}" + pick(["", "\n"])
        default: return "{{#words}}{{.}},{{/words}}"
        }
    }

    /// A parent with blocks, each with default content.
    mutating func base() -> String {
        var out = ""
        for name in ["x", "y"] {
            out += blank() + "{{$\(name)}}" + pick(["", "\n"]) + template(depth: 2) + blank() + "{{/\(name)}}" + pick(["", "\n"])
            out += template(depth: 2)
        }
        return out
    }

    /// A template that extends the parent and overrides some of its blocks.
    mutating func child() -> String {
        var out = blank() + "{{<base}}" + pick(["", "\n"])
        for name in ["x", "y", "z"] where random.next(in: 0...2) > 0 {
            out += pick(["", "\n", "  "]) + "{{$\(name)}}" + pick(["", "\n"]) + pick(["  ", "", "\t"]) + template(depth: 2)
                + "{{/\(name)}}" + pick(["", "\n"])
        }
        return out + blank() + "{{/base}}" + pick(["", "\n"])
    }
}
