import Dispatch
import Foundation
import SavnetModel

/// The site's own search index, written from the directory's structured data rather than
/// by crawling pages: every name a reader would type (an area with or without its
/// ตำบล/อำเภอ/จังหวัด, a network, a person's full name, given name or surname, a group)
/// leads to the page that is about it.
///
/// Files, under `search/`:
/// - `meta.json`: the number of term buckets, the chunk size of the documents, the count;
/// - `t/<bucket>.json`: terms whose FNV-1a hash falls in the bucket, each with its
///   postings `[document, weight]`, best first (at most `maximumPostings`, then `n`, the
///   full count);
/// - `d/<chunk>.json`: the documents `[title, url, place]` in chunks of `chunkSize`.
///
/// A query normalises its text exactly as `normalize` does (search.js mirrors it), looks
/// up the whole text as one term, then each word, so it fetches one bucket a word and the
/// chunks of the few documents it shows. Everything is computed from the directory, so a
/// clean build and an incremental one write the same bytes, and after an edit only the
/// buckets and chunks whose bytes changed are written.
struct SearchIndex {
    let site: SiteContext

    /// Documents a chunk holds.
    static let chunkSize = 64
    /// Postings kept for one term (the rest are counted).
    static let maximumPostings = 50

    /// The searchable pages: each published network's page, and the pages of provinces and
    /// districts that have networks below them. Empty areas are left out.
    struct Document {
        var title: String
        var url: String
        var place: String
        var terms: [([UInt8], Int)]
    }

    func files() -> [OutputFile] {
        let started = DispatchTime.now()
        let documents = self.documents()
        let documented = DispatchTime.now()
        // Term occurrences go to their bucket first; each bucket is then put together on
        // its own (on every core): small tables, no shared state.
        let occurrences = documents.reduce(0) { $0 + $1.terms.count }
        var buckets = 16
        while buckets * Self.occurrencesPerBucket < occurrences { buckets *= 2 }
        var parts: [[(term: [UInt8], document: Int32, weight: Int32)]] = Array(repeating: [], count: buckets)
        for (index, document) in documents.enumerated() {
            for (term, weight) in document.terms where !term.isEmpty {
                parts[Int(Self.hash(term) % UInt32(buckets))].append((term, Int32(index), Int32(weight)))
            }
        }
        let partitioned = DispatchTime.now()
        let encoded = ParallelMap.map(parts) { Self.bucket($0) }
        if ProcessInfo.processInfo.environment["SAVNET_TIMINGS"] == "1" {
            let now = DispatchTime.now()
            func ms(_ a: DispatchTime, _ b: DispatchTime) -> UInt64 { (b.uptimeNanoseconds - a.uptimeNanoseconds) / 1_000_000 }
            FileHandle.standardError.write(Data("search index: documents \(ms(started, documented)) ms, partition \(ms(documented, partitioned)) ms, buckets \(ms(partitioned, now)) ms\n".utf8))
        }
        var files: [OutputFile] = []
        files.reserveCapacity(buckets + documents.count / Self.chunkSize + 2)
        files.append(OutputFile(path: "search/meta.json", text: "{\"buckets\":\(buckets),\"chunk\":\(Self.chunkSize),\"documents\":\(documents.count),\"version\":1}\n"))
        for (bucket, bytes) in encoded.enumerated() { files.append(OutputFile(path: "search/t/\(bucket).json", bytes: bytes)) }
        var chunk = 0
        while chunk * Self.chunkSize < max(documents.count, 1) {
            var json = JSONWriter(capacity: Self.chunkSize * 200)
            json.beginArray()
            for document in documents.dropFirst(chunk * Self.chunkSize).prefix(Self.chunkSize) {
                json.beginArray()
                json.string(document.title)
                json.string(document.url)
                json.string(document.place)
                json.endArray()
            }
            json.endArray()
            json.append(0x0A)
            files.append(OutputFile(path: "search/d/\(chunk).json", bytes: json.bytes))
            chunk += 1
        }
        return files
    }

    /// Term occurrences a bucket aims at (a bucket file is then about 6 KB).
    static let occurrencesPerBucket = 200

