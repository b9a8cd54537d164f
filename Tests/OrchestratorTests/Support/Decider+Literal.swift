import OrchestratorCore

/// In tests, a decider written as a string is an agent of that name (`by: "agent"`); a test that
/// means the person says `.person(…)`.
extension Decider: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .agent(value)
    }
}
