/// A theme's parsed templates, rendered against typed views straight into bytes.
struct TemplateSet: Sendable {
    private let templates: [String: Template]

    init(_ templates: [String: Template]) { self.templates = templates }

    /// The page `name` renders for `view`, or nil when there is no such template.
    func render(_ name: String, _ view: any TemplateValue) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var state = RenderState(templates: templates, stack: [view])
        state.output.reserveCapacity(32_768)
        state.render(template.nodes, indentation: [], blocks: [:])
        return state.output
    }
}

private struct RenderState {
    let templates: [String: Template]
    var stack: [any TemplateValue]
    var output: [UInt8] = []

    /// Renders nodes; with an indentation (inside a standalone partial), every piece that
    /// starts a new line, after this call's first, is indented.
    mutating func render(_ nodes: [TemplateNode], indentation: [UInt8], blocks: [String: [TemplateNode]]) {
        if indentation.isEmpty {
            for node in nodes { render(node, indentation: indentation, blocks: blocks) }
            return
        }
        let localStart = output.count
        for node in nodes {
            let start = output.count
            render(node, indentation: indentation, blocks: blocks)
            // A line ends at "\n"; a piece after "\r\n" is not indented (as in swift-mustache,
            // where "\r\n" is one character that is not "\n").
            if output.count > start, start > localStart, output[start - 1] == 0x0A,
               start < 2 || output[start - 2] != 0x0D {
                output.insert(contentsOf: indentation, at: start)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, indentation: [UInt8], blocks: [String: [TemplateNode]]) {
        switch node {
        case let .text(bytes):
            output.append(contentsOf: bytes)
        case let .variable(name, escaped):
            lookup(name)?.appendText(to: &output, escaped: escaped)
        case let .section(name, nodes):
            guard let value = lookup(name) else { return }
            switch value.sectionKind {
            case let .flag(on):
                if on { render(nodes, indentation: indentation, blocks: blocks) }
            case .value:
                stack.append(value)
                render(nodes, indentation: indentation, blocks: blocks)
                stack.removeLast()
            case .list:
                value.forEachElement { element in
                    stack.append(element)
                    render(nodes, indentation: indentation, blocks: blocks)
                    stack.removeLast()
                }
            }
        case let .inverted(name, nodes):
            let show: Bool
            switch lookup(name)?.sectionKind {
            case nil: show = true
            case let .flag(on)?: show = !on
            case let .list(isEmpty)?: show = isEmpty
            case .value?: show = false
            }
            if show { render(nodes, indentation: indentation, blocks: blocks) }
        case let .partial(name, own):
            guard let template = templates[name] else { return }
            render(template.nodes, indentation: own.map { indentation + $0 } ?? indentation, blocks: blocks)
        case let .parent(name, own, parentBlocks):
            guard let template = templates[name] else { return }
            // The outermost override of a block wins.
            let merged = blocks.merging(parentBlocks) { outer, _ in outer }
            render(template.nodes, indentation: indentation + own, blocks: merged)
        case let .block(name, defaultNodes, own):
            render(blocks[name] ?? defaultNodes, indentation: indentation + own, blocks: blocks)
        }
    }

    /// The value a name reads: its first part from the innermost section that has it,
    /// the rest from that value's fields.
    private func lookup(_ name: TemplateName) -> (any TemplateValue)? {
        guard let first = name.parts.first else { return stack.last }
        var value: (any TemplateValue)?
        if name.anchored {
            value = stack.last?.field(first)
        } else {
            var index = stack.count - 1
            while index >= 0 {
                if let found = stack[index].field(first) {
                    value = found
                    break
                }
                index -= 1
            }
        }
        // Most names have one part: the value found is the answer, handed back without a
        // copy (copying an existential is a call into the runtime).
        if name.parts.count == 1 { return value }
        guard var current = value else { return nil }
        for part in name.parts.dropFirst() {
            guard let next = current.field(part) else { return nil }
            current = next
        }
        return current
    }
}