    /// One bucket's file: its terms in byte order, each with its postings, best first
    /// (a document once, with its best weight), at most `maximumPostings`, then the count.
    static func bucket(_ occurrences: [(term: [UInt8], document: Int32, weight: Int32)]) -> [UInt8] {
        // Sorted by term, then document: each term's occurrences are one run.
        let sorted = occurrences.sorted {
            $0.term != $1.term ? $0.term.lexicographicallyPrecedes($1.term) : $0.document < $1.document
        }
        var bytes: [UInt8] = [0x7B]
        func string(_ text: [UInt8]) {
            bytes.append(0x22)
            JSONWriter.escape(text, into: &bytes)
            bytes.append(0x22)
        }
        var start = 0
        var postings: [(document: Int32, weight: Int32)] = []
        while start < sorted.count {
            let term = sorted[start].term
            postings.removeAll(keepingCapacity: true)
            var end = start
            while end < sorted.count, sorted[end].term == term {
                let occurrence = sorted[end]
                if let last = postings.last, last.document == occurrence.document {
                    postings[postings.count - 1].weight = max(last.weight, occurrence.weight)
                } else {
                    postings.append((occurrence.document, occurrence.weight))
                }
                end += 1
            }
            postings.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.document < $1.document }
            if start > 0 { bytes.append(0x2C) }
            string(term)
            bytes += Array(":{\"p\":[".utf8)
            for (index, posting) in postings.prefix(maximumPostings).enumerated() {
                if index > 0 { bytes.append(0x2C) }
                bytes.append(0x5B)
                bytes += Array("\(posting.document),\(posting.weight)".utf8)
                bytes.append(0x5D)
            }
            bytes.append(0x5D)
            if postings.count > maximumPostings {
                bytes += Array(",\"n\":".utf8)
                bytes += Array(String(postings.count).utf8)
            }
            bytes.append(0x7D)
            start = end
        }
        bytes += [0x7D, 0x0A]
        return bytes
    }

    /// The documents, in area-code order.
    func documents() -> [Document] {
        let gazetteer = site.gazetteer
        var codes = Set(site.directory.networkCodes)
        // Provinces and districts above a network have a page worth finding.
        for code in site.directory.networkCodes {
            for above in AreaCode(unchecked: code).lineage.dropFirst() where above.level >= .province { codes.insert(above.value) }
        }
        return ParallelMap.map(codes.sorted()) { code -> Document? in
            guard let area = gazetteer.area(code), !code.isEmpty, site.pageExists(.area(area)) else { return nil }
            let network = site.publishedNetwork(area)
            var terms: [([UInt8], Int)] = []
            func add(_ text: String, _ weight: Int) { terms.append((Self.normalizedBytes(text), weight)) }
            add(area.nameTH, 100)
            add(area.qualifiedNameTH, 100)
            add(area.nameEN, 100)
            if area.level == .district, ThaiText.hasPrefix(area.nameTH, "เมือง") { add(String(area.nameTH.dropFirst(5)), 40) }
            // The short forms: จ.สุราษฎร์ธานี, อ.บ้านตาขุน, ต.เขาวง (the dot is dropped with the rest).
            switch area.level {
            case .province: add("จ." + area.nameTH, 100)
            case .district: add("อ." + area.nameTH, 100)
            case .subdistrict: add("ต." + area.nameTH, 100)
            case .national: break
            }
            let title = network?.displayName(area: area) ?? area.qualifiedNameTH
            if let network {
                add(title, 95)
                for member in network.committee {
                    // A person on two committees (a district chair sits on the province's)
                    // finds first the one where they hold the higher post.
                    let rank = member.position.map { Position.allCases.count - Position.allCases.firstIndex(of: $0)! } ?? 0
                    // With its title (นาย…) the name is looked up again without it (search.js).
                    let name = member.name.value
                    add(name, 70 + rank)
                    let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
                    if words.count > 1 { for word in words { add(word, 40 + rank) } }
                }
                // A position alone (เหรัญญิก) lists networks, the country's first; so do the
                // domain's own words.
                for position in Set(network.committee.compactMap(\.position)) { terms.append((Self.positionTerms[position]!, 5)) }
                terms += Self.domainWords.map { ($0, 1) }
                for advisor in network.advisors { add(advisor.name.value, 30) }
                for group in network.groups {
                    if let name = group.name?.value { add(name, 60) }
                }
            }
            let place = gazetteer.path(to: code).filter { !$0.code.isEmpty }.reversed().map(\.qualifiedNameTH).joined(separator: " › ")
            return Document(title: title, url: SitePaths.folder(code), place: place, terms: terms)
        }.compactMap { $0 }
    }

    /// The positions' names, normalised once.
    static let positionTerms: [Position: [UInt8]] = Dictionary(uniqueKeysWithValues: Position.allCases.map { ($0, normalizedBytes($0.thaiName)) })
    /// The domain's own words, which every network's page is about.
    static let domainWords = ["เครือข่าย", "เครือข่ายกลุ่มออมทรัพย์เพื่อการผลิต"].map { normalizedBytes($0) }

    /// Text as the index compares it: canonical composition, lower case, Thai digits as
    /// Arabic, SARA AM as one letter, and no spaces, dots, hyphens or invisible marks.
    /// search.js does exactly the same to what a reader types.
    static func normalize(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        var previous: Unicode.Scalar?
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2E, 0x2D, 0x27, 0x2019: continue
            case 0x0E50...0x0E59: scalars.append(Unicode.Scalar(scalar.value - 0x0E50 + 0x30)!)
            case 0x0E32 where previous?.value == 0x0E4D:
                // NIKHAHIT + SARA AA, as some keyboards type SARA AM.
                scalars[scalars.count - 1] = Unicode.Scalar(0x0E33)!
            default: scalars.append(scalar)
            }
            previous = scalar
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// `normalize(text)` as UTF-8, computed without Foundation for the names savnet
    /// indexes (ASCII and Thai); anything else takes `normalize`.
    static func normalizedBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x20, 0x09, 0x0A, 0x0D, 0x2E, 0x2D, 0x27: break
            case 0x41...0x5A: bytes.append(UInt8(value + 0x20))
            case 0x00...0x7F: bytes.append(UInt8(value))
            case 0x0E50...0x0E59: bytes.append(UInt8(value - 0x0E50 + 0x30))
            case 0x0E32 where previous == 0x0E4D:
                // NIKHAHIT + SARA AA, as some keyboards type SARA AM: E0 B9 8D → E0 B8 B3.
                bytes.removeLast(3)
                bytes += [0xE0, 0xB8, 0xB3]
            case 0x0E01...0x0E4F, 0x0E5A...0x0E7F:
                bytes += [UInt8(0xE0 | (value >> 12)), UInt8(0x80 | ((value >> 6) & 0x3F)), UInt8(0x80 | (value & 0x3F))]
            default:
                return Array(normalize(text).utf8)
            }
            previous = value
        }
        return bytes
    }

    /// FNV-1a over the UTF-8 bytes (search.js computes the same).
    static func hash(_ text: String) -> UInt32 { hash(Array(text.utf8)) }

    static func hash(_ bytes: [UInt8]) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}
