/// Text as search compares it: words of letters and digits, lowercased, accents folded away
/// ("Café" and "cafe" are one word), read straight from UTF-8 without building folded copies.
enum SearchText {
    /// The words of `text`, folded, each with the UTF-8 offset where it starts.
    static func words(_ text: String) -> [(word: [UInt8], offset: Int)] {
        var words: [(word: [UInt8], offset: Int)] = []
        forEachWord(text) { word, offset in words.append((Array(word), offset)) }
        return words
    }

    /// Calls `body` with each folded word and the UTF-8 offset where it starts. ASCII, nearly all of
    /// what plans hold, is folded byte by byte; other letters by their Unicode names.
    static func forEachWord(_ text: String, _ body: (ArraySlice<UInt8>, Int) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x41...0x5A:
                    if word.isEmpty { start = offset }
                    word.append(byte + 32)
                case 0x61...0x7A, 0x30...0x39:
                    if word.isEmpty { start = offset }
                    word.append(byte)
                default:
                    if !word.isEmpty {
                        body(word[...], start)
                        word.removeAll(keepingCapacity: true)
                    }
                }
                offset += 1
                continue
            }
            let folded = fold(scalar)
            if folded.isEmpty {
                // A combining mark belongs to the word it follows; anything else ends a word.
                if scalar.properties.generalCategory != .nonspacingMark, !word.isEmpty {
                    body(word[...], start)
                    word.removeAll(keepingCapacity: true)
                }
            } else {
                if word.isEmpty { start = offset }
                word += folded
            }
            offset += scalar.utf8.count
        }
        if !word.isEmpty { body(word[...], start) }
    }

    /// Finds the wanted words (folded) at the starts of `text`'s words: `found(index, whole, offset)` for
    /// each word of the text that `wanted[index]` begins (`whole` when it is all of it). ASCII text,
    /// nearly all of what plans hold, is read byte by byte in place; other text word by word, folded.
    static func find(_ wanted: SearchQuery, in text: String, _ found: (Int, Bool, Int) -> Void) {
        var text = text
        let ascii = text.withUTF8 { bytes in wanted.scan(bytes, found) }
        guard !ascii else { return }
        forEachWord(text) { word, offset in
            for (number, want) in wanted.words.enumerated() where word.count >= want.count && word.starts(with: want) {
                found(number, word.count == want.count, offset)
            }
        }
    }

    /// Each ASCII byte folded: letters lowercased, digits kept, anything else 0 (not part of a word).
    static let asciiFold: [UInt8] = (0..<128).map { byte in
        switch byte {
        case 0x41...0x5A: UInt8(byte + 32)
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        default: 0
        }
    }

    /// A letter or digit outside ASCII, lowercased with its accents taken away ("É" → "e", "ß" → "ss");
    /// empty for what is not part of a word.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return [] }
        if let special = specials[scalar.value] { return Array(special.utf8) }
        // "LATIN SMALL LETTER E WITH ACUTE", "LATIN CAPITAL LETTER O WITH STROKE": the base letter.
        if let name = properties.name, name.hasPrefix("LATIN ") {
            let parts = name.split(separator: " ")
            if parts.count >= 4, parts[2] == "LETTER", parts[3].count == 1, parts.count == 4 || parts[4] == "WITH" {
                return Array(parts[3].lowercased().utf8)
            }
        }
        return Array(properties.lowercaseMapping.utf8)
    }

    /// Letters that fold to more than one, or whose names do not say their base.
    private static let specials: [UInt32: String] = [
        0xDF: "ss", 0x1E9E: "ss", 0xE6: "ae", 0xC6: "ae", 0x153: "oe", 0x152: "oe", 0xFE: "th", 0xDE: "th",
        0xF0: "d", 0xD0: "d", 0x131: "i",
    ]
}

/// The words searched for, folded, laid out for the scan: each word's bytes in one buffer.
struct SearchQuery {
    let words: [[UInt8]]
    let bytes: [UInt8]
    let ranges: [Range<Int>]
    /// Which ASCII bytes begin a wanted word.
    let starts: [Bool]

    init(_ query: String) {
        var words: [[UInt8]] = []
        for (word, _) in SearchText.words(query) where !words.contains(word) { words.append(word) }
        self.words = words
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for word in words {
            ranges.append(bytes.count..<(bytes.count + word.count))
            bytes += word
        }
        self.bytes = bytes
        self.ranges = ranges
        var starts = [Bool](repeating: false, count: 128)
        for word in words where word[0] < 0x80 { starts[Int(word[0])] = true }
        self.starts = starts
    }

    /// The search of ASCII text, in place; `false`, having reported nothing certain, at the first byte
    /// outside ASCII (the caller reads such text word by word).
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Int, Bool, Int) -> Void) -> Bool {
        SearchText.asciiFold.withUnsafeBufferPointer { fold in
            self.bytes.withUnsafeBufferPointer { wanted in
                starts.withUnsafeBufferPointer { starts in
                    ranges.withUnsafeBufferPointer { ranges in
                        Self.scan(bytes, fold: fold, wanted: wanted, starts: starts, ranges: ranges, found)
                    }
                }
            }
        }
    }

    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, fold: UnsafeBufferPointer<UInt8>, wanted: UnsafeBufferPointer<UInt8>,
        starts: UnsafeBufferPointer<Bool>, ranges: UnsafeBufferPointer<Range<Int>>, _ found: (Int, Bool, Int) -> Void
    ) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            var byte = bytes[index]
            if byte >= 0x80 { return false }
            let first = fold[Int(byte)]
            if first == 0 {
                index += 1
                continue
            }
            let start = index
            repeat {
                index += 1
                byte = index < count ? bytes[index] : 0
            } while byte < 0x80 && fold[Int(byte)] != 0
            if byte >= 0x80 { return false }
            // Only words whose first letter a wanted word has are compared.
            guard starts[Int(first)] else { continue }
            let length = index - start
            for number in 0..<ranges.count {
                let range = ranges[number]
                guard range.count <= length else { continue }
                var offset = 0
                while offset < range.count, fold[Int(bytes[start + offset])] == wanted[range.lowerBound + offset] {
                    offset += 1
                }
                if offset == range.count { found(number, range.count == length, start) }
            }
        }
        return true
    }
}
