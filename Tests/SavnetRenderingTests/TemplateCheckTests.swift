import Foundation
@testable import SavnetRendering
import SavnetLoading
import SavnetModel
import SavnetTestSupport
import XCTest

/// Templates are checked before anything renders: partials exist, no circles, and every
/// name they read is one the views provide.
final class TemplateCheckTests: XCTestCase {
    private func theme() throws -> Theme {
        try ThemeLoader.load(themes: TestBuild.repository.appendingPathComponent("themes"), name: "default")
    }

    /// Every key of every view of every page of the bundled sample site.
    func testTheListOfViewKeysIsExactlyWhatTheViewsHold() throws {
        let loader = ContentLoader(root: TestBuild.repository.appendingPathComponent("content"), displayRoot: "content")
        let (files, _) = try loader.load()
        let directory = Directory(files: files, gazetteer: .bundled)
        let site = SiteContext(directory: directory, settings: SiteSettings(), today: TestSite.today, searchIndexed: true)
        var keys = Set<String>()
        func walk(_ value: any TemplateValue) {
            if let view = value as? View {
                for (key, inner) in zip(view.keys, view.values) {
                    keys.insert(key.description)
                    walk(inner)
                }
            } else {
                value.forEachElement(walk)
            }
        }
        for page in site.pages() { walk(site.context(for: page).1) }
        XCTAssertEqual(keys.subtracting(SiteRenderer.viewKeys).sorted(), [], "views hold names the list lacks")
        XCTAssertEqual(SiteRenderer.viewKeys.subtracting(keys).sorted(), [], "the list names keys no view holds")
    }

    /// Keys are compared by their first and last eight bytes and their length: no two of
    /// the site's names may agree in all three, and each reads back as itself.
    func testViewKeysAreDistinctAndReadBack() {
        let packed = SiteRenderer.viewKeys.map(ViewKey.init)
        XCTAssertEqual(Set(packed).count, SiteRenderer.viewKeys.count)
        for name in SiteRenderer.viewKeys { XCTAssertEqual(ViewKey(name).description, name) }
        XCTAssertEqual(("regulationAdopted" as ViewKey), ViewKey("regulationAdopted"))
        XCTAssertNotEqual(ViewKey("name"), ViewKey("names"))
        XCTAssertNotEqual(ViewKey("representsHeader"), ViewKey("representsHeadeR"))
    }

    func testTheDefaultThemeHasNoProblems() throws {
        let parsed = try theme().templates.mapValues { try SavnetRendering.Template(name: "t", text: $0) }
        XCTAssertEqual(TemplateCheck.problems(parsed, viewKeys: SiteRenderer.viewKeys), [])
    }

    func testAMisspeltPartialIsAnErrorNamingTheTemplateAndLine() throws {
        var theme = try theme()
        theme.templates["subdistrict"] = "{{<layout}}{{$main}}\n<h1>{{heading}}</h1>\n{{>comittee}}{{/main}}{{/layout}}"
        XCTAssertThrowsError(try SiteRenderer(theme: theme)) { error in
            XCTAssertEqual("\(error)", "the theme's templates have 1 problem:\n"
                + "  subdistrict.mustache:3: no template named 'comittee' to include (did you mean 'committee'?)")
        }
    }

    func testAnUnknownNameIsAnError() throws {
        var theme = try theme()
        theme.templates["district"] = "{{<layout}}{{$main}}<h1>{{heading}}</h1>\n\n{{#network}}{{chairNmae}}{{/network}}{{/main}}{{/layout}}"
        XCTAssertThrowsError(try SiteRenderer(theme: theme)) { error in
            XCTAssertTrue("\(error)".contains("district.mustache:3: 'chairNmae' is not a name the site's pages provide (did you mean 'chairName'?)"),
                          "\(error)")
        }
    }

    func testRecursivePartialsAreAnErrorNotACrash() throws {
        var theme = try theme()
        theme.templates["a"] = "{{>b}}"
        theme.templates["b"] = "x\n{{>a}}"
        theme.templates["self"] = "{{>self}}"
        XCTAssertThrowsError(try SiteRenderer(theme: theme)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("b.mustache:2: templates include each other in a circle (a → b → a)"), text)
            XCTAssertTrue(text.contains("self.mustache:1: templates include each other in a circle (self → self)"), text)
        }
    }

    func testTagsAreReadWithTheirLines() throws {
        let tags = try SavnetRendering.Template(name: "t", text: "a {{name}}\n{{{html}}} {{& raw }}\n{{! note\nmore }}\n{{#x.y}}{{/x.y}}").tags
        XCTAssertEqual(tags.map { "\($0.sigil)\($0.name)@\($0.line)" }, [" name@1", "&html@2", "&raw@2", "#x.y@5", "/x.y@5"])
        // Tags are found after a change of delimiters too.
        let changed = try SavnetRendering.Template(name: "t", text: "{{=<% %>=}}\n<% chairNmae %>").tags
        XCTAssertEqual(changed.map { "\($0.sigil)\($0.name)@\($0.line)" }, [" chairNmae@2"])
    }
}
