import Foundation
import SavnetLoading
import SavnetModel
import SavnetRendering

/// What a build found in the build cache.
public enum CacheStatus: Equatable, Sendable {
    /// No cache was given (first build, or `--no-cache`).
    case missing
    /// A cache exists but cannot be used; the reason says why.
    case stale(String)
    /// The cache was used; `changed` content files were read again.
    case used(changed: Int)
}

/// The engine's state saved between builds, so that `savnet build` after an edit parses,
/// checks and renders only what the edit can change. Keyed by:
///
/// - the savnet program that wrote it (any other build of savnet starts afresh);
/// - the content folder as shown in findings and the areas known (gazetteer and extra areas);
/// - each content file's digest (a changed file is parsed again, and everything that
///   depends on it is checked and rendered again, exactly as the in-process engine does);
/// - the date (term status and deadlines) and the settings pages show: when they change,
///   every page is rendered again;
/// - each template's version (its text and the templates it includes or extends): when one
///   changes, the pages that use it are rendered again;
/// - the output folder's build mark: when the output is not the one this cache describes,
///   every file is rendered and written again.
///
/// The output's digests are kept, not its bytes, so only files that differ are written.
public enum BuildCache {
    static let magic = Array("savnet build cache\n".utf8)
    static let formatVersion = 7
    static let sealMagic = Array("\nsavnet cache sum\n".utf8)

    /// The state followed by its digest, so that a state file damaged on disk is
    /// recognised before any of it is read (the file store's entries carry digests of
    /// their own).
    static func seal(_ state: [UInt8]) -> [[UInt8]] {
        var trailer: [UInt8] = []
        withUnsafeBytes(of: ContentDigest(state).value.littleEndian) { trailer.append(contentsOf: $0) }
        return [state, trailer + sealMagic]
    }

    /// The state sealed in `bytes`, once its digest is checked.
    static func unseal(_ bytes: [UInt8]) throws -> [UInt8] {
        let footer = sealMagic.count + 8
        guard bytes.count >= footer, bytes.suffix(sealMagic.count).elementsEqual(sealMagic) else { throw CacheMismatch.damaged }
        let end = bytes.count - footer
        let digest = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: end, as: UInt64.self)) }
        guard ContentDigest(bytes, range: 0..<end).value == digest else { throw CacheMismatch.damaged }
        return Array(bytes[0..<end])
    }
}

extension BuildEngine {
    /// An engine for a build: restored from `cache` where it applies, with the files whose
    /// bytes differ from the cached ones (and new and deleted files) taken in as edits;
    /// otherwise loaded and checked afresh. Nothing is rendered yet unless restored.
    ///
    /// - Parameters:
    ///   - contents: every content file's bytes (or why they cannot be read), by content path.
    ///   - cache: the last build's cache (its state and its file store), if any.
    ///   - tool: identifies the savnet program (a digest of its executable).
    public static func open(
        loader: ContentLoader, renderer: SiteRenderer, settings: SiteSettings, gazetteer: Gazetteer, today: CalendarDate,
        searchIndexed: Bool, contents: [(String, Result<[UInt8], Diagnostic>)], cache: (state: [UInt8], store: [UInt8])?,
        tool: String
    ) throws -> (BuildEngine, CacheStatus) {
        guard let cache else {
            let engine = BuildEngine(empty: (), loader: loader, renderer: renderer, settings: settings, gazetteer: gazetteer,
                                     today: today, searchIndexed: searchIndexed, keepsOutputs: false)
            engine.load(contents)
            engine.checkAll()
            return (engine, .missing)
        }
        let status: CacheStatus
        do {
            let (engine, changed) = try restoring(loader: loader, renderer: renderer, settings: settings, gazetteer: gazetteer,
                                                  today: today, searchIndexed: searchIndexed, contents: contents, cache: cache,
                                                  tool: tool)
            return (engine, .used(changed: changed))
        } catch let error as CacheMismatch {
            status = .stale(error.reason)
        } catch {
            status = .stale(CacheMismatch.damaged.reason)
        }
        // Start again from nothing.
        return try (Self.open(loader: loader, renderer: renderer, settings: settings, gazetteer: gazetteer, today: today,
                              searchIndexed: searchIndexed, contents: contents, cache: nil, tool: tool).0, status)
    }

