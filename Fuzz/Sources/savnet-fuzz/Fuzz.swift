// libFuzzer entry: feeds arbitrary bytes to every parser that reads user input.
// Pure and cheap: no disk or network access, nothing kept between inputs.
import SavnetLoading
import SavnetModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    // Text decoding, the front-matter splitter, the YAML composer and the network
    // decoder with its number, date and position readers: a content file as read from disk.
    _ = NetworkParser.parse(bytes: bytes, path: "content/84/8409/840901.md", contentPath: "84/8409/840901.md")

    // The same bytes as (lossily decoded) text, for the parsers that take a String.
    let text = String(decoding: bytes, as: UTF8.self)
    _ = NumberScanner.candidates(in: text)  // the PII scanner (citizen IDs, phone numbers)
    _ = SettingsLoader.parse(text, path: "savnet.yml")

    // The scalar parsers read one YAML value at a time: give them each of the first lines
    // (the whole input when it has no newline), so short values (`2566-07-04`, `๑,๒๐๐`,
    // `เหรัญญิก`) reach them directly; values anywhere else reach them through the network
    // decoder above. Sixteen lines keep the entry fast (the position matcher measures the
    // edit distance to every position name).
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(16) {
        let value = String(line)
        _ = CalendarDate(parsing: value)
        _ = PositionName.match(value)
        _ = ThaiNumerals.parseInt(value)
        _ = ThaiNumerals.parseDecimal(value)
    }
    return 0
}
