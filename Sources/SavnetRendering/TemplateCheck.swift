import Foundation

/// Checks a theme's templates before anything renders: every partial or parent a template
/// names exists, no template includes itself (directly or not), and every name a template
/// reads is one the site's views provide. Mustache itself renders a missing partial or an
/// unknown name as nothing, so a misspelt `{{>comittee}}` would blank every page silently.
enum TemplateCheck {
    /// The problems of a theme's templates, each naming the template and line.
    static func problems(_ templates: [String: Template], viewKeys: Set<String>) -> [RenderError] {
        var problems: [RenderError] = []
        var references: [String: [(String, Int)]] = [:]
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            for tag in template.tags {
                switch tag.sigil {
                case ">", "<":
                    references[name, default: []].append((tag.name, tag.line))
                    if templates[tag.name] == nil {
                        problems.append(.missingPartial(template: name, line: tag.line, partial: tag.name,
                                                        suggestion: closest(tag.name, in: Set(templates.keys))))
                    }
                case " ", "&", "#", "^":
                    // `name` or `a.b.c`.
                    guard tag.name != "." else { continue }
                    for part in tag.name.split(separator: ".").map(String.init) where !viewKeys.contains(part) {
                        problems.append(.unknownKey(template: name, line: tag.line, key: tag.name,
                                                    suggestion: closest(part, in: viewKeys)))
                        break
                    }
                default:
                    continue  // closers, blocks, comments, pragmas
                }
            }
        }
        // Inclusion cycles: a template that includes itself would render forever.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ name: String, _ path: [String]) {
            state[name] = 1
            for (next, line) in references[name] ?? [] where templates[next] != nil {
                if state[next] == 1 {
                    let cycle = (path + [name, next]).drop { $0 != next }
                    problems.append(.recursivePartial(template: name, line: line, cycle: Array(cycle)))
                } else if state[next] == nil {
                    visit(next, path + [name])
                }
            }
            state[name] = 2
        }
        for name in templates.keys.sorted() where state[name] == nil { visit(name, []) }
        return problems
    }

    /// The nearest name, for a "did you mean" hint, when one is close.
    static func closest(_ name: String, in names: Set<String>) -> String? {
        names.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= max(2, name.count / 3) }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
