internal import OrchestratorCore

/// The board's style sheet: served as /board.css, and inline in the app. The states' shades are the
/// one palette every view uses (`StatusPalette`).
package enum BoardStyle {
    package static let text =
        ":root{--ink:#111827;--muted:#4b5563;--line:#e5e7eb;--panel:#f9fafb;--accent:#2563eb;\n"
        + StatusPalette.Shade.allCases.map { "--\($0.rawValue):\(StatusPalette.fill($0))" }.joined(separator: ";")
        + "}\n" + rules

    private static let rules = #"""
        *{box-sizing:border-box}
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:var(--ink);background:#fff}
        header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 16px;padding:14px 24px;border-bottom:1px solid var(--line);background:var(--panel)}
        h1{font-size:19px;margin:0}h2{font-size:17px;margin:22px 0 10px}h3{font-size:15px;margin:0 0 4px}
        #meta{margin:0;color:var(--muted);font-size:13px;overflow-wrap:anywhere}
        .live{margin-left:auto;font-size:13px;color:var(--muted)}.live.on{color:#15803d}.live.on::before{content:"● "}
        main{padding:0 24px 40px;max-width:1400px}
        #notice{margin:0 24px;font-size:14px}#notice:not(:empty){margin-top:12px;padding:8px 12px;border-radius:6px;background:#ecfdf5;border:1px solid #a7f3d0}
        .count{display:inline-block;min-width:22px;padding:0 7px;border-radius:11px;background:var(--needs);font-size:13px;text-align:center}
        .count:empty{display:none}
        .empty{color:var(--muted)}
        .card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin:0 0 12px;background:#fff}
        .card.decide{border-left:5px solid #ef4444}.card.close{border-left:5px solid #22c55e}
        .request-text{color:var(--muted);font-size:13px;margin:0 0 6px;overflow-wrap:anywhere}
        .label{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:10px 0 2px}
        .text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
        .reported{background:var(--panel);border-radius:6px;padding:8px 10px}
        ol.history{margin:2px 0;padding-left:20px;font-size:13px;color:var(--muted)}
        .actions{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start;margin-top:12px}
        textarea{flex:1 1 260px;min-height:38px;font:inherit;padding:6px 8px;border:1px solid #d1d5db;border-radius:6px}
        button{font:inherit;padding:7px 16px;border-radius:6px;border:1px solid #d1d5db;background:#fff;cursor:pointer}
        button.approve{background:#16a34a;border-color:#15803d;color:#fff}button.reject{background:#fff;color:#b91c1c;border-color:#fca5a5}
        button:disabled{opacity:.5;cursor:default}
        .message{margin:8px 0 0;font-size:14px}.message.error{color:#b91c1c}
        .request{border-top:1px solid var(--line);padding:14px 0 4px}
        .request-head{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
        .facts{color:var(--muted);font-size:13px}
        .bar{height:8px;background:var(--line);border-radius:4px;max-width:480px;margin:6px 0 10px}
        .bar div{height:8px;background:#22c55e;border-radius:4px}
        .graph-scroll{overflow-x:auto;margin:6px 0 10px;border:1px solid var(--line);border-radius:6px;background:#fcfcfd}
        svg.graph{display:block;font-size:12px;font-family:inherit}
        svg.graph .box rect{stroke:#6b7280;stroke-width:1}
        svg.graph .box.needs rect{stroke:#ef4444;stroke-width:2}
        svg.graph .id{font-weight:600}svg.graph .edge{fill:none;stroke:#4b5563;stroke-width:1.4}
        svg.graph .box{cursor:pointer}svg.graph.tracing .box:not(.lit),svg.graph.tracing .edge:not(.lit){opacity:.18}
        svg.graph.tracing .edge.lit{stroke:var(--accent);stroke-width:2.2}
        svg.graph.fit{width:100%;height:auto}.legend .zoom-controls{margin-left:auto;display:flex;gap:4px}
        .legend button{padding:2px 10px;font-size:12px}
        .legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:4px 0 0;font-size:12px;color:var(--muted)}
        .legend .swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:4px;vertical-align:-2px;border:1px solid #6b7280}
        .fill-pending{background:var(--pending)}.fill-in_progress{background:var(--in_progress)}.fill-done{background:var(--done)}.fill-approved{background:var(--approved)}.fill-needs{background:var(--needs)}
        .fill-pending{fill:var(--pending)}.fill-in_progress{fill:var(--in_progress)}.fill-done{fill:var(--done)}.fill-approved{fill:var(--approved)}.fill-needs{fill:var(--needs)}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
        th{background:var(--panel);font-size:13px}
        .status{padding:1px 8px;border-radius:10px;white-space:nowrap;font-size:13px}
        .status.pending{background:var(--pending)}.status.in_progress{background:var(--in_progress)}
        .status.done{background:var(--done)}.status.approved{background:var(--approved)}.status.needs{background:var(--needs)}
        details{font-size:14px}summary{cursor:pointer;color:var(--accent)}
        .run ol{margin:4px 0;padding-left:20px;font-size:14px}
        .id,#jump a{white-space:nowrap}
        #jump{display:flex;flex-wrap:wrap;gap:4px 10px;margin:0 0 12px;font-size:14px}#jump a{color:var(--accent);white-space:nowrap}#jump a.waits{font-weight:600}
        details.tasks>summary{margin:6px 0;font-size:14px}
        .evidence .summary{margin:0;font-weight:600}.evidence .note{margin:2px 0;font-size:13px;color:#92400e}
        .evidence .files details{margin:2px 0}.evidence summary{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
        .checks .summary{margin:0;font-weight:600}.checks .check{margin:2px 0;font-size:13px}
        .check-status{display:inline-block;min-width:64px;padding:0 6px;border-radius:8px;text-align:center;font-size:12px;background:var(--panel)}
        .check-status.passed{background:#dcfce7;color:#14532d}.check-status.failed,.check-status.timed_out{background:#fee2e2;color:#7f1d1d}
        .check-status.running{background:#dbeafe;color:#1e3a8a}.check-status.interrupted{background:#fef3c7;color:#78350f}
        .diff.tail{white-space:pre;padding:6px 8px;margin:4px 0 8px}
        .diff{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;border:1px solid var(--line);border-radius:6px;overflow-x:auto;margin:4px 0 8px;max-height:480px;overflow-y:auto}
        .diff .line{display:flex;white-space:pre;cursor:pointer}.diff .line.note{cursor:default;color:var(--muted);background:var(--panel)}
        .diff .line:hover:not(.note){outline:1px solid var(--accent)}
        .diff .number{flex:0 0 44px;text-align:right;padding-right:8px;color:var(--muted);user-select:none}
        .diff .added{background:#ecfdf5}.diff .removed{background:#fef2f2}
        .diff .more{margin:4px 8px;color:var(--muted);font-family:system-ui,sans-serif}
        @media (max-width:640px){
        header,main{padding-left:12px;padding-right:12px}#notice{margin:0 12px}
        .hide-narrow{display:none}
        th,td{padding:6px 4px}
        button{flex:1 1 auto;padding:10px 16px}
        }
        """#
}
