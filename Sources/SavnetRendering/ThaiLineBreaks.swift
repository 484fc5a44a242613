import Foundation
import SavnetModel

/// Keeps Thai words whole where lines wrap.
///
/// Thai is written without spaces between words, and browsers find places to wrap it
/// with a dictionary that knows neither people's names nor area names nor many of the
/// domain's compounds: พะ|แสง, นางสาวอ|รุณี, เครือ|ข่าย. This pass runs over a rendered
/// page and wraps Thai text in `<t-w>` elements, which the theme's CSS keeps on one line
/// (`white-space: nowrap`); a line can still wrap between two of them.
///
/// - A run of Thai letters of up to `wholeRun` characters (a name, a surname, an area
///   name, a short phrase between spaces) is kept whole.
/// - A longer run is cut at the words of `Lexicon` (domain words, title prefixes and every
///   area name of the gazetteer) and the pieces between them; each piece is kept whole
///   when it is short enough, and a title prefix stays with the name after it. A piece
///   longer than `wholeRun` is left to the browser.
///
/// Only text inside `<body>` is touched, never tags, attribute values, or the content of
/// `script`, `style`, `textarea`, `option`, `svg`, `pre`, `code` and `title`.
public enum ThaiLineBreaks {
    /// The longest run (in characters) kept on one line: about 11 rem at body size,
    /// narrower than a 320 px phone's text column.
    static let wholeRun = 18
    /// Neighbouring pieces of a long run are joined up to this length.
    static let joinedPiece = 14
    /// Shorter runs cannot usefully be broken and are left bare.
    static let shortestWrapped = 4

    static let open: StaticString = "<t-w>"
    static let close: StaticString = "</t-w>"

    /// Appends `tag` (a static string: no reference to count, unlike an array).
    @inline(__always)
    static func append(_ tag: StaticString, to out: inout ByteSink) {
        out.append(tag.utf8Start, tag.utf8CodeUnitCount)
    }

    /// Builds the lexicon now (about 20 ms, once per process), so that a build can do it
    /// on another core while it reads the content, not when the first page renders.
    public static func prepare() { _ = Lexicon.shared }

    /// The page with its Thai words wrapped.
    public static func apply(_ html: String) -> [UInt8] {
        var input = html
        return input.withUTF8 { apply(bytes: $0) }
    }

    static func apply(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // A page without a body is left as it is.
        guard let bodyStart = find(Array("<body".utf8), in: bytes, from: 0) else { return Array(bytes) }
        var out = ByteSink(capacity: bytes.count + bytes.count / 2)
        // Everything up to the body goes out as it is. What goes out unchanged is copied
        // only when something must be inserted (and at the end), in as few pieces as there
        // are wrapped runs: `copied` is how far `out` has caught up with the input.
        var copied = 0
        var index = bodyStart
        var skipping: Int?  // the element (index in `skippedElements`) whose end we wait for
        var characters: [UInt8] = []  // offsets from U+0E00 of the current Thai run
        characters.reserveCapacity(256)
        let count = bytes.count
        let base = bytes.baseAddress!
        while index < count {
            // Plain text up to the next tag or Thai letter goes out as it is.
            while index < count, base[index] != 0x3C, base[index] != 0xE0 { index += 1 }
            guard index < count else { break }
            if base[index] == 0x3C {  // <
                // The tag ends after the next `>` (or the page does).
                var close = count
                if index + 1 < count, let found = memchr(base + index + 1, 0x3E, count - index - 1) {
                    close = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                }
                if let waiting = skipping {
                    if Self.names(bytes, index, close, skippedElements[waiting], closing: true) { skipping = nil }
                } else if bytes[close - 2] != 0x2F, index + 1 < count, Self.mayOpenSkipped(base[index + 1]) {  // not <…/>
                    skipping = skippedElements.firstIndex { Self.names(bytes, index, close, $0, closing: false) }
                }
                index = close
                continue
            }
            guard skipping == nil, isThaiLead(bytes, index) else {
                index += 1
                continue
            }
            var end = index + 3
            while isThaiLead(bytes, end) { end += 3 }
            let length = (end - index) / 3
            // A short run goes out as it is, with the text around it; a run short enough
            // to keep whole is wrapped without looking at its letters.
            if length >= shortestWrapped {
                if copied < index { out.append(bytes[copied..<index]) }
                if length <= wholeRun {
                    append(open, to: &out)
                    out.append(bytes[index..<end])
                    append(close, to: &out)
                } else {
                    characters.removeAll(keepingCapacity: true)
                    var at = index
                    while at < end {
                        characters.append(UInt8((Int(base[at + 1]) &- 0xB8) &* 64 &+ Int(base[at + 2]) &- 0x80))
                        at += 3
                    }
                    emitCut(run: bytes[index..<end], characters: characters, into: &out)
                }
                copied = end
            }
            index = end
        }
        if copied < count { out.append(bytes[copied..<count]) }
        return out.bytes()
    }

