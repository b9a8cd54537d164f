import Foundation
import OrchestratorCore
import OrchestratorFormat
import OrchestratorStorage
import OrchestratorSystem
import Testing

/// Reading the archive is the store's: it keeps what it read under the file's identity, and reads
/// again whenever the file changed, so no front end keeps a copy of its own and none sees stale lines.
struct ArchiveReadTests {
    static func line(_ id: String) -> [UInt8] {
        let moment = Timestamp(millisecondsSince1970: 1_795_251_600_000)
        let request = WorkRequest(
            id: WorkRequest.ID(id), originalRequest: "R \(id)", splitDetails: nil, status: .completed,
            approvalPolicy: .each, createdAt: moment, updatedAt: moment)
        return StateEncoder.archiveLine(ArchivedRequest(request: request, runs: [], archivedAt: moment))
    }

    @Test func theArchiveIsReadAgainWhenItChangesAndNotServedStale() throws {
        let folder = TemporaryDirectory.make()
        let store = StateStore(location: StateLocation(path: folder + "/state.json", source: .option))
        let archive = folder + "/state.archive.jsonl"
        #expect(try store.archived().isEmpty)
        try Data(Self.line("req-1")).write(to: URL(fileURLWithPath: archive))
        #expect(try store.archived().map(\.request.id.rawValue) == ["req-1"])
        #expect(try store.archived().map(\.request.id.rawValue) == ["req-1"], "asked again, unchanged")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: archive))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.line("req-2")))
        try handle.close()
        #expect(try store.archived().map(\.request.id.rawValue) == ["req-1", "req-2"])
        try FileManager.default.removeItem(atPath: archive)
        #expect(try store.archived().isEmpty, "a removed archive is not served from memory")
    }
}
