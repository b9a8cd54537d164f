import Dispatch
import OrchestratorCLI
import OrchestratorCore
import OrchestratorEvidence
import OrchestratorMCP
import OrchestratorPostgres
import OrchestratorStorage
import OrchestratorSystem
import OrchestratorTools
import OrchestratorWorkflows

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// Thin entry point: read launch options, wire the parts, run the loop.

#if canImport(Glibc)
    /// glibc's `mallopt`, declared in <malloc.h>, which the Glibc module does not include.
    @_silgen_name("mallopt") func mallocOption(_ parameter: Int32, _ value: Int32) -> Int32
    // Large buffers (the state file's bytes, its encoding) go straight to mmap and back to the system
    // when freed, freed heap is trimmed early, and one malloc arena serves both threads: the server's
    // peak memory stays near what it holds instead of what it once touched.
    _ = mallocOption(-3, 64 * 1024)  // M_MMAP_THRESHOLD
    _ = mallocOption(-1, 1024 * 1024)  // M_TRIM_THRESHOLD
    _ = mallocOption(-8, 1)  // M_ARENA_MAX
#endif

// A file size limit turns into EFBIG errors with a sentence, in the server and every subcommand,
// instead of killing the process halfway through a write.
signal(SIGXFSZ, SIG_IGN)

// A word first (status, approve, … or a mistyped one) is the person's side; options configure the server.
let arguments = Array(CommandLine.arguments.dropFirst())
// `serve` is the shared server: the same options, over Streamable HTTP.
let serving = arguments.first == "serve"
if !serving, let first = arguments.first, CommandLineInterface.isCommand(first) {
    // `--store` among a command's arguments chooses its store, as the server's option does; the
    // command parses it as it parses `--state`, and the store is opened here.
    let storeOption = CommandLineInterface.globalOption("--store", in: arguments)
    let storeChoice: StoreChoice
    switch StoreChoice.resolve(option: storeOption, environment: ProcessInfo.processInfo.environment) {
    case .success(let choice): storeChoice = choice
    case .failure(let error):
        Diagnostics.writeStderr("mcp-orchestrator: \(error)\n")
        exit(error.exitStatus)
    }
    // The command line's changes move finished work to the archive too, after the default retention.
    let retention = ArchivePolicy.defaultRetentionDays * 86_400
    let notify = ProcessInfo.processInfo.environment["MCP_ORCHESTRATOR_NOTIFY"].flatMap { $0.isEmpty ? nil : $0 }
    let notifiers = Locked<[Notifier]>([])
    var context = CLIContext.live(
        executablePath: ProcessPaths.executable() ?? CommandLine.arguments[0],
        orchestrator: { location in
            // The composition for a command: the file store at its location, the person's rules, and
            // the person told (MCP_ORCHESTRATOR_NOTIFY) of what a decision here makes wait for them.
            let notifier = notify.map { command in
                Notifier(
                    command: command, environment: ProcessInfo.processInfo.environment, statePath: location.path,
                    report: { Diagnostics.writeStderr("mcp-orchestrator: notify: \($0)\n") })
            }
            if let notifier { notifiers.withLock { $0.append(notifier) } }
            let persistence = storeChoice.persistence(
                at: location, environment: ProcessInfo.processInfo.environment, lockWaitSeconds: 10,
                retentionSeconds: retention)
            return Orchestrator(
                persistence: persistence, clock: .system, leaseSeconds: Orchestrator.defaultLeaseSeconds,
                approver: .human, observer: notifier)
        })
    context.transferStore = { spec, project, location throws(PersistenceError) in
        try StoreChoice.transferStore(
            spec, project: project, location: location, environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath)
    }
    context.changes = { storeChoice.changes(at: $0, environment: ProcessInfo.processInfo.environment).hub }
    context.olderPlans = OlderPlans.notice(for:)
    context.retentionDays = ArchivePolicy.defaultRetentionDays
    let status = CommandLineInterface.run(arguments, context: context)
    for notifier in notifiers.withLock({ $0 }) { notifier.finish() }
    exit(status)
}

let options: LaunchOptions
switch LaunchOptions.parse(serving ? Array(arguments.dropFirst()) : arguments, serving: serving) {
case .success(.help):
    Diagnostics.writeStdout(
        LaunchOptions.helpText + "\n\nCommands (each has --help):\n" + CommandLineInterface.summaries + "\n")
    exit(0)
case .success(.version):
    Diagnostics.writeStdout("mcp-orchestrator \(ProductInfo.version)\n")
    exit(0)
case .success(.serve(let parsed)):
    options = parsed
case .failure(let error):
    Diagnostics.writeStderr(
        "mcp-orchestrator\(serving ? " serve" : ""): \(error)\n\(LaunchOptions.usageLine(serving: serving))\n")
    exit(64)
}