    /// An engine restored from `cache` with the content files' edits since taken in, or
    /// nil when the cache does not apply (another savnet, content folder or list of
    /// areas) or is damaged: for a command that would rather start from scratch its own
    /// way than as a build does (`check`).
    public static func restored(
        loader: ContentLoader, renderer: SiteRenderer, settings: SiteSettings, gazetteer: Gazetteer, today: CalendarDate,
        searchIndexed: Bool, contents: [(String, Result<[UInt8], Diagnostic>)], cache: (state: [UInt8], store: [UInt8]),
        tool: String
    ) -> BuildEngine? {
        try? restoring(loader: loader, renderer: renderer, settings: settings, gazetteer: gazetteer, today: today,
                       searchIndexed: searchIndexed, contents: contents, cache: cache, tool: tool).engine
    }

    /// An engine restored from `cache`, and how many content files differed from it; throws
    /// when the cache does not apply or is damaged.
    private static func restoring(
        loader: ContentLoader, renderer: SiteRenderer, settings: SiteSettings, gazetteer: Gazetteer, today: CalendarDate,
        searchIndexed: Bool, contents: [(String, Result<[UInt8], Diagnostic>)], cache: (state: [UInt8], store: [UInt8]),
        tool: String
    ) throws -> (engine: BuildEngine, changed: Int) {
        let engine = BuildEngine(empty: (), loader: loader, renderer: renderer, settings: settings, gazetteer: gazetteer,
                                 today: today, searchIndexed: searchIndexed, keepsOutputs: false)
        let changed = try engine.restore(cache.state, store: cache.store, contents: contents, tool: tool)
        return (engine, changed)
    }

    /// The mark of the output this engine's digests describe, when restored from a cache.
    public var outputMark: String? { restoredMark }

    /// Whether an output marked `mark` is the one the restored cache describes, indexed
    /// for search exactly when this build indexes it, so that it can be updated in place.
    public func canUpdate(outputMarkedWith mark: String?) -> Bool {
        guard let restoredMark, mark == restoredMark else { return false }
        return restoredMark.hasSuffix("+search") == searchIndexed
    }

    /// After `open` restored a cache: renders what the edits, template changes and settings
    /// changes require, and the summaries; returns the files to write and remove.
    /// `previousOutput` reads a file of the output the cache describes (the last
    /// directory files are copied from rather than written again whole).
    public func renderChanges(previousOutput: (String) -> [UInt8]?) throws -> Update {
        // Only the directory files to be written again are read back: all of them, or the
        // stale groups' files.
        let rewritten = staleSummaries.directoryGroups.map { Set($0.map(DirectoryFragments.path(ofGroup:))) }
        for (path, digest) in digests where DirectoryFragments.isDirectoryFile(path) {
            if let rewritten, !rewritten.contains(path) { continue }
            if let previous = previousOutput(path), ContentDigest(previous) == digest { fragments.attach(previous, to: path) }
        }
        var update = pendingUpdate
        pendingUpdate = .none
        update.merge(try rerenderStale())
        summariesAreStale = true
        update.merge(refreshSummaries())
        return update
    }

    /// A digest of every output file's path and digest, and whether the output is indexed
    /// for search: the mark of an output that holds exactly these files (two builds of the
    /// same site get the same mark; an output indexed for search gets another).
    public var outputFingerprint: String {
        // Order-independent: a sum of one mixed value per file.
        var sum: UInt64 = 0
        for (path, digest) in digests {
            var mixed = ContentDigest(path).value ^ (digest.value &* 0x9E37_79B9_7F4A_7C15)
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            sum &+= mixed ^ (mixed >> 31)
        }
        return ContentDigest(value: sum).description + "-\(digests.count)" + (searchIndexed ? "+search" : "")
    }

    /// Pages (HTML files) and all files of the site as last rendered.
    public var pageAndFileCounts: (pages: Int, files: Int) {
        (digests.keys.filter { $0.hasSuffix(".html") }.count, digests.count)
    }

    /// How many content files were read (as `savnet check` counts them).
    public var fileCount: Int {
        ContentLoader.fileCount(parsed: files.count, findings: loaderFindings.values.joined())
    }

