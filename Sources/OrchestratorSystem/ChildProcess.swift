#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program run to its end with what it printed: git for a task's evidence, a project's checks, the
/// person's notify command. It runs in a process group of its own, so a timeout ends it and whatever
/// it started; what it prints is kept up to a limit (the rest is read and counted, never left to
/// block it); and it gets only the environment it is given.
package struct ChildProcess: Sendable {
    /// How a run ended.
    package enum Ending: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (not ours).
        case signalled(Int32)
        /// The timeout ran out and its process group was killed.
        case timedOut
    }

    /// What a run printed and how it ended.
    package struct Result: Sendable {
        package let ending: Ending
        /// Standard output, up to the limit.
        package let output: [UInt8]
        /// Standard error, up to the limit.
        package let errors: [UInt8]
        /// Bytes printed beyond the limit, on either stream, read and dropped.
        package let dropped: Int
        /// How long it ran.
        package let milliseconds: Int64

        /// It exited with status 0.
        package var succeeded: Bool { ending == .exited(0) }
        package var outputText: String { String(decoding: output, as: UTF8.self) }
        package var errorText: String { String(decoding: errors, as: UTF8.self) }
    }

    /// Why a program could not be started.
    package struct LaunchFailure: Error, Sendable, CustomStringConvertible {
        package let program: String
        package let code: Int32

        package var description: String {
            code == ENOENT
                ? "\(program) is not installed (not found on PATH)"
                : "\(program) could not be started: \(SystemError.sentence(for: code))"
        }
    }

    /// The program (looked up on `PATH` when it has no slash) and its arguments.
    package let arguments: [String]
    /// The whole environment the program gets.
    package let environment: [String: String]
    /// Where it runs.
    package let directory: String
    package let timeoutSeconds: Double
    /// Bytes kept of each stream.
    package let outputLimit: Int

    package init(
        _ arguments: [String], environment: [String: String], directory: String, timeoutSeconds: Double = 30,
        outputLimit: Int = 64 << 20
    ) {
        self.arguments = arguments
        self.environment = environment
        self.directory = directory
        self.timeoutSeconds = timeoutSeconds
        self.outputLimit = outputLimit
    }

    /// Runs the program, writing `input` to its standard input, and waits for its end.
    package func run(input: [UInt8] = []) throws(LaunchFailure) -> Result {
        let program = arguments.first ?? ""
        guard let stdinPipe = Self.pipe(ours: .write), let stdoutPipe = Self.pipe(ours: .read),
            let stderrPipe = Self.pipe(ours: .read)
        else { throw LaunchFailure(program: program, code: errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe.read, 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe.write, 2)
        // Nothing but its three streams: a descriptor this process did not mark close-on-exec (one it
        // inherited from whoever started it) must not keep a pipe open after this process is gone.
        Self.closeFrom3(&actions)
        guard Self.addChangeDirectory(&actions, directory) == 0 else {
            for end in [stdinPipe.read, stdinPipe.write, stdoutPipe.read, stdoutPipe.write, stderrPipe.read] {
                close(end)
            }
            close(stderrPipe.write)
            throw LaunchFailure(program: program, code: ENOSYS)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own, so a timeout kills what it started too; default signal handling.
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let started = Monotonic.milliseconds()
        let code: Int32 =
            program.contains("/")
            ? posix_spawn(&pid, program, &actions, &attributes, argv, envp)
            : posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        close(stdinPipe.read)
        close(stdoutPipe.write)
        close(stderrPipe.write)
        guard code == 0 else {
            close(stdinPipe.write)
            close(stdoutPipe.read)
            close(stderrPipe.read)
            throw LaunchFailure(program: program, code: code)
        }
        let exchange = exchange(
            pid: pid, input: input, stdin: stdinPipe.write, stdout: stdoutPipe.read, stderr: stderrPipe.read,
            deadline: started + Int64(timeoutSeconds * 1000))
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let ending: Ending =
            exchange.timedOut
            ? .timedOut
            : (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
        return Result(
            ending: ending, output: exchange.output, errors: exchange.errors, dropped: exchange.dropped,
            milliseconds: Monotonic.milliseconds() - started)
    }

    private enum End { case read, write }

    /// A pipe closed on exec, with our end (not the child's) non-blocking.
    private static func pipe(ours: End) -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ours == .read ? ends[0] : ends[1], F_SETFL, O_NONBLOCK)
        return (ends[0], ends[1])
    }

    private typealias AddChangeDirectory =
        @convention(c) (
            UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
        ) -> Int32

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29, macOS 10.15): the child starts in the
    /// folder without the parent, whose other threads share its working directory, ever moving.
    /// Found at run time, as the C library's headers declare it only for GNU sources.
    private static let changeDirectory: AddChangeDirectory? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np")
        else { return nil }
        return unsafeBitCast(symbol, to: AddChangeDirectory.self)
    }()

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34): closes every descriptor from 3 on in
    /// the child. Found at run time; where the C library has none, what is close-on-exec is all.
    private static let closeFrom: AddCloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        _ = closeFrom?(&actions, 3)
    }

    private static func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t, _ directory: String) -> Int32 {
        guard let changeDirectory else { return ENOSYS }
        return changeDirectory(&actions, directory)
    }

    /// Feeds standard input and reads both outputs until they close or the deadline passes.
    private func exchange(pid: pid_t, input: [UInt8], stdin: Int32, stdout: Int32, stderr: Int32, deadline: Int64)
        -> (output: [UInt8], errors: [UInt8], dropped: Int, timedOut: Bool)
    {
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var dropped = 0
        var written = 0
        var inputOpen = true
        if input.isEmpty {
            close(stdin)
            inputOpen = false
        }
        var open: [Int32: Bool] = [stdout: true, stderr: true]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var timedOut = false
        while open.values.contains(true) || inputOpen {
            let left = deadline - Monotonic.milliseconds()
            if left <= 0 {
                timedOut = true
                kill(-pid, SIGKILL)
                break
            }
            var watched: [pollfd] = open.filter(\.value).map { pollfd(fd: $0.key, events: Int16(POLLIN), revents: 0) }
            if inputOpen { watched.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&watched, nfds_t(watched.count), Int32(min(left, 1000)))
            if ready < 0, errno != EINTR { break }
            for entry in watched where entry.revents != 0 {
                if entry.fd == stdin {
                    let count = input.withUnsafeBytes { bytes in
                        write(stdin, bytes.baseAddress! + written, bytes.count - written)
                    }
                    if count > 0 { written += count }
                    if count < 0, errno != EAGAIN, errno != EINTR || written >= input.count {
                        written = input.count
                    }
                    if written >= input.count {
                        close(stdin)
                        inputOpen = false
                    }
                    continue
                }
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    let room = outputLimit - (entry.fd == stdout ? output.count : errors.count)
                    let kept = max(0, min(room, count))
                    if entry.fd == stdout {
                        output.append(contentsOf: buffer[0..<kept])
                    } else {
                        errors.append(contentsOf: buffer[0..<kept])
                    }
                    dropped += count - kept
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    open[entry.fd] = false
                }
            }
        }
        if inputOpen { close(stdin) }
        close(stdout)
        close(stderr)
        return (output, errors, dropped, timedOut)
    }
}