let environment = ProcessInfo.processInfo.environment
let homeDirectory = ProcessPaths.home(environment: environment)
let location: StateLocation
do {
    location = try StateLocation.resolve(
        option: options.statePath,
        environment: environment,
        workingDirectory: FileManager.default.currentDirectoryPath,
        homeDirectory: homeDirectory)
} catch {
    Diagnostics.writeStderr("mcp-orchestrator: \(error)\n")
    exit(78)
}

let storeChoice: StoreChoice
switch StoreChoice.resolve(option: options.store, environment: environment) {
case .success(let choice): storeChoice = choice
case .failure(let error):
    Diagnostics.writeStderr("mcp-orchestrator\(serving ? " serve" : ""): \(error)\n")
    exit(error.exitStatus)
}

let workflowSources = WorkflowSources.resolve(
    options: options.workflowDirectories, environment: environment,
    userData: PlatformDirectories.userData(environment: environment, home: homeDirectory),
    shipped: ShippedWorkflows.locate(), workingDirectory: FileManager.default.currentDirectoryPath)

let notifyCommand = options.notifyCommand ?? environment["MCP_ORCHESTRATOR_NOTIFY"].flatMap { $0.isEmpty ? nil : $0 }
let notifier = notifyCommand.map { command in
    Notifier(
        command: command, environment: environment, statePath: location.path,
        report: { Diagnostics.writeStderr("mcp-orchestrator: notify: \($0)\n") })
}
// The git working tree this stdio server runs in: its plans record it, and its agents are offered them first.
let origin = GitRepository.containing(FileManager.default.currentDirectoryPath, probe: .live).map { repository in
    WorkRequest.Origin(worktree: repository.worktree, branch: repository.branch(probe: .live))
}
let settings = OrchestratorSettings(
    stateLocation: location,
    toolsets: options.toolsets,
    approver: options.approver,
    workflowDirectories: workflowSources.directories,
    roleDirectories: workflowSources.roleDirectories,
    leaseSeconds: options.leaseMinutes * 60,
    lockWaitSeconds: options.lockWaitSeconds,
    stateReason: location.reason(home: homeDirectory),
    stateNotice: OlderPlans.notice(for: location),
    observer: notifier, origin: origin)
let configuration = settings.serverConfiguration(logLevel: options.logLevel)
let diagnostics = Diagnostics(threshold: options.logLevel)
switch storeChoice {
case .file:
    Diagnostics.writeStderr(
        "mcp-orchestrator \(ProductInfo.version): state file \(location.path) (\(settings.stateReason))\n")
case .postgres(let connection, _):
    Diagnostics.writeStderr(
        "mcp-orchestrator \(ProductInfo.version): PostgreSQL store \(connection.redacted), project \(StoreChoice.projectName(of: location, environment: environment)) (\(settings.stateReason))\n"
    )
}
if let notice = settings.stateNotice { Diagnostics.writeStderr("mcp-orchestrator: note: \(notice)\n") }

if let address = options.http {
    exit(
        SharedServerLaunch.run(
            address: address, options: options, settings: settings, configuration: configuration, location: location,
            storeChoice: storeChoice, environment: environment,
            user: environment["USER"] ?? environment["LOGNAME"], diagnostics: diagnostics))
}

let sink = FileDescriptorSink(descriptor: StandardStreams.claimStdoutForProtocol())
let store = storeChoice.persistence(
    at: location, environment: environment, lockWaitSeconds: options.lockWaitSeconds,
    retentionSeconds: options.archiveAfterDays * 86_400)
// The process that started this server is an agent's client: it is registered beside the state file
// for as long as it runs, so the person's commands can tell when they run inside its session or
// process tree (`PersonPresence`). It happens after the first message (the first answer is not
// delayed), and a folder that does not exist yet is made only by a change, so it waits for that.
let registration: AgentRegistration
switch storeChoice {
case .file: registration = AgentRegistration(statePath: location.path, directory: location.directory)
case .postgres:
    registration = AgentRegistration(statePath: location.path, directory: location.directory, makesDirectory: true)
}
// The composition: one orchestrator and one workflow library, the tools bound to them, handed to the server.
// What each task changes in the working tree the agent's client started this server in, unless the
// person turned it off (`MCP_ORCHESTRATOR_EVIDENCE=off`).
let evidence =
    environment["MCP_ORCHESTRATOR_EVIDENCE"] == "off"
    ? nil
    : EvidenceRecorder(
        workingDirectory: FileManager.default.currentDirectoryPath, statePath: location.path, environment: environment)
