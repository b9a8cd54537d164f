import Foundation
import Testing

/// A terminal as the person has one: a tmux pane (80×40) whose shell runs outside the test's process
/// tree and session (the tmux server detaches), with a controlling terminal. Commands that decide for
/// the person run here; run by the test process itself they run where an agent would.
enum PersonTerminal {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs `command` in a fresh pane and returns the screen once it has finished: the command
    /// signals a tmux channel when done, so nothing waits on a timer. One shell runs the tmux commands
    /// and reaps them; the tmux server detaches from its output.
    static func screen(_ command: String, escapes: Bool = false, width: Int = 80, height: Int = 40) throws -> String {
        let tmux = try #require(Self.tmux)
        let socket = "orchestrator-\(UUID().uuidString)"
        let pane = "\(command); \(tmux) -L \(socket) wait-for -S shown; exec /bin/sleep 600"
        let script = """
            \(tmux) -L \(socket) new-session -d -x \(width) -y \(height) -s view '\(pane.replacingOccurrences(of: "'", with: "'\\''"))'
            \(tmux) -L \(socket) wait-for shown
            \(tmux) -L \(socket) capture-pane -p -J -S - -t view \(escapes ? "-e" : "")
            \(tmux) -L \(socket) kill-server
            """
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", script]
        let output = Pipe()
        shell.standardOutput = output
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs the binary with `arguments` in the person's terminal; returns the screen and the exit
    /// status. `setsid` runs it in a session of its own with no terminal (input from /dev/null).
    static func run(_ arguments: [String], setsid: Bool = false, environment: [String: String] = [:]) throws -> (
        status: Int32?, screen: String
    ) {
        let binary = ServerProcess.executable.path
        let settings =
            environment.isEmpty ? [] : ["env"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let line = ((setsid ? ["setsid", "-w"] : []) + settings + [binary] + arguments).map {
            "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        .joined(separator: " ")
        let screen = try Self.screen("\(line)\(setsid ? " </dev/null" : ""); echo \"exit=$?\"")
        let status = screen.split(separator: "\n").last { $0.hasPrefix("exit=") }.flatMap { Int32($0.dropFirst(5)) }
        return (status, screen)
    }
}
