internal import OrchestratorSystem

/// One subcommand of the executable (`status`, `approve`, …).
protocol CLICommand: Sendable {
    var name: String { get }
    /// One line for the command list.
    var summary: String { get }
    /// The usage line, without the program name.
    var usage: String { get }
    /// Everything `--help` prints after the usage line.
    var details: String { get }
    var valuedOptions: Set<String> { get }
    var flagOptions: Set<String> { get }

    /// Runs with parsed arguments; returns the exit status.
    func run(_ arguments: CommandLineArguments, context: CLIContext) throws(CLIFailure) -> Int32
}

/// Why a command could not do what was asked: a usage mistake (exit 64), a refusal (exit 1), a
/// decision for the person made where an agent runs (exit 77), with a sentence for stderr.
enum CLIFailure: Error {
    case usage(String)
    case refused(String)
    /// The state file or a directory could not be used (exit 74, like EX_IOERR).
    case io(String)
    /// A decision only the person makes, asked from inside an agent's session or without a terminal
    /// (exit 77, like EX_NOPERM).
    case notThePerson(String)

    /// The exit status of a decision refused because the person did not make it.
    static let notThePersonStatus: Int32 = 77

    var status: Int32 {
        switch self {
        case .usage: 64
        case .refused: 1
        case .io: 74
        case .notThePerson: Self.notThePersonStatus
        }
    }

    var message: String {
        switch self {
        case .usage(let text), .refused(let text), .io(let text), .notThePerson(let text): text
        }
    }
}
