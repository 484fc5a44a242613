import Foundation

/// One YAML document's nodes, held flat: a row per node, the children of every mapping
/// and list in one array, and the text of every scalar in one byte buffer.
///
/// A front matter has a few hundred values. Held as a tree of enums, each scalar was its
/// own `String` and each mapping and list its own array, made, reference-counted and
/// freed one by one; composing and freeing that tree cost more than libyaml's parsing.
/// Held flat, a document is three allocations, keys are compared as bytes, and a value
/// becomes a `String` only when the decoder reads it.
///
/// The tree owns its buffers; its nodes (`YAMLNode`) only point into them, so that
/// reading a value counts no references (when each node held the tree, retaining and
/// releasing it was a third of the decoder's time). Nodes are therefore read inside
/// `withRoot`, while the tree lives, and never kept past it.
final class YAMLTree {
    enum Shape: UInt8 {
        case plainScalar, quotedScalar, mapping, sequence

        var isScalar: Bool { self == .plainScalar || self == .quotedScalar }
    }

    /// One node: its shape, where it starts (1-based line, code-point column), and its
    /// part of `bytes` (a scalar) or of `children` (a mapping: key, value, key, value…).
    struct Row {
        var shape: Shape
        var line: Int32
        var column: Int32
        var start: Int32
        var count: Int32
    }

    /// The three buffers, in one place the nodes point to.
    private let buffers: UnsafeMutablePointer<YAMLView.Buffers>

    /// A tree of the rows and children (copied) and the scalars' bytes, whose buffer the
    /// tree takes over (allocated with `UnsafeMutablePointer.allocate`).
    init(rows: [Row], children: [Int32], bytes: UnsafeMutableBufferPointer<UInt8>) {
        func copy<Element>(_ source: UnsafeBufferPointer<Element>) -> UnsafeBufferPointer<Element> {
            let target = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(source.count, 1))
            if let base = source.baseAddress { target.baseAddress!.initialize(from: base, count: source.count) }
            return UnsafeBufferPointer(start: target.baseAddress, count: source.count)
        }
        buffers = .allocate(capacity: 1)
        buffers.initialize(to: YAMLView.Buffers(rows: rows.withUnsafeBufferPointer(copy), children: children.withUnsafeBufferPointer(copy),
                                                bytes: UnsafeBufferPointer(bytes)))
    }

    deinit {
        UnsafeMutableRawPointer(mutating: buffers.pointee.rows.baseAddress!).deallocate()
        UnsafeMutableRawPointer(mutating: buffers.pointee.children.baseAddress!).deallocate()
        UnsafeMutableRawPointer(mutating: buffers.pointee.bytes.baseAddress!).deallocate()
        buffers.deinitialize(count: 1)
        buffers.deallocate()
    }

    /// `body` applied to the root node (the first row), with the tree kept alive until it
    /// returns. Nodes must not be kept past `body`.
    func withRoot<Result>(_ body: (YAMLNode) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(YAMLNode(tree: YAMLView(buffers: UnsafePointer(buffers)), index: 0)) }
    }

    /// A tree with no nodes, alive as long as the process: what an empty list points to.
    fileprivate static let empty = YAMLTree(rows: [], children: [], bytes: UnsafeMutableBufferPointer(start: .allocate(capacity: 1), count: 0))
    fileprivate static let emptyView = YAMLView(buffers: UnsafePointer(empty.buffers))
}

/// A document's buffers as its nodes read them: a pointer to the rows, children and
/// bytes that a `YAMLTree` owns, valid while it lives. Copying it counts no references.
struct YAMLView {
    struct Buffers {
        let rows: UnsafeBufferPointer<YAMLTree.Row>
        let children: UnsafeBufferPointer<Int32>
        let bytes: UnsafeBufferPointer<UInt8>
    }

    let buffers: UnsafePointer<Buffers>

    /// Every node, in document order (the root first).
    var rows: UnsafeBufferPointer<YAMLTree.Row> { buffers.pointee.rows }
    /// The children of every mapping and list, each container's in one run.
    var children: UnsafeBufferPointer<Int32> { buffers.pointee.children }
    /// The scalars' text.
    var bytes: UnsafeBufferPointer<UInt8> { buffers.pointee.bytes }

    /// Whether the scalar at `row` holds exactly `text`'s bytes.
    @inline(__always)
    func scalar(_ row: Int, equals text: String) -> Bool {
        var text = text
        return text.withUTF8 { wanted in scalar(row, equals: wanted) }
    }

    @inline(__always)
    private func scalar(_ row: Int, equals wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = rows[row]
        guard entry.shape.isScalar, Int(entry.count) == wanted.count else { return false }
        return wanted.isEmpty || memcmp(bytes.baseAddress! + Int(entry.start), wanted.baseAddress!, wanted.count) == 0
    }

