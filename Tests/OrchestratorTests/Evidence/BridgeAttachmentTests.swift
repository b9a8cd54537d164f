import OrchestratorCore
import OrchestratorEvidence
import OrchestratorJSON
import Testing

/// What the `connect` bridge attaches to `mark_task_done`: written and read back whole, a long patch
/// cut at a line with the rest counted and said, and anything malformed named by its field.
struct BridgeAttachmentTests {
    static let evidence = TaskEvidence(
        round: 2, start: String(repeating: "a", count: 40), end: String(repeating: "b", count: 40),
        files: [
            .init(path: "src/a.swift", kind: .modified, added: 3, removed: 1),
            .init(path: "new.swift", previousPath: "old.swift", kind: .renamed, added: 0, removed: 0),
            .init(path: "logo.png", kind: .added, added: nil, removed: nil),
        ],
        notes: ["task-7 was also in progress in this tree; its changes may be here."])

    @Test func whatTheBridgeWritesTheServerReadsAsTheBridges() throws {
        let sent = BridgeAttachment(evidence: Self.evidence, patch: "diff --git a/x b/x\n+one\n")
        let read = try BridgeAttachment.read(sent.json).get()
        #expect(read.patch == "diff --git a/x b/x\n+one\n" && read.linesLeftOut == 0)
        #expect(read.evidence.source == .bridge && read.evidence.workTree == nil)
        #expect(read.evidence.files == Self.evidence.files && read.evidence.notes == Self.evidence.notes)
        #expect(read.evidence.summary == "3 files, +3 −1")
    }

    @Test func aLongPatchIsCutAtALineAndTheRestIsSaid() throws {
        // 1,024 bytes a line with its newline: exactly 512 lines fit.
        let line = String(repeating: "x", count: 1022)
        let patch = (1...600).map { _ in "+\(line)" }.joined(separator: "\n") + "\n"
        let sent = BridgeAttachment(evidence: Self.evidence, patch: patch)
        #expect(sent.patch.utf8.count <= BridgeAttachment.patchLimit)
        #expect(sent.patch.hasSuffix("\n") && sent.patch.split(separator: "\n").allSatisfy { $0.count == 1023 })
        let kept = sent.patch.split(separator: "\n").count
        #expect(kept == 512 && sent.linesLeftOut == 600 - kept)
        let read = try BridgeAttachment.read(sent.json).get()
        #expect(
            read.evidence.notes.last
                == "The bridge sent the patch cut after 512 KiB; 88 more lines are in the agent's repository.")
    }

    @Test(arguments: [
        ("round", JSONValue.int(0), "round must be a whole number of at least 1"),
        ("start", JSONValue.string("HEAD"), "start must be a commit id (40 or 64 hexadecimal digits)"),
        (
            "end", JSONValue.string(String(repeating: "A", count: 40)),
            "end must be a commit id (40 or 64 hexadecimal digits)"
        ),
        ("files", JSONValue.object(["path": "x"]), "files must be an array"),
        (
            "files", JSONValue.array([["path": "x", "kind": "copied", "added": 1, "removed": 1]]),
            "files[0] must be path (text) and kind"
        ),
        (
            "files", JSONValue.array([["path": "x", "kind": "added", "added": 1]]),
            "files[0] must be added and removed, both counts"
        ),
        ("notes", JSONValue.array([1]), "notes must be an array of sentences"),
        (
            "patch", JSONValue.string(String(repeating: "+", count: (512 << 10) + 1)),
            "patch must be text of at most 512 KiB"
        ),
    ])
    func aMalformedFieldIsNamed(field: String, value: JSONValue, said: String) {
        var attached = BridgeAttachment(evidence: Self.evidence, patch: "").json.objectValue ?? [:]
        attached[field] = value
        switch BridgeAttachment.read(.object(attached)) {
        case .success: Issue.record("\(field) = \(value) was read")
        case .failure(let problem):
            #expect(problem.description.hasPrefix("the bridge's evidence could not be read: " + said), "\(problem)")
        }
    }
}
