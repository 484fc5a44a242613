import Foundation

/// One content file: its text kept whole beside what was parsed from it, so later
/// tools (`fmt`, `diff`) can work on the original bytes.
///
/// Immutable and shared by reference: a national directory passes 8,000 of these through
/// every stage, and copying one should not copy (or retain) each of its fields.
public final class NetworkFile: Sendable {
    /// Path as shown to the user, relative to the repository: `content/84/8417/_index.md`.
    public let path: String
    /// Path inside the content folder: `84/8417/_index.md`.
    public let contentPath: String
    /// The whole file as decoded text (byte order mark removed, line endings kept).
    public var raw: String {
        switch text {
        case let .decoded(text): return text
        case let .deferred(decode): return decode()
        }
    }
    /// The text, or how to decode it when asked: a file restored from the build cache
    /// keeps its bytes, since a build after an edit reads the text of only the few files
    /// it checks again.
    private let text: Text

    private enum Text: Sendable {
        case decoded(String)
        case deferred(@Sendable () -> String)
    }
    /// The 1-based line where the Markdown body starts.
    public let bodyStartLine: Int
    /// The Markdown body after the front matter.
    public let body: String
    /// The network, when the front matter could be read. A file restored from the build
    /// cache decodes it on first use: a build after an edit needs the networks of only the
    /// few files it checks and renders again, and `outline` answers what it asks of all.
    public var network: Network? {
        // Lent, not copied: pages read a network's fields some hundred times each, and a
        // copy of a `Network` retains every one of its fields.
        _read {
            if let deferred { yield deferred.network } else { yield parsed }
        }
    }
    /// The network when it was parsed (or is none); nil while `deferred` holds it.
    private let parsed: Network?
    /// How to decode the network of a restored file, once.
    private let deferred: DeferredNetwork?
    /// What every build asks of every network (its area, its latest date, its people),
    /// present exactly when `network` is.
    public let outline: NetworkOutline?
    /// Numbers in the whole text that are as long as phone or citizen ID numbers, found
    /// once when the file is read, for the personal-data rules.
    public let longNumbers: [NumberScanner.Hit]
    /// Whether the file sits where the layout puts its network's area (only such networks
    /// are published: pages, documents, data). Found once: the site asks for every network
    /// on every refresh.
    public let isInPlace: Bool

    /// Creates a file record.
    public convenience init(path: String, contentPath: String, raw: String, bodyStartLine: Int, body: String,
                            network: Network?, longNumbers: [NumberScanner.Hit] = []) {
        self.init(path: path, contentPath: contentPath, text: .decoded(raw), bodyStartLine: bodyStartLine, body: body,
                  parsed: network, deferred: nil, outline: network.map(NetworkOutline.init), longNumbers: longNumbers)
    }

    /// A file record whose text `decode` gives when first asked for (each time it is).
    public convenience init(path: String, contentPath: String, decodingRaw decode: @escaping @Sendable () -> String,
                            bodyStartLine: Int, body: String, network: Network?, longNumbers: [NumberScanner.Hit] = []) {
        self.init(path: path, contentPath: contentPath, text: .deferred(decode), bodyStartLine: bodyStartLine, body: body,
                  parsed: network, deferred: nil, outline: network.map(NetworkOutline.init), longNumbers: longNumbers)
    }

    /// A file record whose network `decodeNetwork` gives when first asked for (once);
    /// `outline` must be the network's own. `raw` is the text, or nil to ask `decodeRaw`
    /// for it.
    public convenience init(path: String, contentPath: String, raw: String?, decodingRaw decodeRaw: @escaping @Sendable () -> String,
                            bodyStartLine: Int, body: String, outline: NetworkOutline,
                            decodingNetwork decodeNetwork: @escaping @Sendable () -> Network,
                            longNumbers: [NumberScanner.Hit]) {
        self.init(path: path, contentPath: contentPath, text: raw.map(Text.decoded) ?? .deferred(decodeRaw),
                  bodyStartLine: bodyStartLine, body: body, parsed: nil, deferred: DeferredNetwork(decodeNetwork),
                  outline: outline, longNumbers: longNumbers)
    }

