internal import OrchestratorBoardPage
package import OrchestratorCore
internal import OrchestratorEvidence
package import OrchestratorHTTP
internal import OrchestratorJSON
package import OrchestratorSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The board's routes: the page and its two assets, the state as JSON, the live event stream, and the
/// person's three decisions. Every route checks the Host; everything but the assets needs the session.
package final class BoardHandler: HTTPHandler, @unchecked Sendable {
    private let security: BoardSecurity
    /// The store is not thread-safe and connections have threads of their own: one at a time.
    private let lock = Lock()
    /// Each request's last view, kept while the request is as it was; requests that left the state
    /// (archived) are let go after each view.
    private let requestViews = Locked<[WorkRequest.ID: (request: WorkRequest, view: JSONValue)]>([:])
    private let orchestrator: Orchestrator
    private let stateFile: String
    /// Why that file ("project ~/src/app, git repository"), shown beside it.
    private let stateReason: String
    /// Where the event streams learn that the state changed.
    private let changes: StateChanges
    /// Where the board is mounted: "" on its own, "/board" on the shared server.
    private let prefix: String

    /// - Parameter prefix: the path the board lives under ("" for its own server).
    package init(
        orchestrator: Orchestrator, changes: StateChanges, stateFile: String, stateReason: String,
        security: BoardSecurity, prefix: String = ""
    ) {
        self.orchestrator = orchestrator
        self.stateFile = stateFile
        self.stateReason = stateReason
        self.security = security
        self.prefix = prefix
        self.changes = changes
    }

    /// Whether a path is the board's (under its prefix).
    package func serves(_ path: String) -> Bool {
        prefix.isEmpty || path == prefix || path.hasPrefix(prefix + "/")
    }

    package func respond(to request: HTTPRequest) -> HTTPResponse {
        guard security.hostAllowed(request) else {
            return .text(403, "403 Forbidden: the Host header must name the board's own address\n")
        }
        // The page's links are relative, so the page itself is the folder: /board becomes /board/.
        if !prefix.isEmpty, request.path == prefix {
            return HTTPResponse(status: 303, headers: [("Location", prefix + "/")])
        }
        let path = String(request.path.dropFirst(prefix.count))
        switch (request.method, path) {
        case ("GET", "/board.js"), ("HEAD", "/board.js"):
            return asset(BoardScript.text(home: .http), type: "text/javascript; charset=utf-8")
        case ("GET", "/board.css"), ("HEAD", "/board.css"):
            return asset(BoardStyle.text, type: "text/css; charset=utf-8")
        case ("GET", "/favicon.svg"), ("HEAD", "/favicon.svg"):
            return asset(BoardPage.icon, type: "image/svg+xml")
        case ("GET", "/"), ("HEAD", "/"):
            return page(request)
        case ("GET", "/api/state"):
            guard let actor = security.actor(of: request) else { return unauthorised() }
            return json(200, currentView(actor: actor))
        case ("GET", "/api/events"):
            guard let actor = security.actor(of: request) else { return unauthorised() }
            return events(actor: actor)
        case ("GET", "/api/diff"):
            guard security.actor(of: request) != nil else { return unauthorised() }
            return diff(of: request.query["task"] ?? "")
        case ("POST", "/api/approve"), ("POST", "/api/reject"), ("POST", "/api/approve-request"):
            guard let actor = security.actor(of: request) else { return unauthorised() }
            if let refusal = security.changeAllowed(request) { return json(403, ["error": .string(refusal)]) }
            return decide(request, path: path, actor: actor)
        case (_, "/"), (_, "/board.js"), (_, "/board.css"), (_, "/favicon.svg"), (_, "/api/state"), (_, "/api/events"),
            (_, "/api/diff"):
            return .text(405, "405 Method Not Allowed\n", headers: [("Allow", "GET, HEAD")])
        case (_, "/api/approve"), (_, "/api/reject"), (_, "/api/approve-request"):
            return .text(405, "405 Method Not Allowed\n", headers: [("Allow", "POST")])
        default:
            return .text(404, "404 Not Found\n")
        }
    }

    /// The page: with the token, set the cookie and drop the token from the address; with the cookie,
    /// the page; else how to get in.
    private func page(_ request: HTTPRequest) -> HTTPResponse {
        if let given = request.query["token"] {
            guard let cookie = security.signIn(given) else { return unauthorised() }
            return HTTPResponse(
                status: 303,
                headers: [("Location", prefix + "/"), ("Set-Cookie", cookie), ("Cache-Control", "no-store")])
        }
        guard security.actor(of: request) != nil else { return unauthorised() }
        return .text(
            200, BoardPage.html(antiForgery: security.antiForgery), type: "text/html; charset=utf-8",
            headers: Self.pageHeaders)
    }

    /// The whole change of a task, as a patch to read in the browser (the card shows the first lines).
    private func diff(of id: String) -> HTTPResponse {
        let evidence: TaskEvidence? = lock.withLock {
            guard let state = try? orchestrator.read().state, let (request, task) = state.locate(WorkTask.ID(id))
            else { return nil }
            return state.requests[request].tasks[task].evidence
        }
        guard let evidence else { return .text(404, "404 Not Found: no recorded change of a task \(id)\n") }
        switch EvidenceRecorder.patch(of: evidence, environment: ProcessEnvironment.current, statePath: stateFile) {
        case .success(let patch): return .text(200, patch, type: "text/plain; charset=utf-8", headers: Self.pageHeaders)
        case .failure(let failure): return .text(404, "404 Not Found: \(failure.description)\n")
        }
    }

    private func unauthorised() -> HTTPResponse {
        .text(
            401,
            "401 Unauthorized: open the address that `mcp-orchestrator board` printed, with its token, once.\n",
            headers: Self.pageHeaders)
    }

    /// Everything the page loads comes from here; nothing inline runs, nothing outside loads.
    static let pageHeaders: [(name: String, value: String)] = [
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        ),
        ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
        ("Cache-Control", "no-store"),
    ]

    private func asset(_ text: String, type: String) -> HTTPResponse {
        .text(200, text, type: type, headers: Self.pageHeaders)
    }

    private func json(_ status: Int, _ value: JSONValue) -> HTTPResponse {
        .text(status, JSONWriter.string(from: value), type: "application/json", headers: Self.pageHeaders)
    }

    /// A request's view, made again only when the request changed: laying out a thousand tasks'
    /// graphs for every change, for every page, is most of a change's cost on a large board.
    private func requestView(_ request: WorkRequest) -> JSONValue {
        if let kept = requestViews.withLock({ $0[request.id] }), kept.request == request { return kept.view }
        let view = BoardView.request(request)
        requestViews.withLock { $0[request.id] = (request, view) }
        return view
    }

    /// The view of the state now, or an error object when the file cannot be read.
    private func currentView(actor: Decider) -> JSONValue {
        lock.withLock {
            do throws(PersistenceError) {
                let snapshot = try orchestrator.read()
                let environment = ProcessEnvironment.current
                let view = BoardView.json(
                    // Where the state is, as the store says it: the file, or the database and project.
                    snapshot.state, revision: snapshot.revision, stateFile: orchestrator.storedAt,
                    stateReason: stateReason,
                    approver: actor.name, archived: archivedRequests(),
                    diffs: { EvidenceRecorder.diffs(of: $0, environment: environment, statePath: stateFile) },
                    requestView: requestView)
                let shown = Set(snapshot.state.requests.map(\.id))
                requestViews.withLock { views in views = views.filter { shown.contains($0.key) } }
                return view
            } catch {
                return ["error": .string(error.description), "stateFile": .string(orchestrator.storedAt)]
            }
        }
    }

    /// The archived requests the live state does not hold (the store reads the archive again only
    /// when it changed); none when it cannot be read, as the view still shows the live plans.
    private func archivedRequests() -> [ArchivedRequest] {
        (try? orchestrator.archived()) ?? []
    }

    /// Server-sent events: the whole view at once (`state`), then after every change of the file only
    /// what changed (`change`: the view's own fields and queue, and the requests whose view changed,
    /// with the order and the ones gone), and a comment every 15 seconds so idle connections stay open.
    private func events(actor: Decider) -> HTTPResponse {
        HTTPResponse(
            status: 200,
            headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")]
                + Self.pageHeaders.suffix(2),
            body: .eventStream { [self] stream in
                guard let wake = changes.subscribe() else { return }
                defer { changes.unsubscribe(wake) }
                var sent = ViewChanges(currentView(actor: actor))
                guard stream.send(event: "state", data: JSONWriter.string(from: sent.view)) else { return }
                while true {
                    switch stream.wait(on: wake, milliseconds: 15_000) {
                    case .closed: return
                    case .timedOut:
                        guard stream.comment("still here") else { return }
                    case .ready:
                        // The hub stopped: the stream ends, since nothing more will come.
                        guard StateChanges.drain(wake) != .closed else { return }
                        let now = ViewChanges(currentView(actor: actor))
                        if let change = now.change(since: sent) {
                            sent = now
                            guard stream.send(event: "change", data: JSONWriter.string(from: change)) else { return }
                        }
                    }
                }
            })
    }

    /// Approve, reject or close, through the same use cases and rules as every front end.
    private func decide(_ request: HTTPRequest, path: String, actor: Decider) -> HTTPResponse {
        guard request.header("content-type")?.lowercased().hasPrefix("application/json") == true else {
            return json(415, ["error": "send the decision as application/json"])
        }
        let body: [String: JSONValue]
        do {
            guard case .object(let object) = try JSONParser.parse(request.body) else {
                return json(400, ["error": "the body must be a JSON object"])
            }
            body = object
        } catch {
            return json(400, ["error": .string("the body is not JSON: \(error)")])
        }
        func field(_ name: String) -> String? {
            guard let text = body[name]?.stringValue, !text.isBlank else { return nil }
            return text
        }
        guard let requestID = field("requestId").map(WorkRequest.ID.init) else {
            return json(400, ["error": "requestId (a string) is required"])
        }
        let result: Result<String, ChangeFailure>
        switch path {
        case "/api/approve":
            guard let taskID = field("taskId").map(WorkTask.ID.init) else {
                return json(400, ["error": "taskId (a string) is required"])
            }
            result = perform { (orchestrator) throws(ChangeFailure) in
                let unlocked = try orchestrator.approve(taskID, in: requestID, by: actor)
                return unlocked.map {
                    "Approved \(taskID)."
                        + ($0.isEmpty ? "" : " Now ready: \($0.map(\.rawValue).joined(separator: ", ")).")
                }
            }
        case "/api/reject":
            guard let taskID = field("taskId").map(WorkTask.ID.init) else {
                return json(400, ["error": "taskId (a string) is required"])
            }
            // Blank feedback goes on to the rules, which refuse it with their own sentence.
            guard let feedback = body["feedback"]?.stringValue else {
                return json(400, ["error": "feedback (a string) is required: say what to change"])
            }
            result = perform { (orchestrator) throws(ChangeFailure) in
                try orchestrator.reject(taskID, in: requestID, feedback: feedback, by: actor.name).map { _ in
                    "Sent \(taskID) back with your feedback."
                }
            }
        default:
            result = perform { (orchestrator) throws(ChangeFailure) in
                try orchestrator.completeRequest(requestID, by: actor).map { _ in "Closed \(requestID)." }
            }
        }
        switch result {
        case .success(let message): return json(200, ["ok": true, "message": .string(message)])
        case .failure(.refused(let refusal)):
            return json(409, ["error": .string(refusal.description), "code": .string(refusal.code)])
        case .failure(.persistence(let problem)):
            return json(503, ["error": .string(problem.description), "code": .string(problem.code)])
        }
    }

    /// Runs a change and waits until it is durable.
    private func perform(
        _ useCase: (Orchestrator) throws(ChangeFailure) -> Committed<String>
    ) -> Result<String, ChangeFailure> {
        lock.withLock {
            do {
                let committed = try useCase(orchestrator)
                return .success(try committed.durable())
            } catch let failure as ChangeFailure {
                return .failure(failure)
            } catch let problem as PersistenceError {
                return .failure(.persistence(problem))
            } catch {
                return .failure(.persistence(PersistenceError(code: "state_unavailable", description: "\(error)")))
            }
        }
    }
}

extension Committed {
    /// The same commit with its outcome turned into something else.
    func map<Other>(_ transform: (Outcome) -> Other) -> Committed<Other> {
        Committed<Other>(outcome: transform(outcome), snapshot: snapshot, durability: durability)
    }
}
