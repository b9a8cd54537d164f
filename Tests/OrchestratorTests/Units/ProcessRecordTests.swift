import Foundation
import OrchestratorSystem
import Testing

/// `ProcessRecord` reads what the kernel writes (`/proc/PID/stat` on Linux), for a process whose
/// name holds spaces and parentheses, as a program's name may.
struct ProcessRecordTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat"), "reads /proc (Linux)"))
    func aChildWithAnAwkwardNameIsKnownWithItsParentAndSession() throws {
        let folder = TemporaryDirectory.make()
        let program = folder + "/a (b) c"
        try FileManager.default.copyItem(atPath: "/bin/sleep", toPath: program)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: program)
        child.arguments = ["30"]
        try child.run()
        defer {
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
        }
        let me = try #require(ProcessRecord.current)
        let record = try #require(ProcessRecord.of(child.processIdentifier))
        #expect(record.name == "a (b) c")
        #expect(record.parent == me.pid)
        #expect(record.session == me.session)
        #expect(record.isRunning)
        #expect(record.ancestors.first?.pid == me.pid, "its ancestors start with this process")
        #expect(ProcessRecord.of(Int32.max) == nil)
    }
}