    private init(path: String, contentPath: String, text: Text, bodyStartLine: Int, body: String, parsed: Network?,
                 deferred: DeferredNetwork?, outline: NetworkOutline?, longNumbers: [NumberScanner.Hit]) {
        self.path = path
        self.contentPath = contentPath
        self.text = text
        self.bodyStartLine = bodyStartLine
        self.body = body
        self.parsed = parsed
        self.deferred = deferred
        self.outline = outline
        self.longNumbers = longNumbers
        isInPlace = outline.map { contentPath == Self.expectedContentPath(for: $0.area) } ?? false
    }

    /// A location in this file.
    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// The area code and level this file's place in `content/` stands for, if it follows the layout:
    /// `_index.md` (national), `84/_index.md`, `84/8417/_index.md`, `84/8417/841701.md`.
    public var impliedAreaCode: String? {
        let parts = contentPath.split(separator: "/").map(String.init)
        guard let last = parts.last, last.hasSuffix(".md") else { return nil }
        let folders = Array(parts.dropLast())
        let stem = String(last.dropLast(3))
        let code: String
        if stem == "_index" {
            code = folders.last ?? ""
        } else {
            code = stem
        }
        return code
    }

    /// Where a network for `code` belongs inside `content/`.
    public static func expectedContentPath(for code: String) -> String { AreaCode(unchecked: code).contentPath }
}

/// What every build asks of every network, small enough to keep beside a network that is
/// not decoded yet.
public struct NetworkOutline: Sendable, Equatable {
    /// The area code as written.
    public var area: String
    /// `Network.lastChanged`.
    public var lastChanged: CalendarDate?
    /// The people the committee lists, for the directory's index of people.
    public var people: [PersonKey]
    /// The network's own figures for the roll-ups, without the term status.
    public var figures: RollUp
    /// The last day of the committee's term, if one is given.
    public var termEnd: CalendarDate?

    public init(area: String, lastChanged: CalendarDate?, people: [PersonKey], figures: RollUp, termEnd: CalendarDate?) {
        self.area = area
        self.lastChanged = lastChanged
        self.people = people
        self.figures = figures
        self.termEnd = termEnd
    }

    /// The outline of `network`.
    public init(_ network: Network) {
        area = network.area.value
        lastChanged = network.lastChanged
        figures = RollUp(figuresOf: network)
        termEnd = network.term?.end
        let level = network.area.value.utf8.count
        // By index: binding each member would copy it (nine reference-counted fields).
        let committee = network.committee
        people = []
        people.reserveCapacity(committee.count)
        for index in committee.indices {
            guard let (hash, check) = PersonName.hashes(committee[index].name.value, level: level) else { continue }
            people.append(PersonKey(hash: hash, check: check, line: Int32(clamping: committee[index].name.location.line),
                                    member: Int32(index)))
        }
    }
}

/// One person on a committee, as the directory's index of people keeps them: two names
/// are the same when both hashes agree (`hash` for lookup, `check` to tell collisions apart).
public struct PersonKey: Sendable, Equatable {
    public var hash: UInt64
    public var check: UInt64
    /// The line of the member's name.
    public var line: Int32
    /// The member's place in the committee (the rules that compare names read the hashes
    /// here rather than hash every name again).
    public var member: Int32

    public init(hash: UInt64, check: UInt64, line: Int32, member: Int32) {
        self.hash = hash
        self.check = check
        self.line = line
        self.member = member
    }
}

/// A network decoded once, on first use, by whichever thread asks first.
private final class DeferredNetwork: @unchecked Sendable {
    private let lock = NSLock()
    private var decode: (@Sendable () -> Network)?
    private var decoded: Network?

    init(_ decode: @escaping @Sendable () -> Network) {
        self.decode = decode
    }

    var network: Network {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let network = decode!()
        decoded = network
        decode = nil
        return network
    }
}
