/// One step of a workflow definition, as its Markdown file describes it.
package struct WorkflowStep: Sendable, Equatable {
    /// The link text in `index.md`: how runs, reports and transitions name the step.
    package let name: String
    /// The step file, relative to the workflow's folder (`steps/run_tests.md`).
    package let file: String
    package let goal: String?
    /// For the orchestrating side: when to go where. Shown to the client when it must choose.
    package let orchestratorGuidance: String
    /// What the client should do in this step; `{{context.key}}` is rendered from the run's context.
    package let clientInstructions: String
    package let contextExpectations: String?
    /// A specialist role whose guidance comes with the step.
    package let role: String?
    /// Our extension: the `# Transitions` rules, tried top to bottom. Empty for prose-only steps.
    package let transitions: [TransitionRule]
    /// Targets the guidance names (step names and FINISH/FAILED), in the order they first appear.
    package let mentions: [StepTarget]

    package init(
        name: String, file: String, goal: String? = nil, orchestratorGuidance: String, clientInstructions: String,
        contextExpectations: String? = nil, role: String? = nil, transitions: [TransitionRule] = [],
        mentions: [StepTarget] = []
    ) {
        self.name = name
        self.file = file
        self.goal = goal
        self.orchestratorGuidance = orchestratorGuidance
        self.clientInstructions = clientInstructions
        self.contextExpectations = contextExpectations
        self.role = role
        self.transitions = transitions
        self.mentions = mentions
    }

    /// Whether the server decides the next step from rules, or the client chooses among `allowedTargets`.
    package var isRuleBased: Bool { !transitions.isEmpty }

    /// Where this step may lead. Rule-based steps: the rules' targets. Prose steps: the targets the
    /// guidance mentions, this step itself (to repeat it), then FINISH and FAILED.
    package var allowedTargets: [StepTarget] {
        var targets: [StepTarget] = []
        let candidates = isRuleBased ? transitions.map(\.target) : mentions + [.step(name), .finish, .failed]
        for target in candidates where !targets.contains(where: { $0.matches(target) }) { targets.append(target) }
        return targets
    }

    /// The target of the first rule that matches, or the client's allowed choice.
    ///
    /// Rule-based steps ignore no input: a `nextStep` that disagrees with the rules is refused, so a
    /// client cannot steer around them. Prose steps require `nextStep` and check it against the list.
    package func decide(outcome: String, context: WorkflowContext, nextStep: String?) throws(OrchestratorError)
        -> StepTarget
    {
        let requested = nextStep.map(StepTarget.init)
        if isRuleBased {
            guard let rule = transitions.first(where: { $0.matches(outcome: outcome, context: context) }) else {
                throw .noTransitionMatches(step: name, outcome: outcome, rules: transitions.map(\.description))
            }
            if let requested, !requested.matches(rule.target) {
                throw .nextStepDisagrees(step: name, requested: requested.description, decided: rule.target.description)
            }
            return rule.target
        }
        let allowed = allowedTargets
        guard let requested else { throw .nextStepRequired(step: name, allowed: allowed.map(\.description)) }
        guard let match = allowed.first(where: { $0.matches(requested) }) else {
            throw .nextStepNotAllowed(step: name, requested: requested.description, allowed: allowed.map(\.description))
        }
        return match
    }
}

extension StepTarget {
    /// Step names compare without regard to case or surrounding spaces, as people write them.
    package func matches(_ other: StepTarget) -> Bool {
        switch (self, other) {
        case (.finish, .finish), (.failed, .failed): true
        case (.step(let a), .step(let b)): a.lowercased() == b.lowercased()
        default: false
        }
    }
}
