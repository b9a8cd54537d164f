internal import OrchestratorJSON

/// Notifications from the client. They are never answered.
extension MCPServer {
    mutating func receiveNotification(_ method: String, params: [String: JSONValue]?) {
        switch method {
        case "notifications/initialized":
            if case .handshake(var state) = era {
                state.initializedNotified = true
                era = .handshake(state)
            }
        case "notifications/cancelled":
            // A request still in flight here is one parked on questions to the client or waiting for a
            // change: drop it and never answer it. Unknown or finished ids are ignored, as the specification says.
            guard let requestID = params?["requestId"].flatMap(JSONRPCID.init) else { return }
            if cancelWaiting(requestID) {
                Diagnostics(threshold: configuration.logLevel).write(
                    .info, "dropped the waiting call \(requestID.json): the client cancelled it")
                return
            }
            guard let pending = pendingCalls.removeValue(forKey: requestID) else { return }
            for serverID in pending.awaiting.keys { serverRequestOwners[serverID] = nil }
        default:
            // roots/list_changed, progress and unknown notifications need nothing from us.
            return
        }
    }
}
