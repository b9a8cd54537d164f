extension String {
    /// The text with every control character made visible, so stored text (a title, a request, a
    /// note) cannot drive the terminal or viewer it is shown in: a title holding `ESC[2J` would
    /// otherwise clear the person's screen, and `ESC]0;…BEL` would set the window title.
    ///
    /// C0 controls and DEL become their Unicode control pictures (`␛`, `␀`, `␍`, `␡`), C1 controls
    /// `\u{9b}`-style escapes; line feeds and tabs stay unless `keepingLines` is false (then they
    /// are pictured too). Text without controls is returned as it is, without copying.
    package func showingControlCharacters(keepingLines: Bool = true) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        }
        func kept(_ scalar: Unicode.Scalar) -> Bool { keepingLines && (scalar == "\n" || scalar == "\t") }
        // Fast path over the bytes: C0 and DEL are single bytes, C1 controls start with 0xC2.
        let suspect = utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
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
}
