package import OrchestratorJSON

/// The client's `clientInfo`, kept for history records ("who did this").
package struct ClientIdentity: Sendable, Equatable {
    package let name: String
    package let version: String?

    package init?(_ value: JSONValue?) {
        guard let name = value?["name"]?.stringValue, !name.isEmpty else { return nil }
        self.name = name
        self.version = value?["version"]?.stringValue
    }
}
