/// The board's script: one drawing part, and a home that brings it views and carries the person's
/// decisions. The board's home (`BoardHome.http`) talks to its own HTTP endpoints; the app's
/// (`BoardHome.app`) talks to the MCP host that draws it. Every text goes in as text
/// (`textContent`), never as HTML.
package enum BoardScript {
    /// The whole script for one home: the home defines `home.start(render, live)` and
    /// `home.decide(action, body)`; the drawing part uses nothing else.
    package static func text(home: BoardHome) -> String {
        "\"use strict\";\n(() => {\n" + home.script + "\n" + drawing + "\n})();\n"
    }

    /// What both homes draw with.
    static let drawing = #"""
          const messages = new Map();   // item key -> {text, error}: a refusal stays beside its item
          const drafts = new Map();     // task id -> feedback being typed, kept across redraws
          const open = new Set();       // details elements the person opened, kept across redraws
          const shut = new Set();       // requests the person closed, though they wait for the person
          const zoom = new Map();       // request id -> "fit" or a scale the person chose for its graph
          const SVG = "http://www.w3.org/2000/svg";

          function el(tag, props, ...children) {
            const node = document.createElement(tag);
            for (const [key, value] of Object.entries(props || {})) {
              if (key === "class") node.className = value;
              else if (key.startsWith("data-") || key.startsWith("aria-")) node.setAttribute(key, value);
              else node[key] = value;
            }
            for (const child of children) {
              if (child === null || child === undefined) continue;
              node.append(child instanceof Node ? child : document.createTextNode(String(child)));
            }
            return node;
          }

          function svgEl(tag, attributes, text) {
            const node = document.createElementNS(SVG, tag);
            for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
            if (text !== undefined) node.textContent = text;
            return node;
          }

          function cut(text, length) {
            return text.length > length ? text.slice(0, length - 1) + "…" : text;
          }

          function keptDetails(key, summary, ...content) {
            const details = el("details", {"data-key": key}, el("summary", {}, ...[summary].flat()), ...content);
            details.open = open.has(key);
            details.addEventListener("toggle", () => details.open ? open.add(key) : open.delete(key));
            return details;
          }

          /// Like keptDetails, with its content made only when it is opened: a thousand rows cost their
          /// summaries alone.
          function lazyDetails(key, summary, build) {
            const details = el("details", {"data-key": key}, el("summary", {}, summary));
            const fill = () => { if (details.children.length === 1) details.append(...build().filter(Boolean)); };
            details.open = open.has(key);
            if (details.open) fill();
            details.addEventListener("toggle", () => {
              if (details.open) { open.add(key); fill(); } else { open.delete(key); }
            });
            return details;
          }

          function history(entries) {
            return el("ol", {class: "history"}, ...entries.map(entry =>
              el("li", {}, `${entry.at} · ${entry.actor} · ${entry.action}` +
                (entry.from || entry.to ? ` (${entry.from || "—"} → ${entry.to || "—"})` : "") +
                (entry.note ? ` — ${entry.note}` : ""))));
          }

          function message(key) {
            const kept = messages.get(key);
            return kept ? el("p", {class: "message" + (kept.error ? " error" : ""), role: kept.error ? "alert" : "status"}, kept.text) : null;
          }

          async function decide(action, body, key, buttons) {
            buttons.forEach(button => button.disabled = true);
            const reply = await home.decide(action, body);
            if (reply.ok) {
              messages.delete(key);
              if (body.taskId) drafts.delete(body.taskId);
              document.getElementById("notice").textContent = reply.message;
            } else {
              messages.set(key, {text: reply.error || "Refused.", error: true});
            }
            buttons.forEach(button => button.disabled = false);
            if (current) render(current);
          }

          /// Adds `path:line: text` to a task's feedback, so a rejection points at the lines it means.
          function quote(taskId, line) {
            const text = drafts.get(taskId) || "";
            const next = (text && !text.endsWith("\n") ? text + "\n" : text) + line + "\n";
            drafts.set(taskId, next);
            const box = document.querySelector(`textarea[data-key="feedback:${CSS.escape(taskId)}"]`);
            if (box) { box.value = next; box.focus(); }
          }

          function diffLines(task, path, diff) {
            return el("div", {class: "diff", "data-path": path},
              ...diff.lines.map(([kind, number, text]) => {
                const sign = kind === "added" ? "+" : kind === "removed" ? "-" : kind === "context" ? " " : "";
                const row = el("div", {class: `line ${kind}`, "data-line": number === null ? "" : String(number),
                    title: number === null ? "" : "Click to quote this line in the feedback"},
                  el("span", {class: "number"}, number === null ? "" : String(number)),
                  el("span", {class: "code"}, sign + text));
                if (number !== null) row.addEventListener("click", () => quote(task.id, `${path}:${number}: ${sign}${text}`));
                return row;
              }),
              diff.omitted ? el("p", {class: "more"}, `${diff.omitted} more lines; the whole change: `,
                home.diffAddress ? el("a", {href: home.diffAddress(task.id), target: "_blank", rel: "noopener"}, "open it")
                  : `mcp-orchestrator diff ${task.id}`) : null);
          }

          /// What the task changed in the working tree: the summary, what limits it, and each file's lines.
          function changeSection(task) {
            const evidence = task.evidence;
            if (!evidence) return null;
            const diffs = new Map((task.diffs || []).map(diff => [diff.path, diff]));
            const files = evidence.files.map(file => {
              const counts = file.added === undefined ? "binary" : `+${file.added} −${file.removed}`;
              const label = `${file.kind} ${file.path}${file.previousPath ? ` (from ${file.previousPath})` : ""}  ${counts}`;
              const diff = diffs.get(file.path);
              return keptDetails(`diff:${task.id}:${file.path}`, label,
                diff ? diffLines(task, file.path, diff) : el("p", {class: "empty"}, "No lines to show."));
            });
            return el("div", {class: "evidence", "data-task": task.id},
              el("p", {class: "label"}, "What changed in the working tree"),
              el("p", {class: "summary"}, evidence.summary + (evidence.source === "bridge" ? " (taken by the agent's bridge)" : "")),
              ...evidence.notes.filter(note => note !== evidence.summary).map(note => el("p", {class: "note"}, note)),
              el("div", {class: "files"}, ...files));
          }

          /// The project's checks on the work: each one's status, how long it ran, its output's tail a
          /// click away; while they run, the person may still decide, and the card says so.
          function checksSection(task) {
            const checks = task.checks;
            if (!checks) return null;
            const line = run => {
              const seconds = run.milliseconds === undefined ? "" : ` · ${(run.milliseconds / 1000).toFixed(1)} s`;
              const exit = run.status === "failed" && run.exitStatus !== undefined ? ` · exit status ${run.exitStatus}` : "";
              return [el("span", {class: `check-status ${run.status}`}, run.status.replace("_", " ")),
                ` ${run.name}${run.required ? "" : " (advisory)"}${exit}${seconds}`];
            };
            return el("div", {class: "checks", "data-task": task.id},
              el("p", {class: "label"}, "The project's checks"),
              el("p", {class: "summary"}, checks.summary +
                (checks.running ? " — you may decide now, or wait for them" : "")),
              ...checks.runs.map(run => {
                const shown = run.tail
                  ? keptDetails(`check:${task.id}:${run.name}`, line(run), el("pre", {class: "diff tail"}, run.tail))
                  : el("p", {}, ...line(run));
                shown.classList.add("check");
                shown.dataset.check = run.name;
                return shown;
              }));
          }

          function decideCard(item) {
            const task = item.task;
            const key = `decide:${task.id}`;
            const feedback = el("textarea", {
              placeholder: "What should change? (needed to reject)", value: drafts.get(task.id) || "",
              "aria-label": `Feedback for ${task.id}`, "data-key": `feedback:${task.id}`
            });
            feedback.addEventListener("input", () => drafts.set(task.id, feedback.value));
            const approve = el("button", {class: "approve", type: "button", "data-action": "approve", "data-task": task.id}, "Approve");
            const reject = el("button", {class: "reject", type: "button", "data-action": "reject", "data-task": task.id}, "Reject");
            const buttons = [approve, reject];
            approve.addEventListener("click", () =>
              decide("approve", {requestId: item.requestId, taskId: task.id}, key, buttons));
            reject.addEventListener("click", () =>
              decide("reject", {requestId: item.requestId, taskId: task.id, feedback: feedback.value}, key, buttons));
            return el("article", {class: "card decide", "data-task": task.id},
              el("p", {class: "request-text"}, `${item.requestId}: ${item.request}`),
              el("h3", {}, el("span", {class: "id"}, task.id), `: ${task.title}`),
              el("p", {class: "label"}, "What the agent reported"),
              el("p", {class: "text reported"}, task.completedDetails || ""),
              changeSection(task),
              checksSection(task),
              el("p", {class: "label"}, "The task"),
              el("p", {class: "text"}, task.description),
              keptDetails(`queue-history:${task.id}`, `History (${task.history.length})`, history(task.history)),
              el("div", {class: "actions"}, approve, feedback, reject),
              message(key));
          }

          function closeCard(item) {
            const key = `close:${item.requestId}`;
            const button = el("button", {class: "approve", type: "button", "data-action": "approve-request", "data-request": item.requestId}, "Close the request");
            button.addEventListener("click", () =>
              decide("approve-request", {requestId: item.requestId}, key, [button]));
            return el("article", {class: "card close", "data-request": item.requestId},
              el("p", {class: "request-text"}, `${item.requestId}: ${item.request}`),
              el("h3", {}, `All ${item.taskCount} tasks of ${item.requestId} are approved`),
              el("div", {class: "actions"}, button),
              message(key));
          }

          function graph(request) {
            const g = request.graph;
            const svg = svgEl("svg", {class: "graph", width: g.width, height: g.height, viewBox: `0 0 ${g.width} ${g.height}`,
              role: "img", "aria-label": `Dependency graph of ${request.id}`, "data-request": request.id});
            const marker = `arrow-${request.id}`;
            const defs = svgEl("defs", {});
            const head = svgEl("marker", {id: marker, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto"});
            head.append(svgEl("path", {d: "M0,0 L10,5 L0,10 z", fill: "#4b5563"}));
            defs.append(head);
            svg.append(defs);
            const needs = new Set(request.tasks.filter(task => task.needsYou).map(task => task.id));
            for (const edge of g.edges) {
              svg.append(svgEl("polyline", {class: "edge", points: edge.points.map(p => p.join(",")).join(" "),
                "marker-end": `url(#${marker})`, "data-from": edge.from, "data-to": edge.to}));
            }
            for (const box of g.boxes) {
              const group = svgEl("g", {class: "box" + (needs.has(box.id) ? " needs" : ""), "data-task": box.id});
              group.append(svgEl("title", {}, `${box.id}: ${box.title}`));
              group.append(svgEl("rect", {x: box.x, y: box.y, width: g.boxWidth, height: g.boxHeight, rx: 6, class: `fill-${box.shade}`}));
              group.append(svgEl("text", {x: box.x + 8, y: box.y + 17, class: "id"}, box.id));
              group.append(svgEl("text", {x: box.x + 8, y: box.y + 35}, cut(box.title, 27)));
              svg.append(group);
            }
            // Pointing at a task (or tapping it) lights what it waits for and what waits for it, and
            // dims the rest; a second tap, or leaving the graph, lets go.
            const before = new Map(), after = new Map();
            for (const edge of g.edges) {
              (before.get(edge.to) || before.set(edge.to, []).get(edge.to)).push(edge.from);
              (after.get(edge.from) || after.set(edge.from, []).get(edge.from)).push(edge.to);
            }
            const reach = (start, links) => {
              const seen = new Set([start]), todo = [start];
              while (todo.length) for (const next of links.get(todo.pop()) || []) if (!seen.has(next)) { seen.add(next); todo.push(next); }
              return seen;
            };
            let pinned = null;
            const light = id => {
              if (!id) {
                svg.classList.remove("tracing");
                for (const node of svg.querySelectorAll(".lit")) node.classList.remove("lit");
                return;
              }
              const related = new Set([...reach(id, before), ...reach(id, after)]);
              svg.classList.add("tracing");
              for (const box of svg.querySelectorAll("g.box")) box.classList.toggle("lit", related.has(box.dataset.task));
              for (const edge of svg.querySelectorAll("polyline.edge")) {
                edge.classList.toggle("lit", related.has(edge.dataset.from) && related.has(edge.dataset.to));
              }
            };
            svg.addEventListener("mouseover", event => {
              const box = event.target.closest("g.box");
              if (box && !pinned) light(box.dataset.task);
            });
            svg.addEventListener("mouseleave", () => { if (!pinned) light(null); });
            svg.addEventListener("click", event => {
              const box = event.target.closest("g.box");
              pinned = box && box.dataset.task !== pinned ? box.dataset.task : null;
              light(pinned);
            });
            const legend = el("p", {class: "legend"}, ...[["pending", "pending"], ["in_progress", "in progress"],
              ["done", "done"], ["approved", "approved"]].map(([status, words]) =>
                el("span", {}, el("span", {class: `swatch fill-${status}`}), words)),
              el("span", {}, el("span", {class: "swatch fill-needs"}), "needs you"),
              el("span", {class: "hint"}, "point at a task to trace what it waits for and what waits for it"));
            // A wide graph scrolls at its own size, or fits the width to be seen whole.
            // A wide graph scrolls at its own size, fits the width to be seen whole, or is zoomed in
            // and out a step at a time (each request keeps its choice across redraws).
            const fit = el("button", {type: "button", class: "fit", "data-request": request.id});
            const smaller = el("button", {type: "button", class: "zoom", "data-zoom": "out", "aria-label": "Zoom out"}, "−");
            const larger = el("button", {type: "button", class: "zoom", "data-zoom": "in", "aria-label": "Zoom in"}, "+");
            const size = () => {
              const fitting = zoom.get(request.id) === "fit";
              const scale = fitting ? 1 : zoom.get(request.id) || 1;
              svg.classList.toggle("fit", fitting);
              svg.setAttribute("width", String(Math.round(g.width * scale)));
              svg.setAttribute("height", String(Math.round(g.height * scale)));
              fit.textContent = fitting ? "actual size" : "fit to width";
            };
            fit.addEventListener("click", () => {
              if (zoom.get(request.id) === "fit") zoom.delete(request.id); else zoom.set(request.id, "fit");
              size();
            });
            for (const [button, factor] of [[smaller, 0.8], [larger, 1.25]]) {
              button.addEventListener("click", () => {
                const now = zoom.get(request.id) === "fit" ? 1 : zoom.get(request.id) || 1;
                zoom.set(request.id, Math.min(3, Math.max(0.25, now * factor)));
                size();
              });
            }
            size();
            legend.append(el("span", {class: "zoom-controls"}, smaller, larger, fit));
            return el("div", {class: "graph-block"}, el("div", {class: "graph-scroll"}, svg), legend);
          }

          function taskRows(request) {
            return request.tasks.map((task, index) => el("tr", {"data-task": task.id},
              el("td", {class: "hide-narrow"}, index + 1),
              el("td", {class: "id"}, task.id),
              el("td", {}, task.title, lazyDetails(`task:${task.id}`, "details and history", () => [
                el("p", {class: "text"}, task.description),
                task.completedDetails ? el("p", {class: "label"}, "Reported done") : null,
                task.completedDetails ? el("p", {class: "text"}, task.completedDetails) : null,
                task.feedback ? el("p", {class: "label"}, "Last feedback") : null,
                task.feedback ? el("p", {class: "text"}, task.feedback) : null,
                history(task.history)])),
              el("td", {class: "hide-narrow"}, task.priority),
              el("td", {class: "hide-narrow"}, task.dependsOn.join(", ")),
              el("td", {}, el("span", {class: "status " + (task.needsYou ? "needs" : task.status)}, task.statusWords)),
              el("td", {class: "hide-narrow"}, task.assignee || "")));
          }

          /// A board this small shows every request open; a larger one opens only the requests that
          /// wait for the person (and those the person opens), the rest one line each.
          const everythingOpenUpTo = 100;

          /// A request: its line (id, text, progress, what waits, the last change) and, open, its graph
          /// and table, drawn only when opened.
          function requestSection(request, waiting, small) {
            const approved = request.counts.approved || 0;
            const share = request.total ? Math.round(100 * approved / request.total) : 0;
            const counts = ["pending", "in_progress", "done", "approved"].filter(s => request.counts[s])
              .map(s => `${request.counts[s]} ${s.replace("_", " ")}`).join(", ");
            const bar = el("div", {class: "bar", title: `${share}% approved`}, el("div", {}));
            bar.firstChild.style.width = `${share}%`;
            const key = `request:${request.id}`;
            const body = el("details", {class: "tasks", "data-key": key},
              el("summary", {}, `${request.total} task${request.total === 1 ? "" : "s"}: the graph and the table`));
            const fill = () => {
              if (body.children.length > 1) return;
              body.append(...[request.graph.boxes.length ? graph(request) : null, el("table", {},
                el("thead", {}, el("tr", {}, el("th", {class: "hide-narrow"}, "#"), el("th", {}, "task"), el("th", {}, "title"),
                  el("th", {class: "hide-narrow"}, "priority"), el("th", {class: "hide-narrow"}, "after"),
                  el("th", {}, "status"), el("th", {class: "hide-narrow"}, "holder"))),
                el("tbody", {}, ...taskRows(request)))].filter(Boolean));
            };
            body.open = open.has(key) || (!shut.has(key) && (small || waiting > 0));
            if (body.open) fill();
            body.addEventListener("toggle", () => {
              if (body.open) { open.add(key); shut.delete(key); fill(); } else { open.delete(key); shut.add(key); }
            });
            return el("section", {class: "request", "data-request": request.id, id: `request-${request.id}`},
              el("div", {class: "request-head"}, el("h3", {}, `${request.id}: ${request.text}`),
                el("span", {class: "facts"}, `${request.status} · policy ${request.policy} · ${approved}/${request.total} approved` + (counts ? ` · ${counts}` : "")
                  + (waiting ? ` · ${waiting} need${waiting === 1 ? "s" : ""} you` : "") + ` · changed ${when(request.updatedAt)}`),
                request.origin ? el("span", {class: "facts origin"},
                  `planned in ${request.origin.worktree}` + (request.origin.branch ? ` (branch ${request.origin.branch})` : "")) : null),
              bar, body);
          }

          /// When, as a person says it: "just now", "12 min ago", "3 h ago", else the date.
          function when(iso) {
            const seconds = (Date.now() - Date.parse(iso)) / 1000;
            if (!(seconds >= -60)) return iso.slice(0, 10);
            if (seconds < 60) return "just now";
            if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
            if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
            return iso.slice(0, 10);
          }

          /// The requests, each a link to its place, with what waits there.
          function jumpList(requests, waiting) {
            return requests.length < 2 ? [] : [el("span", {class: "label"}, "Jump to"),
              ...requests.map(request => {
                const link = el("a", {href: `#request-${request.id}`, class: waiting.get(request.id) ? "waits" : ""},
                  request.id + (waiting.get(request.id) ? ` (${waiting.get(request.id)})` : ""));
                link.addEventListener("click", () => {
                  const details = document.querySelector(`#request-${CSS.escape(request.id)} details.tasks`);
                  if (details && !details.open) details.open = true;
                });
                return link;
              })];
          }

          function runCard(run) {
            return el("article", {class: "card run", "data-run": run.id},
              el("h3", {}, `${run.id}: ${run.workflow} — ${run.status}`),
              el("p", {class: "facts"}, run.currentStep ? `Current step: ${run.currentStep}` : `Ended ${run.updatedAt}`),
              el("p", {class: "label"}, "Steps taken"),
              el("ol", {}, ...run.steps.map(step => el("li", {}, `${step.title} (${step.status})`))));
          }

          let current = null;
          // What was drawn, reused while what it shows is the same: a change redraws only what changed.
          let cards = new Map();      // item key -> {signature, element}
          let sections = new Map();   // request id -> {request, waiting, small, element}

          function render(view) {
            current = view;
            const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
            const selection = focused ? [document.activeElement.selectionStart, document.activeElement.selectionEnd] : null;
            // A database store is named by its address (postgresql://…), a file by its path.
            const place = `${/^postgres(ql)?:\/\//.test(view.stateFile) ? "Store" : "State file"} ${view.stateFile}`;
            document.getElementById("meta").textContent = view.error
              ? `${place}: ${view.error}`
              : `${place}${view.stateReason ? ` (${view.stateReason})` : ""} · revision ${view.revision} · decisions recorded as ${view.approver}`;
            const queue = document.getElementById("queue");
            const items = view.needsYou || [];
            const nextCards = new Map();
            queue.replaceChildren(...(items.length
              ? items.map(item => {
                  const key = item.kind === "decide" ? `decide:${item.task.id}` : `close:${item.requestId}`;
                  const signature = JSON.stringify(item) + JSON.stringify(messages.get(key) || null);
                  const kept = cards.get(key);
                  const element = kept && kept.signature === signature ? kept.element
                    : item.kind === "decide" ? decideCard(item) : closeCard(item);
                  nextCards.set(key, {signature, element});
                  return element;
                })
              : [el("p", {class: "empty"}, "Nothing waits for you.")]));
            cards = nextCards;
            document.getElementById("needs-count").textContent = items.length ? String(items.length) : "";
            const requests = view.requests || [];
            const waiting = new Map();
            for (const item of items) waiting.set(item.requestId, (waiting.get(item.requestId) || 0) + 1);
            const small = requests.reduce((sum, request) => sum + request.total, 0) <= everythingOpenUpTo;
            document.getElementById("jump").replaceChildren(...jumpList(requests, waiting));
            const nextSections = new Map();
            document.getElementById("requests").replaceChildren(...(requests.length
              ? requests.map(request => {
                  const count = waiting.get(request.id) || 0;
                  const kept = sections.get(request.id);
                  // The same request object (the event stream keeps what did not change) draws the same.
                  const element = kept && kept.request === request && kept.waiting === count && kept.small === small
                    ? kept.element : requestSection(request, count, small);
                  nextSections.set(request.id, {request, waiting: count, small, element});
                  return element;
                })
              : [el("p", {class: "empty"}, "No requests yet.")]));
            sections = nextSections;
            const runs = view.runs || [];
            document.getElementById("runs").replaceChildren(...(runs.length
              ? runs.map(runCard) : [el("p", {class: "empty"}, "No workflow runs.")]));
            const archived = view.archived || [];
            document.getElementById("archived").replaceChildren(!view.archived
              ? el("p", {class: "empty"}, "Finished requests moved to the archive are listed on the board (mcp-orchestrator board) and by list_requests with archived.")
              : archived.length
              ? keptDetails("archived",
                  `${view.archivedCount} finished request${view.archivedCount === 1 ? "" : "s"} moved to the archive`,
                  el("ul", {}, ...archived.map(item => el("li", {"data-request": item.id},
                    `${item.id}: ${item.text} — ${item.total} tasks, archived ${item.archivedAt}`))))
              : el("p", {class: "empty"}, "Nothing archived yet."));
            document.title = items.length ? `(${items.length}) mcp-orchestrator board` : "mcp-orchestrator board";
            if (focused) {
              const again = document.querySelector(`[data-key="${CSS.escape(focused)}"]`);
              if (again) {
                again.focus();
                if (selection && again.setSelectionRange) again.setSelectionRange(selection[0], selection[1]);
              }
            }
          }

          const live = document.getElementById("live");
          home.start(render, (on, words) => {
            live.textContent = words;
            live.classList.toggle("on", on);
          });
        """#
}