    /// Whether a tag whose name starts with `letter` may be one of `skippedElements`
    /// (their first letters: s, t, o, p, c), so that most tags are passed at a glance.
    @inline(__always)
    static func mayOpenSkipped(_ letter: UInt8) -> Bool {
        switch letter | 0x20 {
        case 0x73, 0x74, 0x6F, 0x70, 0x63: return true
        default: return false
        }
    }

    /// Elements whose content is never wrapped.
    static let skippedElements: [[UInt8]] =
        ["script", "style", "textarea", "option", "svg", "pre", "code", "title", "t-w"].map { Array($0.utf8) }

    /// Whether the tag in `bytes[start..<end]` (from `<` to after `>`) opens, or with
    /// `closing` closes, the element `name` (ASCII, lower case; the tag in any case).
    static func names(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ name: [UInt8], closing: Bool) -> Bool {
        var index = start + 1
        if closing {
            guard index < end, bytes[index] == 0x2F else { return false }
            index += 1
        }
        guard index + name.count < end else { return false }
        for letter in name {
            guard bytes[index] | 0x20 == letter else { return false }
            index += 1
        }
        // The name ends there: `>`, a space or `/` follows, not more letters.
        let next = bytes[index]
        return next == 0x3E || next == 0x20 || next == 0x2F || next == 0x09 || next == 0x0A
    }

    /// Whether the bytes at `index` start a character of the Thai block (U+0E00–U+0E7F).
    @inline(__always)
    static func isThaiLead(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE0 && (bytes[index + 1] == 0xB8 || bytes[index + 1] == 0xB9)
    }

    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// Writes a run longer than `wholeRun`, cut into the groups described above
    /// (`apply` writes shorter runs itself, without their letters).
    static func emitCut(run: Slice<UnsafeBufferPointer<UInt8>>, characters: [UInt8], into out: inout ByteSink) {
        let base = run.startIndex
        for group in GroupMemo.shared.groups(characters) {
            let bytes = run[(base + group.lowerBound * 3)..<(base + group.upperBound * 3)]
            if group.count >= 2, group.count <= wholeRun {
                append(open, to: &out)
                out.append(bytes)
                append(close, to: &out)
            } else {
                out.append(bytes)
            }
        }
    }
}

/// The groups a long run is written in: the lexicon's pieces, neighbouring short pieces
/// sharing one element (fewer bytes; a line can still wrap between elements).
func lineBreakGroups(_ characters: [UInt8]) -> [Range<Int>] {
    var groups: [Range<Int>] = []
    for piece in Lexicon.shared.pieces(characters) {
        if let last = groups.last, last.count <= ThaiLineBreaks.wholeRun, piece.count <= ThaiLineBreaks.wholeRun,
           last.count + piece.count <= ThaiLineBreaks.joinedPiece {
            groups[groups.count - 1] = last.lowerBound..<piece.upperBound
        } else {
            groups.append(piece)
        }
    }
    return groups
}

/// `lineBreakGroups` remembered by run: the same long runs (the site's own phrases,
/// area names in headings) come back on thousands of pages, and cutting a run at the
/// lexicon's words costs far more than finding it again. Shared by the threads that
/// render pages; bounded, so that a site of unusual text cannot make it grow without end.
final class GroupMemo: @unchecked Sendable {
    static let shared = GroupMemo()
    static let capacity = 200_000

