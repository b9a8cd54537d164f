import Foundation
import OrchestratorSystem
import Testing

/// The program runner evidence, checks and notifications use: what it gives the child, what it keeps
/// of what the child prints, and how it ends one that runs too long.
struct ChildProcessTests {
    let folder = TemporaryDirectory.make()

    @Test func theChildGetsItsArgumentsInputEnvironmentAndFolderAndNothingElse() throws {
        let result = try ChildProcess(
            ["/bin/sh", "-c", #"printf '%s|%s|%s|' "$1" "$ONLY" "$HOME"; pwd; cat"#, "sh", "first arg"],
            environment: ["ONLY": "this"], directory: folder
        ).run(input: Array("from stdin".utf8))
        #expect(result.succeeded)
        let realFolder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        #expect(result.outputText == "first arg|this||\(realFolder)\nfrom stdin")
    }

    @Test func anExitStatusAndTheErrorStreamAreKept() throws {
        let result = try ChildProcess(["/bin/sh", "-c", "echo oops >&2; exit 3"], environment: [:], directory: folder)
            .run()
        #expect(result.ending == .exited(3) && !result.succeeded)
        #expect(result.errorText == "oops\n")
    }

    /// The child and what it started are killed when the time runs out; the child's own sleep is far
    /// longer than any machine takes to start it, so the outcome does not depend on timing.
    @Test func aChildThatRunsTooLongIsEndedWithItsGroup() throws {
        let marker = folder + "/grandchild-ran"
        let result = try ChildProcess(
            ["/bin/sh", "-c", "(sleep 600; touch '\(marker)') & sleep 600"], environment: [:], directory: folder,
            timeoutSeconds: 0.3
        ).run()
        #expect(result.ending == .timedOut)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func outputBeyondTheLimitIsReadAndCountedNotKept() throws {
        let result = try ChildProcess(
            ["/bin/sh", "-c", "head -c 300000 /dev/zero"], environment: [:], directory: folder, outputLimit: 1000
        ).run()
        #expect(result.succeeded)
        #expect(result.output.count == 1000 && result.dropped == 299_000)
    }

    @Test func aMissingProgramIsSaidInASentence() {
        #expect {
            _ = try ChildProcess(["no-such-program-here"], environment: ["PATH": "/nonexistent"], directory: folder)
                .run()
        } throws: { error in
            "\(error)".contains("no-such-program-here is not installed")
        }
    }
}

extension ChildProcessTests {
    /// A descriptor this process holds without close-on-exec (as one it inherited would be) does not
    /// reach the child, so a child that outlives its parent keeps no pipe of the parent's open.
    @Test func theChildGetsOnlyItsThreeStreams() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        let result = try ChildProcess(["/bin/sh", "-c", "ls /proc/self/fd"], environment: [:], directory: folder).run()
        let open = result.outputText.split(separator: "\n").compactMap { Int32($0) }
        #expect(!open.contains(ends[0]) && !open.contains(ends[1]), "\(open) holds \(ends)")
    }
}
