internal import OrchestratorJSON

/// Cursor-based pages over a catalog list. Cursors are opaque to clients; we issue `<kind>:<offset>`
/// and refuse any cursor we did not issue with `-32602`.
enum Pagination {
    static func page<Item>(
        _ items: [Item], params: [String: JSONValue]?, size: Int, kind: String
    ) throws(JSONRPCError) -> (items: ArraySlice<Item>, nextCursor: String?) {
        var offset = 0
        if let cursor = params?["cursor"] {
            guard case .string(let text) = cursor else {
                throw .invalidParams("Invalid cursor: params.cursor must be a string")
            }
            let parts = text.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0] == kind, let value = Int(parts[1]), value > 0, value < items.count else {
                throw JSONRPCError(
                    .invalidParams,
                    "Invalid cursor: '\(text)' was not issued by this server; list again without a cursor")
            }
            offset = value
        }
        let end = min(items.count, offset + max(1, size))
        return (items[offset..<end], end < items.count ? "\(kind):\(end)" : nil)
    }

    /// One page of `items` as a list result: `{key: [entries…], nextCursor?}`.
    static func listResult<Item>(
        _ items: [Item], key: String, kind: String, params: [String: JSONValue]?, size: Int, entry: (Item) -> JSONValue
    ) throws(JSONRPCError) -> [String: JSONValue] {
        let page = try page(items, params: params, size: size, kind: kind)
        var result: [String: JSONValue] = [key: .array(page.items.map(entry))]
        if let nextCursor = page.nextCursor { result["nextCursor"] = .string(nextCursor) }
        return result
    }
}