// The project's trusted checks, run on work marked done in this working tree; their results go in
// through a store of the runner's own (this one belongs to the loop).
let checks = ChecksRunner(
    workingDirectory: FileManager.default.currentDirectoryPath, statePath: location.path, environment: environment,
    userData: PlatformDirectories.userData(environment: environment, home: homeDirectory)
) {
    settings.orchestrator(
        over: storeChoice.persistence(
            at: location, environment: environment, lockWaitSeconds: options.lockWaitSeconds, retentionSeconds: nil))
}
let services = ToolServices(
    orchestrator: settings.orchestrator(over: store), workflows: settings.workflowLibrary(), settings: settings,
    evidence: evidence, checks: checks)
var server = MCPServer(configuration: configuration, content: ShippedTools.content(for: services), sink: sink)
// A state file that cannot be used is reported at once, through the
// server's own store so the file is parsed only once; the server still starts, answers reads it
// can, and refuses changes until the file is fixed.
switch Result(catching: { () throws(PersistenceError) in try store.snapshot() }) {
case .failure(let problem): Diagnostics.writeStderr("mcp-orchestrator: warning: \(problem)\n")
case .success(let snapshot):
    if let reason = snapshot.readOnlyReason { Diagnostics.writeStderr("mcp-orchestrator: warning: \(reason)\n") }
    for dangling in snapshot.state.danglingDependencies {
        Diagnostics.writeStderr("mcp-orchestrator: warning: \(location.path): \(dangling)\n")
    }
}

// Checks a stopped server left running are reported as interrupted and run again, beside the loop.
if case .success(let snapshot) = Result(catching: { () throws(PersistenceError) in try store.snapshot() }),
    snapshot.state.requests.contains(where: { $0.tasks.contains { $0.checks?.isRunning == true } })
{
    let state = snapshot.state
    DispatchQueue.global(qos: .utility).async { checks.resume(in: state) }
}

// The snapshots of tasks archived after the retention are let go, beside the loop, so the first
// answer is not delayed.
if let evidence, let archived = try? services.orchestrator.archived(), !archived.isEmpty {
    let gone = Set(archived.flatMap { $0.request.tasks.map(\.id) })
    DispatchQueue.global(qos: .utility).async { evidence.release(archived: gone) }
}

// Workflow directories the user named must exist; definitions with errors are named at once.
if workflowSources.origin != .defaults {
    for directory in workflowSources.directories {
        if !FileManager.default.fileExists(atPath: directory) {
            Diagnostics.writeStderr(
                "mcp-orchestrator: warning: workflows directory \(directory) (from \(workflowSources.origin.rawValue)) does not exist\n"
            )
        } else if let warning = WorkflowSources.misplacedWarning(directory) {
            Diagnostics.writeStderr("mcp-orchestrator: warning: \(warning)\n")
        }
    }
}
// Loading the definitions takes a few milliseconds, so it happens beside the loop: the first
// answer is not delayed, and the library (which locks its cache) is warm for the first workflow call.
let library = services.workflows
let workflowCheck = DispatchGroup()
DispatchQueue.global(qos: .utility).async(group: workflowCheck) {
    for workflow in library.workflows() {
        for problem in workflow.diagnostics where problem.severity == .error {
            Diagnostics.writeStderr("mcp-orchestrator: workflow \(workflow.name): \(workflow.directory)/\(problem)\n")
        }
    }
}

var reader = LineReader(
    source: StdinSource(stopDescriptor: StopSignals.install()), maximumLineBytes: options.maximumLineBytes)
// Calls that wait (`waitSeconds`) wake when the state file changes, from this process or any other.
let changes = storeChoice.changes(at: location, environment: environment)
let reason = ServerLoop.run(
    &server, reader: &reader, changes: changes.hub, outputIsBroken: { sink.isBroken },
    afterMessage: registration.registerIfReady)
changes.stop()

switch reason {
case .endOfInput: diagnostics.write(.info, "stdin closed; exiting")
case .stopRequested(let signal): diagnostics.write(.notice, "received signal \(signal); exiting")
case .outputClosed: diagnostics.write(.notice, "stdout closed by the client; exiting")
}
// The check's report, and a notification under way, are never cut off by a quick exit.
workflowCheck.wait()
checks.finishRecording()
notifier?.finish()
exit(0)