    /// The cache for the current state, for an output marked `mark`. `storeSize` is the
    /// size of the file store on disk now (nil when there is none): entries are appended
    /// to it when it is the one this engine was restored from and mostly still in use;
    /// otherwise a new store is written whole.
    /// `slack`: unused bytes the store may carry beyond as many as it uses.
    public func snapshot(tool: String, mark: String, storeSize: Int?, slack: Int = 1 << 20) -> CacheImage {
        // Entries go in any order (sorting 8,000 paths would cost more than it helps).
        let paths = Array(Set(files.keys).union(loaderFindings.keys))
        let live = paths.reduce(0) { $0 + (savedBlobs[$1]?.length ?? 0) }
        let appends = storeSize != nil && storeSize == restoredStore.count && restoredStore.count <= 2 * live + slack
        // Files not carried over from the store are encoded on every core.
        let encoded = ParallelMap.map(paths) { path -> [UInt8]? in
            if appends, savedBlobs[path] != nil { return nil }
            if let saved = savedBlobs[path] { return Array(restoredStore[saved.offset..<saved.offset + saved.length]) }
            guard let file = files[path] else { return nil }
            var fileWriter = SnapshotWriter()
            // The text is left out (the next build reads the file anyway) unless it could not
            // be decoded, when it is not what decoding the file gives.
            fileWriter.write(file, includeRaw: loaderFindings[path]?.contains { $0.rule == "file-encoding" } ?? false)
            return fileWriter.bytes
        }
        let blobDigests = ParallelMap.map(encoded) { $0.map { ContentDigest($0).value } }
        var storeChunks: [[UInt8]] = []
        var end = appends ? restoredStore.count : 0

        var writer = SnapshotWriter(capacity: 1 << 20)
        writer.write(bytes: BuildCache.magic)
        writer.write(BuildCache.formatVersion)
        writer.write(tool)
        writer.write(modelKey)
        writer.write(today.iso)
        writer.write(renderedKey) { $0.write($1.value) }
        writer.write(renderedTemplates.sorted { $0.key < $1.key }) { writer, entry in
            writer.write(entry.key)
            writer.write(entry.value.value)
        }
        writer.write(mark)
        // Which province directory files the output lacks the latest of (a live engine's
        // summaries are refreshed on demand, so a snapshot can be taken before that).
        writer.write(staleSummaries.directoryGroups.map { $0.sorted() }) { writer, groups in writer.write(groups) { $0.write($1) } }
        writer.write(staleSummaries.sitemap)
        writer.write(staleSummaries.areaList)
        writer.write(paths.count)
        for (index, path) in paths.enumerated() {
            writer.write(path)
            writer.write(contentDigests[path]) { $0.write($1.value) }
            writer.write(loaderFindings[path] ?? []) { $0.write($1) }
            var reference: BlobReference?
            if let blob = encoded[index], let digest = blobDigests[index] {
                reference = BlobReference(offset: end, length: blob.count, digest: digest)
                storeChunks.append(blob)
                end += blob.count
            } else if appends {
                reference = savedBlobs[path]
            }
            writer.write(reference) { writer, reference in
                writer.write(reference.offset)
                writer.write(reference.length)
                writer.write(reference.digest)
            }
        }
        writer.write(Array(ruleFindings.keys)) { writer, path in
            writer.write(path)
            writer.write(self.ruleFindings[path] ?? []) { $0.write($1) }
        }
        writer.write(Array(pagePaths)) { $0.write($1) }
        writer.write(Array(digests)) { writer, entry in
            writer.write(entry.key)
            writer.write(entry.value.value)
        }
        writer.write(Array(fragments.spans)) { writer, entry in
            writer.write(entry.key)
            entry.value.write(to: &writer)
        }
        fileReads.write(to: &writer)
        pageReads.write(to: &writer)
        return CacheImage(state: BuildCache.seal(writer.bytes), store: storeChunks, rewritesStore: !appends)
    }
}

/// Why a cache does not apply.
struct CacheMismatch: Error {
    var reason: String

    /// Bytes that do not read back as they were written.
    static let damaged = CacheMismatch(reason: "the cache file is damaged")
}

/// Where one file's parsed form sits in the cache's file store.
struct BlobReference: Sendable {
    var offset: Int
    var length: Int
    var digest: UInt64
}

/// The build cache to save, in two parts: the state, small and written whole every
/// time, and the store of parsed files, large and only appended to (an edit adds one
/// entry), rewritten when most of it is no longer used.
public struct CacheImage {
    /// The state file's pieces, to be written one after another.
    public var state: [[UInt8]]
    /// Pieces to append to the file store, or its whole new content when `rewritesStore`.
    public var store: [[UInt8]]
    /// Whether `store` replaces the file store instead of extending it.
    public var rewritesStore: Bool
}

extension BuildEngine {
    /// What the parsed files depend on besides their bytes.
    var modelKey: String {
        "\(loader.displayRoot)\n\(gazetteer.fingerprint)"
    }

