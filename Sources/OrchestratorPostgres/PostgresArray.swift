/// A text array as PostgreSQL reads one (`{"a","b\"c",NULL}`), so a statement takes a whole batch
/// of rows as a few parameters (`unnest($2::text[], …)`) instead of one statement per row.
enum PostgresArray {
    static func literal(_ values: [String?]) -> String {
        var out = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            guard let value else {
                out += "NULL"
                continue
            }
            out += "\""
            for character in value.unicodeScalars {
                if character == "\"" || character == "\\" { out += "\\" }
                out.unicodeScalars.append(character)
            }
            out += "\""
        }
        return out + "}"
    }

    static func literal(_ values: [Int]) -> String {
        "{" + values.map(String.init).joined(separator: ",") + "}"
    }
}
