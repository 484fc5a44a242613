/// Characters that move the cursor, clear a screen, break a feed or reorder text on
/// display: the check that refuses them in content and the printer that never lets them
/// reach a terminal share this one definition.
public enum ControlCharacters {
    /// A C0 control other than tab (line breaks included: callers that allow them test
    /// first), DEL, a C1 control, or a bidirectional embedding, override or isolate.
    public static func isControl(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09) || (0x7F...0x9F).contains(value)
            || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// A zero-width character that is invisible in a name, a code or a number.
    public static func isInvisible(_ value: UInt32) -> Bool {
        (0x200B...0x200D).contains(value) || value == 0x2060 || value == 0xFEFF
    }
}