    /// The table in parts, each with its own lock, chosen by the run's length and ends:
    /// the threads rendering pages look up the same phrases at once, and one lock made
    /// them wait for each other.
    private final class Shard: @unchecked Sendable {
        let lock = NSLock()
        var groups: [ByteKey: [Range<Int>]] = [:]
    }

    private static let shardCount = 16
    private let shards = (0..<GroupMemo.shardCount).map { _ in Shard() }

    func groups(_ characters: [UInt8]) -> [Range<Int>] {
        let run = ByteKey(bytes: characters)
        let pick = (characters.count &* 31 &+ Int(characters.first ?? 0) &* 7 &+ Int(characters.last ?? 0)) % Self.shardCount
        let shard = shards[pick]
        shard.lock.lock()
        let known = shard.groups[run]
        shard.lock.unlock()
        if let known { return known }
        let found = lineBreakGroups(characters)
        shard.lock.lock()
        if shard.groups.count < Self.capacity / Self.shardCount { shard.groups[run] = found }
        shard.lock.unlock()
        return found
    }
}

/// Words a long run of Thai is cut at: the domain's words, title prefixes and the names
/// of every area in the bundled gazetteer. Held as a trie over characters of the Thai
/// block (offsets from U+0E00).
struct Lexicon: Sendable {
    static let shared = Lexicon(words: domainWords + titlePrefixes + Gazetteer.bundled.namesTH,
                                prefixes: titlePrefixes)

    /// Words of the regulations, the templates and the site.
    static let domainWords = [
        "เครือข่าย", "กลุ่ม", "ออมทรัพย์", "เพื่อ", "การผลิต", "ผลิต", "ระดับ", "ตำบล", "อำเภอ", "จังหวัด", "ประเทศ",
        "คณะกรรมการ", "กรรมการ", "ประธาน", "รองประธาน", "เลขานุการ", "ผู้ช่วย", "เหรัญญิก", "นายทะเบียน", "ปฏิคม",
        "ประชาสัมพันธ์", "ที่ปรึกษา", "ผู้แทน", "ผู้ตรวจสอบ", "คำสั่ง", "แต่งตั้ง", "ระเบียบ", "แผน", "ขับเคลื่อน",
        "ข้อมูล", "สมาชิก", "สัจจะ", "สะสม", "เงินทุน", "เงิน", "บัญชี", "ธนาคาร", "การเงิน", "รายงาน", "รายชื่อ",
        "วาระ", "ดำรงตำแหน่ง", "ตำแหน่ง", "หมู่บ้าน", "หมู่ที่", "ชุมชน", "พัฒนาชุมชน", "สำนักงาน", "กรมการพัฒนาชุมชน",
        "ส่งเสริม", "การดำเนินงาน", "ดำเนินงาน", "ทำเนียบ", "ประกาศ", "ลงวันที่", "ลงนาม", "ผู้มีอำนาจ", "เอกสาร",
        "งบประมาณ", "ปีงบประมาณ", "กิจกรรม", "ตัวชี้วัด", "ผู้รับผิดชอบ", "สถานะ", "ครบวาระ", "ใกล้ครบวาระ",
        "ยังไม่มี", "ทั้งประเทศ", "ประเทศไทย", "กรุงเทพมหานคร", "ค้นหา", "หน้าแรก", "ติดต่อ", "โทรศัพท์",
    ]
    /// Honorifics that stay on the line of the name after them.
    static let titlePrefixes = ["นางสาว", "นาง", "นาย", "ว่าที่ร้อยตรี", "ดร"]

    /// The trie, built as a dictionary and then packed: the root's children in a table by
    /// character, every other node's children in one sorted run of `labels`/`targets`
    /// from `firstEdge[node]` to `firstEdge[node + 1]` (a node has few).
    private let rootChildren: [Int32]
    private let firstEdge: [Int32]
    private let labels: [UInt8]
    private let targets: [Int32]
    private let ends: [Bool]
    private let prefixEnds: [Bool]

