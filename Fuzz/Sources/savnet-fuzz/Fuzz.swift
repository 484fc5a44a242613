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
    scalars(text)
    // Each line too, so short values (`2566-07-04`, `๑,๒๐๐`, `เหรัญญิก`) reach the
    // scalar parsers without the fuzzer having to make them the whole input.
    for line in text.split(separator: "\n", maxSplits: 64, omittingEmptySubsequences: true) {
        scalars(String(line))
    }
    return 0
}

private func scalars(_ text: String) {
    _ = CalendarDate(parsing: text)
    _ = PositionName.match(text)
    _ = ThaiNumerals.parseInt(text)
    _ = ThaiNumerals.parseDecimal(text)
}
