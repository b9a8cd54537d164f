package import OrchestratorJSON

/// A board view as its event stream keeps it, each request encoded once, so that after a change only
/// what changed is sent: the view's own fields and the person's queue (small), and the requests whose
/// view changed, with the requests' order and the ones gone. The page merges it into the view it has.
package struct ViewChanges: Sendable {
    package let view: JSONValue
    /// Each request's view, encoded, by id, and the ids in order.
    private let requests: [String: String]
    private let order: [String]

    package init(_ view: JSONValue) {
        self.view = view
        var requests: [String: String] = [:]
        var order: [String] = []
        for request in view["requests"]?.arrayValue ?? [] {
            guard let id = request["id"]?.stringValue else { continue }
            requests[id] = JSONWriter.string(from: request)
            order.append(id)
        }
        self.requests = requests
        self.order = order
    }

    /// What changed since `earlier`, or `nil` when nothing did.
    package func change(since earlier: ViewChanges) -> JSONValue? {
        guard case .object(var fields) = view else { return nil }
        fields["requests"] = nil
        guard case .object(var before) = earlier.view else { return view }
        before["requests"] = nil
        let changed = order.filter { requests[$0] != earlier.requests[$0] }
        let removed = earlier.order.filter { requests[$0] == nil }
        if changed.isEmpty, removed.isEmpty, order == earlier.order, JSONValue.object(fields) == .object(before) {
            return nil
        }
        let byID = Dictionary(
            (view["requests"]?.arrayValue ?? []).compactMap { request in
                request["id"]?.stringValue.map { ($0, request) }
            },
            uniquingKeysWith: { first, _ in first })
        fields["requestChanges"] = [
            "changed": .array(changed.compactMap { byID[$0] }), "removed": .array(removed.map(JSONValue.string)),
            "order": .array(order.map(JSONValue.string)),
        ]
        return .object(fields)
    }
}