    /// Restores the state saved in `bytes`, then takes in the content files that differ
    /// from it. Returns how many did.
    func restore(_ sealed: [UInt8], store: [UInt8], contents: [(String, Result<[UInt8], Diagnostic>)], tool: String) throws
        -> Int {
        var reader = SnapshotReader(try BuildCache.unseal(sealed))
        guard try reader.readBytes() == BuildCache.magic, try reader.readInt() == BuildCache.formatVersion else {
            throw CacheMismatch(reason: "the cache was written in another format")
        }
        guard try reader.readString() == tool else { throw CacheMismatch(reason: "the cache was written by another savnet build") }
        guard try reader.readString() == modelKey else {
            throw CacheMismatch(reason: "the content folder or the list of areas changed")
        }
        let cachedToday = try reader.readString()
        renderedKey = try reader.readOptional { ContentDigest(value: try $0.readUInt64()) }
        renderedTemplates = Dictionary(try reader.readArray { (try $0.readString(), ContentDigest(value: try $0.readUInt64())) },
                                       uniquingKeysWith: { $1 })
        restoredMark = try reader.readString()
        let staleGroups = try reader.readOptional { try $0.readArray { try $0.readString() } }
        let staleSitemap = try reader.readBool()
        let staleAreaList = try reader.readBool()

        struct Entry {
            var path: String
            var digest: ContentDigest?
            var findings: [Diagnostic]
            var blob: BlobReference?
        }
        let entries = try reader.readArray { reader in
            Entry(path: try reader.readString(), digest: try reader.readOptional { ContentDigest(value: try $0.readUInt64()) },
                  findings: try reader.readArray { try $0.readDiagnostic() }, blob: try reader.readOptional { reader in
                      BlobReference(offset: try reader.readInt(), length: try reader.readInt(), digest: try reader.readUInt64())
                  })
        }
        // Which files changed: digests compared on every core.
        let current = Dictionary(contents, uniquingKeysWith: { first, _ in first })
        let currentDigests = Dictionary(zip(contents.map(\.0), ParallelMap.map(contents) { _, bytes -> ContentDigest? in
            guard case let .success(bytes) = bytes else { return nil }
            return ContentDigest(bytes)
        }), uniquingKeysWith: { first, _ in first })
        let decoded = ParallelMap.map(entries) { entry -> Result<NetworkFile?, Error> in
            Result {
                guard let blob = entry.blob else { return nil }
                guard blob.offset >= 0, blob.length >= 0, blob.offset <= store.count, blob.length <= store.count - blob.offset,
                      ContentDigest(store, range: blob.offset..<blob.offset + blob.length).value == blob.digest
                else { throw CacheMismatch.damaged }
                var fileReader = SnapshotReader(store, range: blob.offset..<blob.offset + blob.length)
                // The text comes from the file as read now when it is unchanged, decoded
                // only if asked for; a changed file is replaced before anything reads it.
                var bytes: [UInt8]?
                if entry.digest != nil, currentDigests[entry.path] == entry.digest, case let .success(read)? = current[entry.path] {
                    bytes = read
                }
                return try fileReader.readFile { [bytes] in bytes.flatMap(NetworkParser.decodedText) ?? "" }
            }
        }
        var changed: Set<String> = []
        for (entry, file) in zip(entries, decoded) {
            files[entry.path] = try file.get()
            loaderFindings[entry.path] = entry.findings
            contentDigests[entry.path] = entry.digest
            if entry.digest == nil || currentDigests[entry.path] != entry.digest {
                changed.insert(entry.path)
            } else if let blob = entry.blob {
                savedBlobs[entry.path] = blob
            }
        }
        for (path, _) in contents where contentDigests[path] == nil { changed.insert(path) }
        ruleFindings = Dictionary(try reader.readArray { (try $0.readString(), try $0.readArray { try $0.readDiagnostic() }) },
                                  uniquingKeysWith: { $1 })
        pagePaths = Set(try reader.readArray { try $0.readString() })
        digests = Dictionary(try reader.readArray { (try $0.readString(), ContentDigest(value: try $0.readUInt64())) },
                             uniquingKeysWith: { $1 })
        let savedSpans = Dictionary(try reader.readArray { (try $0.readString(), try DirectorySpans(from: &$0)) },
                                    uniquingKeysWith: { $1 })
        fileReads = try ReadIndex(from: &reader)
        pageReads = try ReadIndex(from: &reader)
        guard reader.isAtEnd else { throw SnapshotError.corrupt }
        restoredStore = store
        directory = pipeline.directory(Array(files.values))
        fragments.restore(spans: savedSpans, files: files.filter { !changed.contains($0.key) }.map(\.value),
                          existing: Set(directory.networkCodes))
        // The output the cache describes holds the directory files as the saved state
        // last refreshed them.
        staleSummaries = SummaryScope(directoryGroups: staleGroups.map(Set.init), sitemap: staleSitemap, areaList: staleAreaList)

        // The edits since, as the in-process engine takes them; a file the content folder
        // no longer lists is deleted, whatever is at its path.
        pendingUpdate = try update(Array(changed)) { path in current[path] }
        if cachedToday != today.iso { checkAll() }
        matchesRestoredCache = changed.isEmpty && cachedToday == today.iso
        return changed.count
    }
}
