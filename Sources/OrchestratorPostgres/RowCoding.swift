internal import OrchestratorCore
internal import OrchestratorFormat
internal import OrchestratorJSON

/// The rows' JSON: each row holds its item in the state file's own format (the same encoder and
/// decoder), so the two stores cannot drift apart and a move between them is a copy.
enum RowCoding {
    static func text(_ task: WorkTask) -> String { JSONWriter.string(from: StateEncoder.json(task)) }
    static func text(_ request: WorkRequest) -> String { JSONWriter.string(from: StateEncoder.json(request)) }
    static func text(_ run: WorkflowRun) -> String { JSONWriter.string(from: StateEncoder.json(run)) }

    static func line(_ archived: ArchivedRequest) -> String {
        var bytes = StateEncoder.archiveLine(archived)
        if bytes.last == 10 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func task(_ text: String, id: String) throws(PostgresError) -> WorkTask {
        do { return try StateDecoder.task(try parse(text, "task \(id)"), path: "task \(id)") } catch {
            throw corrupt("task \(id)", error)
        }
    }

    static func request(_ text: String, id: String) throws(PostgresError) -> WorkRequest {
        do { return try StateDecoder.requestFields(try parse(text, "request \(id)"), path: "request \(id)") } catch {
            throw corrupt("request \(id)", error)
        }
    }

    static func run(_ text: String, id: String) throws(PostgresError) -> WorkflowRun {
        do { return try StateDecoder.run(try parse(text, "run \(id)"), path: "run \(id)") } catch {
            throw corrupt("run \(id)", error)
        }
    }

    static func archived(_ text: String, id: String, store: String) throws(PersistenceError) -> ArchivedRequest {
        do {
            return try StateDecoder.archived(try parse(text, "archived request \(id)"))
        } catch {
            throw PersistenceError(
                code: "archive_unreadable",
                description:
                    "The archive of the PostgreSQL store \(store) cannot be read: archived request \(id): \(error). The live plans are not affected."
            )
        }
    }

    private static func parse(_ text: String, _ what: String) throws(StateDecoder.FormatError) -> JSONValue {
        do { return try JSONParser.parse(text, maximumDepth: StateSchema.maximumDepth) } catch {
            throw StateDecoder.FormatError(path: what, problem: "is not JSON (\(error))")
        }
    }

    private static func corrupt(_ what: String, _ error: StateDecoder.FormatError) -> PostgresError {
        // XX001 is PostgreSQL's own "data corrupted"; the port reports it as `state_corrupt`.
        PostgresError(state: "XX001", message: "\(what) does not decode: \(error)", target: "")
    }
}
