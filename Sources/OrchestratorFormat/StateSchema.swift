internal import OrchestratorCore

/// Facts about the state file's format.
package enum StateSchema {
    /// The `schemaVersion` this build writes. A file with a larger one is never overwritten.
    ///
    /// - 1: requests and tasks.
    /// - 2: adds `runs` and `nextRunNumber` (workflow runs) and a request's `workflowRun`. Version 1
    ///   files read as having no runs, and are written back as version 2.
    /// - 3: adds a request's `looseTasks` mark (the request orchestrator-server's tasks live in).
    ///   Version 2 files read the request with that set's fixed text as marked, as it was found then.
    /// - 4: adds a task's `evidence` (what it changed in the working tree). An older build refuses to
    ///   write a version 4 file rather than drop the evidence it does not know.
    /// - 5: adds a request's `origin` (the git working tree and branch it was planned in).
    package static let currentVersion = 5

    /// How deeply the file may nest: a run's `context` sits at the fourth level (the document, `runs`,
    /// the run, the context) and may itself be `WorkflowContext.maximumDepth` deep. The reader refuses
    /// anything deeper, and the tools refuse a context that would be.
    package static let maximumDepth = 3 + WorkflowContext.maximumDepth
}