    /// The child position (in `children`) of the key `key` of the mapping whose pairs
    /// start at `start`, if it has that key. One pass over the keys' lengths and bytes.
    func position(ofKey key: String, start: Int, pairs: Int) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            var position = start
            let end = start + 2 * pairs
            while position < end {
                if scalar(Int(children[position]), equals: wanted) { return position }
                position += 2
            }
            return nil
        }
    }

    /// Whether the node at `row` is YAML's null: a plain scalar that is empty, `~`, `null`,
    /// `Null` or `NULL` (read from the bytes: every value of a document is asked).
    func isNull(_ row: Int) -> Bool {
        let entry = rows[row]
        guard entry.shape == .plainScalar else { return false }
        switch entry.count {
        case 0: return true
        case 1: return bytes[Int(entry.start)] == 0x7E  // ~
        case 4:
            let start = Int(entry.start)
            let (n, u, l1, l2) = (bytes[start], bytes[start + 1], bytes[start + 2], bytes[start + 3])
            if n == 0x6E { return u == 0x75 && l1 == 0x6C && l2 == 0x6C }  // null
            guard n == 0x4E else { return false }
            return (u == 0x75 && l1 == 0x6C && l2 == 0x6C) || (u == 0x55 && l1 == 0x4C && l2 == 0x4C)  // Null, NULL
        default: return false
        }
    }

    /// Whether the scalar at `row` is one of `texts`.
    func scalar(_ row: Int, isOneOf texts: [String]) -> Bool {
        let entry = rows[row]
        guard entry.shape.isScalar else { return false }
        for text in texts where text.utf8.count == Int(entry.count) && scalar(row, equals: text) { return true }
        return false
    }

    /// The scalar's bytes at `row`.
    func scalarBytes(_ row: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = rows[row]
        return UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.start + entry.count)])
    }

    /// The scalar's text at `row` without spaces around it, as `NodeReader.trimmed`
    /// gives, deciding from the bytes whether trimming is needed at all (plain scalars
    /// arrive trimmed; only a value whose first or last character may be a space of
    /// some kind goes through `trimmed`); shared through `interner` with an equal string
    /// made before, when there is one.
    func trimmedString(_ row: Int, interner: StringInterner) -> String {
        let bytes = scalarBytes(row)
        return NodeReader.mayNeedTrimming(bytes) ? NodeReader.trimmed(string(row)) : interner.string(bytes)
    }

    /// The scalar's text at `row`.
    func string(_ row: Int) -> String {
        String(decoding: scalarBytes(row), as: UTF8.self)
    }
}

/// A YAML node as savnet reads it: text, mapping or list, with the 1-based line and
/// code-point column where it starts (within the YAML text). A position in a `YAMLTree`,
/// valid inside the tree's `withRoot`.
struct YAMLNode {
    enum Kind {
        /// A scalar's text, and whether it was written plain (unquoted), which decides
        /// whether `~`, `null` or nothing mean "no value".
        case scalar(String, plain: Bool)
        /// Key–value pairs in file order.
        case mapping([(key: YAMLNode, value: YAMLNode)])
        /// Items in file order.
        case sequence([YAMLNode])
    }

    let tree: YAMLView
    let index: Int

    private var row: YAMLTree.Row { tree.rows[index] }

    var line: Int { Int(row.line) }
    var column: Int { Int(row.column) }
    var isScalar: Bool { row.shape.isScalar }
    var isPlainScalar: Bool { row.shape == .plainScalar }
    var isMapping: Bool { row.shape == .mapping }
    var isSequence: Bool { row.shape == .sequence }

    /// The node's shape, with its text or children: for walks over the whole tree (the
    /// formatter's). Readers of single values use `text`, `pairs` and `items`.
    var kind: Kind {
        switch row.shape {
        case .plainScalar: return .scalar(tree.string(index), plain: true)
        case .quotedScalar: return .scalar(tree.string(index), plain: false)
        case .mapping: return .mapping(pairs.map { ($0.key, $0.value) })
        case .sequence: return .sequence(Array(items))
        }
    }

    /// The scalar's text, if this is a scalar.
    var text: String? { isScalar ? tree.string(index) : nil }

    /// The value of `key` in this mapping, if it has that key.
    func value(forKey key: String) -> YAMLNode? {
        guard isMapping, let position = tree.position(ofKey: key, start: Int(row.start), pairs: Int(row.count) / 2) else { return nil }
        return YAMLNode(tree: tree, index: Int(tree.children[position + 1]))
    }

    /// The key node `key` of this mapping, if it has that key.
    func keyNode(_ key: String) -> YAMLNode? {
        guard isMapping, let position = tree.position(ofKey: key, start: Int(row.start), pairs: Int(row.count) / 2) else { return nil }
        return YAMLNode(tree: tree, index: Int(tree.children[position]))
    }

    /// A list's items (none for a scalar or mapping).
    var items: Items { Items(tree: tree, start: Int(row.start), count: isSequence ? Int(row.count) : 0) }

    /// A mapping's key–value pairs in file order (none for a scalar or list).
    var pairs: Pairs { Pairs(tree: tree, start: Int(row.start), count: isMapping ? Int(row.count) / 2 : 0) }

    struct Items: RandomAccessCollection {
        let tree: YAMLView
        let start: Int
        let count: Int
        /// No items.
        static let empty = Items(tree: YAMLTree.emptyView, start: 0, count: 0)
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(position: Int) -> YAMLNode { YAMLNode(tree: tree, index: Int(tree.children[start + position])) }
    }

    struct Pairs: RandomAccessCollection {
        let tree: YAMLView
        let start: Int
        let count: Int
        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
            (YAMLNode(tree: tree, index: Int(tree.children[start + 2 * position])),
             YAMLNode(tree: tree, index: Int(tree.children[start + 2 * position + 1])))
        }
    }
}
