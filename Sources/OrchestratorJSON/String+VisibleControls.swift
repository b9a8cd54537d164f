extension String {
    /// The text with every control character made visible, so stored text (a title, a request, a
    /// note) cannot drive the terminal or viewer it is shown in: a title holding `ESC[2J` would
    /// otherwise clear the person's screen, and `ESC]0;…BEL` would set the window title.
    ///
    /// C0 controls and DEL become their Unicode control pictures (`␛`, `␀`, `␍`, `␡`), C1 controls
    /// `\u{9b}`-style escapes, and so do the bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE
    /// and its kin, which make text read in an order other than its bytes'); line feeds and tabs stay
    /// unless `keepingLines` is false (then they are pictured too). Text without controls is returned
    /// as it is, without copying.
    package func showingControlCharacters(keepingLines: Bool = true) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || Self.isBidiControl(scalar.value)
        }
        func kept(_ scalar: Unicode.Scalar) -> Bool { keepingLines && (scalar == "\n" || scalar == "\t") }
        // Fast path over the bytes: C0 and DEL are single bytes, C1 controls start with 0xC2, the
        // bidirectional controls with 0xD8 (U+061C) or 0xE2 (U+200E…U+2069).
        let suspect = utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }
        guard suspect, unicodeScalars.contains(where: { isControl($0) && !kept($0) }) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if !isControl(scalar) || kept(scalar) {
                result.append(scalar)
            } else if scalar.value < 0x20 {
                result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            } else if scalar.value == 0x7F {
                result.append("\u{2421}")
            } else {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            }
        }
        return String(result)
    }

    /// U+061C, U+200E, U+200F, U+202A…U+202E and U+2066…U+2069: the characters that reorder text.
    static func isBidiControl(_ value: UInt32) -> Bool {
        value == 0x061C || value == 0x200E || value == 0x200F || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }
}
