import CLibYAML

/// Builds `YAMLNode` trees from libyaml's event stream (Debian's `libyaml-dev`, through
/// pkg-config, as libcmark-gfm is).
///
/// Composing the events directly, instead of through a library's node tree (Yams's `compose`), keeps positions for
/// every value at a quarter of the CPU time (measured on national-scale content: 0.8 s
/// against 3.3 s for 8,210 front matters), and makes the loader bounded: aliases are
/// refused (no alias bombs), nesting and node counts are limited, and a duplicate key is
/// reported at its second occurrence.
enum YAMLComposer {
    /// Why a text is not usable YAML. Lines and columns are 1-based, within the text.
    struct Failure: Error, Equatable {
        enum Reason: Equatable {
            /// libyaml's own message (`found character that cannot start any token`), with the
            /// position of what it was reading when it failed, if it says.
            case syntax(problem: String, context: String?, contextLine: Int, contextColumn: Int)
            /// A key written twice in one mapping.
            case duplicateKey(String)
            /// `*alias` references are not accepted.
            case alias
            /// Deeper or larger than the limits.
            case tooLarge(String)
        }

        var reason: Reason
        var line: Int
        var column: Int
    }

    /// Nesting deeper than this is refused (network files nest four levels).
    static let maximumDepth = 64
    /// More nodes than this in one document are refused.
    static let maximumNodes = 200_000

    /// The document's root node, nil for an empty document.
    static func compose(_ text: String) throws -> YAMLNode? {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return nil }
        return try bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                throw Failure(reason: .tooLarge("libyaml could not start"), line: 1, column: 1)
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = Builder()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { throw failure(parser) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                // Only the first document counts, as in front matter.
                if event.type == YAML_DOCUMENT_END_EVENT { break }
                try builder.handle(&event)
            }
            return builder.root
        }
    }
}

private extension YAMLComposer {
    /// The open mappings and lists, innermost last.
    struct Builder {
        enum Open {
            case mapping(pairs: [(key: YAMLNode, value: YAMLNode)], pendingKey: YAMLNode?, keys: Set<String>?, line: Int, column: Int)
            case sequence(items: [YAMLNode], line: Int, column: Int)
        }

        /// Whether the bytes hold ํ (E0 B9 8D) followed by า (E0 B8 B2).
        static func hasNikhahitSaraAa(_ pointer: UnsafeMutablePointer<UInt8>?, _ count: Int) -> Bool {
            guard let pointer, count >= 6 else { return false }
            var index = 0
            while index + 5 < count {
                if pointer[index] == 0xE0, pointer[index + 1] == 0xB9, pointer[index + 2] == 0x8D,
                   pointer[index + 3] == 0xE0, pointer[index + 4] == 0xB8, pointer[index + 5] == 0xB2 { return true }
                index += 1
            }
            return false
        }

        var stack: [Open] = []
        var root: YAMLNode?
        var nodes = 0

        mutating func handle(_ event: inout yaml_event_t) throws {
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                var text = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) } ?? ""
                // Thai SARA AM typed as NIKHAHIT + SARA AA (ํา) reads the same as ำ: one form,
                // so names and positions typed either way are the same name.
                if data.length >= 6, Self.hasNikhahitSaraAa(data.value, data.length) {
                    text = text.replacingOccurrences(of: "\u{0E4D}\u{0E32}", with: "\u{0E33}")
                }
                try add(YAMLNode(kind: .scalar(text, plain: data.style == YAML_PLAIN_SCALAR_STYLE), line: line, column: column))
            case YAML_MAPPING_START_EVENT:
                try open(.mapping(pairs: [], pendingKey: nil, keys: nil, line: line, column: column), line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                try open(.sequence(items: [], line: line, column: column), line: line, column: column)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                guard let top = stack.popLast() else { return }
                switch top {
                case let .mapping(pairs, _, _, line, column):
                    try add(YAMLNode(kind: .mapping(pairs), line: line, column: column), counted: false)
                case let .sequence(items, line, column):
                    try add(YAMLNode(kind: .sequence(items), line: line, column: column), counted: false)
                }
            case YAML_ALIAS_EVENT:
                throw Failure(reason: .alias, line: line, column: column)
            default:
                break
            }
        }

        mutating func open(_ container: Open, line: Int, column: Int) throws {
            guard stack.count < YAMLComposer.maximumDepth else {
                throw Failure(reason: .tooLarge("nested more than \(YAMLComposer.maximumDepth) levels deep"), line: line, column: column)
            }
            try count(line: line, column: column)
            stack.append(container)
        }

        mutating func count(line: Int, column: Int) throws {
            nodes += 1
            guard nodes <= YAMLComposer.maximumNodes else {
                throw Failure(reason: .tooLarge("more than \(YAMLComposer.maximumNodes) values"), line: line, column: column)
            }
        }

        /// Puts a finished node into the innermost open container, or makes it the root.
        mutating func add(_ node: YAMLNode, counted: Bool = true) throws {
            if counted { try count(line: node.line, column: node.column) }
            guard let top = stack.popLast() else {
                root = node
                return
            }
            switch top {
            case .mapping(var pairs, let pendingKey, var keys, let line, let column):
                if let key = pendingKey {
                    pairs.append((key, node))
                    stack.append(.mapping(pairs: pairs, pendingKey: nil, keys: keys, line: line, column: column))
                } else {
                    if let name = node.text {
                        // Small mappings (all of a network file's but the top) are scanned;
                        // large ones get a set, so a huge mapping stays linear.
                        let seen: Bool
                        if keys == nil, pairs.count < 32 {
                            seen = pairs.contains { $0.key.text == name }
                        } else {
                            if keys == nil { keys = Set(pairs.compactMap { $0.key.text }) }
                            seen = !keys!.insert(name).inserted
                        }
                        if seen { throw Failure(reason: .duplicateKey(name), line: node.line, column: node.column) }
                    }
                    stack.append(.mapping(pairs: pairs, pendingKey: node, keys: keys, line: line, column: column))
                }
            case .sequence(var items, let line, let column):
                items.append(node)
                stack.append(.sequence(items: items, line: line, column: column))
            }
        }
    }

    static func failure(_ parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        return Failure(
            reason: .syntax(problem: problem, context: context,
                            contextLine: Int(parser.context_mark.line) + 1, contextColumn: Int(parser.context_mark.column) + 1),
            line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
    }
}
