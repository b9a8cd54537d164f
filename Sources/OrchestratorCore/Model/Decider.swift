/// Who makes a decision at a gate, as vouched for by the front end that received it: the person,
/// reached through a channel it names ("person at terminal /dev/pts/3 (ada)"), or an agent.
///
/// A request whose approver is the person accepts approvals and its closing only from a person
/// decider, whatever the launch options of the process that carries the decision.
package struct Decider: Sendable, Equatable {
    /// What history records as the actor.
    package let name: String
    /// Whether the front end vouches that the person decided.
    package let isPerson: Bool

    package static func person(_ channel: String) -> Decider { Decider(name: channel, isPerson: true) }
    package static func agent(_ name: String) -> Decider { Decider(name: name, isPerson: false) }
}
