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

    static let open: [UInt8] = Array("<t-w>".utf8)
    static let close: [UInt8] = Array("</t-w>".utf8)

    /// The page with its Thai words wrapped.
    public static func apply(_ html: String) -> [UInt8] {
        var input = html
        return input.withUTF8 { apply(bytes: $0) }
    }

    static func apply(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        // Everything up to the body is copied as it is.
        guard let bodyStart = find(Array("<body".utf8), in: bytes, from: 0) else {
            out.append(contentsOf: bytes)
            return out
        }
        out.append(contentsOf: bytes[0..<bodyStart])
        var index = bodyStart
        var skipping: [UInt8]?  // the closing tag name we wait for
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x3C {  // <
                let end = (find([0x3E], in: bytes, from: index) ?? (count - 1)) + 1
                let tag = tagName(bytes, index + 1, end)
                if let waiting = skipping {
                    if tag.closing, tag.name == waiting { skipping = nil }
                } else if !tag.closing, !tag.selfClosing, skippedElements.contains(tag.name) {
                    skipping = tag.name
                }
                out.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            if skipping == nil, isThaiLead(bytes, index) {
                var end = index
                var characters: [UInt8] = []  // offsets 0..127 from U+0E00
                while end + 2 < count, isThaiLead(bytes, end) {
                    characters.append(UInt8((Int(bytes[end + 1]) - 0xB8) * 64 + Int(bytes[end + 2]) - 0x80))
                    end += 3
                }
                emit(run: bytes[index..<end], characters: characters, into: &out)
                index = end
                continue
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    /// Elements whose content is never wrapped.
    static let skippedElements: Set<[UInt8]> = Set(
        ["script", "style", "textarea", "option", "svg", "pre", "code", "title", "t-w"].map { Array($0.utf8) })

    /// Whether the bytes at `index` start a character of the Thai block (U+0E00–U+0E7F).
    @inline(__always)
    static func isThaiLead(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index + 2 < bytes.count && bytes[index] == 0xE0 && (bytes[index + 1] == 0xB8 || bytes[index + 1] == 0xB9)
    }

    static func tagName(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (name: [UInt8], closing: Bool, selfClosing: Bool) {
        var index = start
        let closing = index < end && bytes[index] == 0x2F
        if closing { index += 1 }
        var name: [UInt8] = []
        while index < end {
            let byte = bytes[index]
            guard (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            else { break }
            name.append(byte | 0x20)  // lower case; digits and - keep
            index += 1
        }
        let selfClosing = end >= 2 && bytes[end - 2] == 0x2F
        return (name, closing, selfClosing)
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

    /// Writes one run of Thai characters, wrapped as described above.
    static func emit(run: Slice<UnsafeBufferPointer<UInt8>>, characters: [UInt8], into out: inout [UInt8]) {
        let length = characters.count
        if length < shortestWrapped {
            out.append(contentsOf: run)
            return
        }
        if length <= wholeRun {
            out += open
            out.append(contentsOf: run)
            out += close
            return
        }
        let base = run.startIndex
        // Neighbouring short pieces share one element (fewer bytes); a line can still
        // wrap between elements.
        var groups: [Range<Int>] = []
        for piece in Lexicon.shared.pieces(characters) {
            if let last = groups.last, last.count <= wholeRun, piece.count <= wholeRun,
               last.count + piece.count <= joinedPiece {
                groups[groups.count - 1] = last.lowerBound..<piece.upperBound
            } else {
                groups.append(piece)
            }
        }
        for group in groups {
            let bytes = run[(base + group.lowerBound * 3)..<(base + group.upperBound * 3)]
            if group.count >= 2, group.count <= wholeRun {
                out += open
                out.append(contentsOf: bytes)
                out += close
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }
}

/// Words a long run of Thai is cut at: the domain's words, title prefixes and the names
/// of every area in the bundled gazetteer. Held as a trie over characters of the Thai
/// block (offsets from U+0E00).
struct Lexicon: Sendable {
    static let shared = Lexicon(words: domainWords + titlePrefixes + Gazetteer.bundled.allNamesTH,
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

    private var edges: [Int32: Int32] = [:]  // (node << 7 | character) → node
    private var ends: [Bool] = [false]
    private var prefixEnds: Set<Int32> = []
    private var nodes: Int32 = 1

    init(words: [String], prefixes: [String]) {
        for word in words { insert(word, prefix: false) }
        for prefix in prefixes { insert(prefix, prefix: true) }
    }

    private mutating func insert(_ word: String, prefix: Bool) {
        var node: Int32 = 0
        for scalar in word.unicodeScalars {
            guard (0x0E00...0x0E7F).contains(scalar.value) else { return }
            let key = node << 7 | Int32(scalar.value - 0x0E00)
            if let next = edges[key] {
                node = next
            } else {
                edges[key] = nodes
                node = nodes
                nodes += 1
                ends.append(false)
            }
        }
        ends[Int(node)] = true
        if prefix { prefixEnds.insert(node) }
    }

    /// The length of the longest word starting at `start`, and whether it is a title prefix.
    func longestWord(in characters: [UInt8], at start: Int) -> (length: Int, isPrefix: Bool)? {
        var node: Int32 = 0
        var best: (Int, Bool)?
        var index = start
        while index < characters.count, let next = edges[node << 7 | Int32(characters[index])] {
            node = next
            index += 1
            // A word may not end before a mark that belongs to its last letter.
            if ends[Int(node)], index == characters.count || !Self.isMark(characters[index]) {
                best = (index - start, prefixEnds.contains(node))
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
