import CLibYAML
import Foundation
import SavnetModel

/// Builds a flat `YAMLTree` from libyaml's event stream (Debian's `libyaml-dev`, through
/// pkg-config, as libcmark-gfm is).
///
/// Composing the events directly, instead of through a library's node tree (Yams's
/// `compose`), keeps positions for every value at a quarter of the CPU time (measured on
/// national-scale content: 0.8 s against 3.3 s for 8,210 front matters), and makes the
/// loader bounded: aliases are refused (no alias bombs), nesting and node counts are
/// limited, and a duplicate key is reported at its second occurrence. Rows, children
/// and text go into three arrays rather than a tree of enums (see `YAMLTree`).
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

    /// The document's tree, nil for an empty document.
    static func compose(_ text: String) throws -> YAMLTree? {
        var text = text
        if text.isEmpty { return nil }
        // libyaml reads the text's own bytes (it copies them into its buffer as it goes).
        return try text.withUTF8 { buffer in
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
            guard builder.hasRoot else { return nil }
            return YAMLTree(rows: builder.rows, children: builder.children, bytes: builder.bytes.takeBytes())
        }
    }
}

private extension YAMLComposer {
    /// Rows in document order (the root first), the open mappings and lists, innermost
    /// last, and the finished children of each, waiting in `pending` until it closes.
    struct Builder: ~Copyable {
        struct Open {
            var row: Int
            /// Where this container's children start in `pending`.
            var first: Int
            var isMapping: Bool
            /// A large mapping's keys, so that finding a duplicate stays linear.
            var keys: Set<[UInt8]>?
        }

        var rows: [YAMLTree.Row] = []
        var children: [Int32] = []
        /// The scalars' text, copied out of libyaml's events.
        var bytes = ByteSink(capacity: 8192)
        var stack: [Open] = []
        var pending: [Int32] = []
        var hasRoot = false

        init() {
            rows.reserveCapacity(512)
            children.reserveCapacity(512)
            pending.reserveCapacity(128)
        }

        mutating func handle(_ event: inout yaml_event_t) throws {
            let line = Int(event.start_mark.line) + 1
            let column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_SCALAR_EVENT:
                let data = event.data.scalar
                let start = bytes.count
                if let value = data.value, data.length > 0 {
                    appendNormalized(UnsafeBufferPointer(start: value, count: data.length))
                }
                let shape: YAMLTree.Shape = data.style == YAML_PLAIN_SCALAR_STYLE ? .plainScalar : .quotedScalar
                try add(shape, line: line, column: column, start: start, count: bytes.count - start)
            case YAML_MAPPING_START_EVENT:
                try open(isMapping: true, line: line, column: column)
            case YAML_SEQUENCE_START_EVENT:
                try open(isMapping: false, line: line, column: column)
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                guard let top = stack.popLast() else { return }
                rows[top.row].start = Int32(children.count)
                rows[top.row].count = Int32(pending.count - top.first)
                children.append(contentsOf: pending[top.first...])
                pending.removeSubrange(top.first...)
            case YAML_ALIAS_EVENT:
                throw Failure(reason: .alias, line: line, column: column)
            default:
                break
            }
        }

        /// Copies a scalar's bytes, with Thai SARA AM typed as NIKHAHIT + SARA AA (ํา,
        /// E0 B9 8D E0 B8 B2) written as ำ (E0 B8 B3): it reads the same, so names and
        /// positions typed either way are the same name.
        mutating func appendNormalized(_ value: UnsafeBufferPointer<UInt8>) {
            guard let base = value.baseAddress else { return }
            let count = value.count
            var copied = 0
            // NIKHAHIT ends in 8D, which no other byte of the pair has: memchr finds each
            // candidate, and the five bytes around it decide.
            var from = 2
            while from + 3 < count, let found = memchr(base + from, 0x8D, count - 3 - from) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if base[at - 2] == 0xE0, base[at - 1] == 0xB9, base[at + 1] == 0xE0, base[at + 2] == 0xB8, base[at + 3] == 0xB2 {
                    bytes.append(base + copied, at - 2 - copied)
                    bytes.append(YAMLComposer.saraAm.utf8Start, YAMLComposer.saraAm.utf8CodeUnitCount)
                    copied = at + 4
                    from = at + 6
                } else {
                    from = at + 1
                }
            }
            bytes.append(base + copied, count - copied)
        }

        mutating func open(isMapping: Bool, line: Int, column: Int) throws {
            guard stack.count < YAMLComposer.maximumDepth else {
                throw Failure(reason: .tooLarge("nested more than \(YAMLComposer.maximumDepth) levels deep"), line: line, column: column)
            }
            let row = try add(isMapping ? .mapping : .sequence, line: line, column: column, start: 0, count: 0)
            stack.append(Open(row: row, first: pending.count, isMapping: isMapping))
        }

        /// Adds a node's row and puts it into the innermost open container (a key is
        /// checked against the mapping's other keys first), or makes it the root.
        @discardableResult
        mutating func add(_ shape: YAMLTree.Shape, line: Int, column: Int, start: Int, count: Int) throws -> Int {
            guard rows.count < YAMLComposer.maximumNodes else {
                throw Failure(reason: .tooLarge("more than \(YAMLComposer.maximumNodes) values"), line: line, column: column)
            }
            let row = rows.count
            rows.append(YAMLTree.Row(shape: shape, line: Int32(line), column: Int32(column), start: Int32(start), count: Int32(count)))
            guard !stack.isEmpty else {
                hasRoot = true
                return row
            }
            let top = stack.count - 1
            if stack[top].isMapping, (pending.count - stack[top].first) % 2 == 0, shape.isScalar {
                if isDuplicateKey(start: start, count: count, in: top) {
                    throw Failure(reason: .duplicateKey(String(decoding: bytes.copy(start, count), as: UTF8.self)),
                                  line: line, column: column)
                }
            }
            pending.append(Int32(row))
            return row
        }

        /// Whether the key at `start`, `count` in `bytes` is already a key of the open
        /// mapping `container`. Small mappings (all of a network file's but the top) are
        /// scanned; large ones get a set.
        mutating func isDuplicateKey(start: Int, count: Int, in container: Int) -> Bool {
            let first = stack[container].first
            let keyCount = (pending.count - first) / 2
            if stack[container].keys == nil, keyCount < 32 {
                var index = first
                while index < pending.count {
                    let key = rows[Int(pending[index])]
                    if key.shape.isScalar, Int(key.count) == count,
                       bytes.equal(Int(key.start), start, count: count) {
                        return true
                    }
                    index += 2
                }
                return false
            }
            if stack[container].keys == nil {
                var keys = Set<[UInt8]>()
                var index = first
                while index < pending.count {
                    let key = rows[Int(pending[index])]
                    if key.shape.isScalar {
                        keys.insert(bytes.copy(Int(key.start), Int(key.count)))
                    }
                    index += 2
                }
                stack[container].keys = keys
            }
            return !stack[container].keys!.insert(bytes.copy(start, count)).inserted
        }
    }

    /// SARA AM (U+0E33, E0 B8 B3), its bytes in the binary's constants.
    static let saraAm: StaticString = "\u{0E33}"

    static func failure(_ parser: yaml_parser_t) -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        return Failure(
            reason: .syntax(problem: problem, context: context,
                            contextLine: Int(parser.context_mark.line) + 1, contextColumn: Int(parser.context_mark.column) + 1),
            line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
    }
}