    init(words: [String], prefixes: [String]) {
        var edges: [Int32: Int32] = [:]  // (node << 7 | character) → node
        var ends: [Bool] = [false]
        var prefixNodes: Set<Int32> = []
        func insert(_ word: String, prefix: Bool) {
            var node: Int32 = 0
            for scalar in word.unicodeScalars {
                guard (0x0E00...0x0E7F).contains(scalar.value) else { return }
                let key = node << 7 | Int32(scalar.value - 0x0E00)
                if let next = edges[key] {
                    node = next
                } else {
                    node = Int32(ends.count)
                    edges[key] = node
                    ends.append(false)
                }
            }
            ends[Int(node)] = true
            if prefix { prefixNodes.insert(node) }
        }
        for word in words { insert(word, prefix: false) }
        for prefix in prefixes { insert(prefix, prefix: true) }
        var root = [Int32](repeating: -1, count: 128)
        var byNode = [[(UInt8, Int32)]](repeating: [], count: ends.count)
        for (key, target) in edges {
            let node = Int(key >> 7), label = UInt8(key & 127)
            if node == 0 { root[Int(label)] = target } else { byNode[node].append((label, target)) }
        }
        var firstEdge: [Int32] = [0]
        var labels: [UInt8] = []
        var targets: [Int32] = []
        for children in byNode {
            for (label, target) in children.sorted(by: { $0.0 < $1.0 }) {
                labels.append(label)
                targets.append(target)
            }
            firstEdge.append(Int32(labels.count))
        }
        rootChildren = root
        self.firstEdge = firstEdge
        self.labels = labels
        self.targets = targets
        self.ends = ends
        prefixEnds = (0..<Int32(ends.count)).map(prefixNodes.contains)
    }

    @inline(__always)
    private func child(of node: Int32, _ label: UInt8) -> Int32? {
        if node == 0 {
            let target = rootChildren[Int(label & 127)]
            return target < 0 ? nil : target
        }
        var edge = Int(firstEdge[Int(node)])
        let last = Int(firstEdge[Int(node) + 1])
        while edge < last {
            if labels[edge] == label { return targets[edge] }
            if labels[edge] > label { return nil }
            edge += 1
        }
        return nil
    }

    /// The length of the longest word starting at `start`, and whether it is a title prefix.
    func longestWord(in characters: [UInt8], at start: Int) -> (length: Int, isPrefix: Bool)? {
        var node: Int32 = 0
        var best: (Int, Bool)?
        var index = start
        while index < characters.count, let next = child(of: node, characters[index]) {
            node = next
            index += 1
            // A word may not end before a mark that belongs to its last letter.
            if ends[Int(node)], index == characters.count || !Self.isMark(characters[index]) {
                best = (index - start, prefixEnds[Int(node)])
            }
        }
        return best
    }

    /// The pieces a run of characters is cut into: words of the lexicon and the stretches
    /// between them, a title prefix joined to the piece after it.
    func pieces(_ characters: [UInt8]) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var unknownStart: Int?
        var gluePrefix = false
        var index = 0
        func add(_ range: Range<Int>) {
            if gluePrefix, let last = pieces.popLast() {
                pieces.append(last.lowerBound..<range.upperBound)
                gluePrefix = false
            } else {
                pieces.append(range)
            }
        }
        while index < characters.count {
            // A word cannot start after a leading vowel (เ แ โ ใ ไ) that belongs to it.
            let afterLeadingVowel = index > 0 && (0x40...0x44).contains(characters[index - 1])
            if !afterLeadingVowel, !Self.isMark(characters[index]), let word = longestWord(in: characters, at: index) {
                if let start = unknownStart {
                    add(start..<index)
                    unknownStart = nil
                }
                add(index..<(index + word.length))
                gluePrefix = word.isPrefix
                index += word.length
            } else {
                if unknownStart == nil { unknownStart = index }
                index += 1
            }
        }
        if let start = unknownStart { add(start..<characters.count) }
        return pieces
    }

    /// Vowel signs and tone marks written above or below a letter (they never start a word).
    static func isMark(_ character: UInt8) -> Bool {
        character == 0x31 || (0x34...0x3A).contains(character) || (0x47...0x4E).contains(character)
    }
}
