import Foundation
import OrchestratorCore
import OrchestratorStorage
import OrchestratorSystem
import Testing

/// A failed flush is reported to the change that failed (issue 26, part 4). The result of a flush
/// belongs to its change: a read or another change that finishes it first must neither take the
/// failure for itself nor leave the change's caller believing it was saved.
@Suite struct FlushOwnershipTests {
    static let draft = [TaskDraft(title: "T", description: "d")]

    /// The shared server's arrangement: one store behind `SerializedPersistence`, one change planned.
    static func shared(at folder: String) throws -> (SerializedPersistence, Orchestrator) {
        let store = SerializedPersistence(
            StateStore(location: StateLocation(path: folder + "/state.json", source: .option)))
        let orchestrator = Orchestrator(persistence: store, clock: .system, leaseSeconds: 60, approver: .agent)
        _ = try orchestrator.plan("first", splitDetails: nil, tasks: Self.draft, policy: nil, by: "a").durable()
        return (store, orchestrator)
    }

    @Test func aReadThatFinishesAFailedFlushLeavesTheFailureToTheChange() throws {
        let folder = TemporaryDirectory.make()
        let (store, orchestrator) = try Self.shared(at: folder)
        // The next flush cannot create its temporary file: a folder holds the name (even for root).
        try FileManager.default.createDirectory(atPath: folder + "/state.json.tmp", withIntermediateDirectories: false)
        let committed = try orchestrator.plan("second", splitDetails: nil, tasks: Self.draft, policy: nil, by: "a")
        // A reader gets there first: it finishes the flush, and reads the file as it is.
        let read = try store.snapshot()
        #expect(read.state.requests.map(\.originalRequest) == ["first"])
        // The change's own caller is told its change was not saved.
        #expect(committed.durability.wait()?.code == "state_write_failed")
        #expect(throws: PersistenceError.self) { try committed.durable() }
    }

    @Test func concurrentChangesAndReadsEachGetTheirOwnResult() throws {
        let folder = TemporaryDirectory.make()
        let (store, shared) = try Self.shared(at: folder)
        // The orchestrator is a value over the shared persistence, which serializes the threads.
        nonisolated(unsafe) let orchestrator = shared
        try FileManager.default.createDirectory(atPath: folder + "/state.json.tmp", withIntermediateDirectories: false)
        let results = ResultLog()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            if index % 2 == 0 {
                do {
                    let committed = try orchestrator.plan(
                        "change \(index)", splitDetails: nil, tasks: Self.draft, policy: nil, by: "a")
                    results.add(change: committed.durability.wait()?.code ?? "saved")
                } catch {
                    results.add(change: "\(error)")
                }
            } else {
                do throws(PersistenceError) {
                    results.add(read: "\(try store.snapshot().state.requests.count)")
                } catch {
                    results.add(read: error.code)
                }
            }
        }
        let (changes, reads) = results.all
        #expect(changes.count == 32 && changes.allSatisfy { $0 == "state_write_failed" }, "\(changes)")
        #expect(reads.count == 32 && reads.allSatisfy { $0 == "1" }, "\(reads)")
    }

    #if os(Linux)
        @Test(.enabled(if: StoreHardeningTests.canMountTmpfs, "needs permission to mount a tmpfs"))
        func aFullDiskFailsTheChangeThatDidNotFitNotTheReaderAfterIt() throws {
            let disk = TemporaryDirectory.make()
            #expect(mount("tmpfs", disk, "tmpfs", 0, "size=64k") == 0)
            defer { umount(disk) }
            let (store, orchestrator) = try Self.shared(at: disk)
            let large = (0..<40).map { TaskDraft(title: "t\($0)", description: String(repeating: "x", count: 2_000)) }
            let committed = try orchestrator.plan("too large", splitDetails: nil, tasks: large, policy: nil, by: "a")
            #expect(try store.snapshot().state.requests.count == 1)
            let failure = committed.durability.wait()
            #expect(failure?.code == "state_write_failed")
            #expect(failure?.description.contains("ENOSPC") == true, "\(failure?.description ?? "")")
        }
    #endif
}

/// What each thread saw, collected under a lock.
private final class ResultLog: @unchecked Sendable {
    private let lock = NSLock()
    private var changes: [String] = []
    private var reads: [String] = []

    func add(change: String) { lock.withLock { changes.append(change) } }
    func add(read: String) { lock.withLock { reads.append(read) } }
    var all: ([String], [String]) { lock.withLock { (changes, reads) } }
}
