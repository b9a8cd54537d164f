/// What a change touched, recorded by the state's own writes as they happen (`OrchestratorState`
/// keeps its requests, runs and counters behind writes that record): the requests whose own fields
/// changed, the tasks that changed, the requests whose task lists grew, and whether requests came or
/// went, runs changed or a counter moved. A write that leaves a value as it was records nothing.
///
/// A store writes nothing for a change whose record is empty, and re-encodes only what it names.
package struct ChangeRecord: Sendable, Equatable {
    /// What of one request changed.
    package struct Touch: Sendable, Equatable {
        /// Its own fields (everything but its tasks).
        package fileprivate(set) var fields = false
        /// The tasks that changed where they stand.
        package fileprivate(set) var tasks: Set<WorkTask.ID> = []
        /// Tasks were added after the last one.
        package fileprivate(set) var grew = false

        /// Nothing of the request: what a request the change did not touch is.
        package init() {}
    }

    /// The requests touched, by id.
    package private(set) var requests: [WorkRequest.ID: Touch] = [:]
    /// Requests were added or taken out.
    package private(set) var membership = false
    /// A workflow run was added, changed or taken out.
    package private(set) var runs = false
    /// An id counter moved.
    package private(set) var counters = false

    package init() {}

    /// Nothing was touched: the state is as it was.
    package var isEmpty: Bool { requests.isEmpty && !membership && !runs && !counters }

    mutating func touchFields(of request: WorkRequest.ID) { requests[request, default: Touch()].fields = true }

    mutating func touch(_ task: WorkTask.ID, of request: WorkRequest.ID) {
        requests[request, default: Touch()].tasks.insert(task)
    }

    mutating func grow(_ request: WorkRequest.ID) { requests[request, default: Touch()].grew = true }

    mutating func touchMembership() { membership = true }

    mutating func touchRuns() { runs = true }

    mutating func touchCounters() { counters = true }
}
