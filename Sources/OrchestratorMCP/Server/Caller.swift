/// Someone a transport authenticated: a bearer token's name and what it may do. The name is the actor
/// in history and the holder of claims; no argument (`instanceId`) can speak for someone else.
package struct Caller: Sendable, Equatable {
    package enum Role: String, Sendable, CaseIterable {
        /// An agent: plans and works; under `--approver human` it cannot approve.
        case agent
        /// A person: may approve and reject, also under `--approver human`.
        case person
    }

    package let name: String
    package let role: Role

    package init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}

extension ToolFailure {
    /// An authenticated caller named someone else as the one acting.
    package static func notYourIdentity(_ caller: Caller, given: String) -> ToolFailure {
        .refused(
            code: "not_your_identity",
            message:
                "This connection is authenticated as '\(caller.name)', so it acts as '\(caller.name)' and may not act as '\(given)'; leave the name out or send '\(caller.name)'."
        )
    }
}
