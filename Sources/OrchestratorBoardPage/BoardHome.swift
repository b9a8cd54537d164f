/// Where the board's page lives, and the small part of its script that differs between homes: how
/// views arrive and where decisions go. Each defines `home` with `start(render, live)` and
/// `decide(action, body)`, which resolves to `{ok, message}` or `{error}`; actions are `approve`,
/// `reject` and `approve-request`.
package enum BoardHome: Sendable {
    /// `mcp-orchestrator board` and the shared server's `/board/`: the view over server-sent events,
    /// decisions posted with the anti-forgery token, both same-origin.
    case http
    /// Inside an MCP host (the MCP Apps extension): JSON-RPC over `postMessage` with the host, the view
    /// from the app-only tool `app_board_view` (waiting for the next revision), decisions through
    /// `app_board_decide`.
    case app

    var script: String {
        switch self {
        case .http: Self.httpScript
        case .app: Self.appScript
        }
    }

    private static let httpScript = #"""
          const csrf = document.querySelector('meta[name="board-csrf"]').content;
          const home = {
            diffAddress: taskId => `api/diff?task=${encodeURIComponent(taskId)}`,
            start(render, live) {
              const events = new EventSource("api/events");
              let view = null;
              events.addEventListener("state", event => {
                live(true, "live");
                view = JSON.parse(event.data);
                render(view);
              });
              // After the first view, only what changed: merged into the view the page has.
              events.addEventListener("change", event => {
                if (!view) return;
                const change = JSON.parse(event.data);
                const byId = new Map((view.requests || []).map(request => [request.id, request]));
                for (const request of change.requestChanges.changed) byId.set(request.id, request);
                for (const id of change.requestChanges.removed) byId.delete(id);
                const requests = change.requestChanges.order.map(id => byId.get(id)).filter(Boolean);
                delete change.requestChanges;
                view = {...change, requests};
                live(true, "live");
                render(view);
              });
              events.addEventListener("error", () => live(false, "reconnecting…"));
            },
            async decide(action, body) {
              try {
                const response = await fetch(`api/${action}`, {
                  method: "POST", credentials: "same-origin",
                  headers: {"Content-Type": "application/json", "X-Board-CSRF": csrf},
                  body: JSON.stringify(body)
                });
                const reply = await response.json().catch(() => ({error: `The board answered ${response.status}.`}));
                reply.ok = response.ok && reply.ok;
                return reply;
              } catch (error) {
                return {error: "The board is not reachable: is `mcp-orchestrator board` still running?"};
              }
            }
          };
        """#

    private static let appScript = #"""
          // The host is the page's only peer: JSON-RPC 2.0 over postMessage (MCP Apps, 2026-01-26).
          const pending = new Map();
          let nextId = 1;
          function request(method, params) {
            const id = nextId++;
            window.parent.postMessage({jsonrpc: "2.0", id, method, params}, "*");
            return new Promise((resolve, reject) => pending.set(id, {resolve, reject}));
          }
          function notify(method, params) {
            window.parent.postMessage({jsonrpc: "2.0", method, params}, "*");
          }
          window.addEventListener("message", event => {
            if (event.source !== window.parent) return;
            const message = event.data;
            if (!message || message.jsonrpc !== "2.0") return;
            if (message.id !== undefined && !message.method) {
              const waiter = pending.get(message.id);
              if (!waiter) return;
              pending.delete(message.id);
              if (message.error) waiter.reject(new Error(message.error.message || "The host refused."));
              else waiter.resolve(message.result);
            } else if (message.method === "ui/resource-teardown" || message.method === "ping") {
              // Nothing to save before a teardown; both are answered at once. The tool's result the
              // host hands over needs no answer: the view follows the plans by itself.
              window.parent.postMessage({jsonrpc: "2.0", id: message.id, result: {}}, "*");
            }
          });
          async function tool(name, args) {
            const result = await request("tools/call", {name, arguments: args});
            const text = (result.content || []).map(block => block.text || "").join("\n");
            if (result.isError) throw new Error(text || "The server refused.");
            return {structured: result.structuredContent || {}, text};
          }
          const home = {
            async start(render, live) {
              live(false, "connecting…");
              const started = await request("ui/initialize", {
                protocolVersion: "2026-01-26", appInfo: {name: "mcp-orchestrator board", version: "1"},
                appCapabilities: {availableDisplayModes: ["inline"]}
              });
              notify("ui/notifications/initialized", {});
              if (!(started && started.hostCapabilities && started.hostCapabilities.serverTools)) {
                // Without tool calls through the host the page can neither follow the plans nor decide.
                live(false, "not connected");
                document.getElementById("notice").textContent =
                  "This host does not pass the app's tool calls to the server, so the plans cannot be shown here: run `mcp-orchestrator board` and decide there.";
                return;
              }
              new ResizeObserver(() => notify("ui/notifications/size-changed", {
                width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight
              })).observe(document.documentElement);
              // The view, then each next revision: the server holds the call until the plans change.
              let revision = null;
              while (true) {
                try {
                  const args = revision === null ? {} : {afterRevision: revision, waitSeconds: 25};
                  const view = (await tool("app_board_view", args)).structured;
                  revision = view.revision;
                  live(true, "live");
                  render(view);
                } catch (error) {
                  live(false, "reconnecting…");
                  await new Promise(resolve => setTimeout(resolve, 2000));
                }
              }
            },
            async decide(action, body) {
              try {
                const reply = await tool("app_board_decide", Object.assign({action}, body));
                return {ok: true, message: reply.text};
              } catch (error) {
                return {error: error.message};
              }
            }
          };
        """#
}
