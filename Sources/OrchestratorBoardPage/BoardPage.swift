/// The board's one HTML page, in its two homes: a frame the script fills.
package enum BoardPage {
    /// Three boxes and two edges: a plan.
    package static let icon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f2937"/>\
        <rect x="4" y="6" width="9" height="7" rx="2" fill="#bbf7d0"/><rect x="19" y="6" width="9" height="7" rx="2" fill="#bae6fd"/>\
        <rect x="19" y="19" width="9" height="7" rx="2" fill="#fde68a"/><path d="M13 9.5h6M15 9.5v13h4" stroke="#e5e7eb" \
        stroke-width="1.6" fill="none"/></svg>
        """

    /// The board's page as `mcp-orchestrator board` serves it: style and script load from the same
    /// origin (its CSP allows nothing inline), and the anti-forgery token rides in a meta tag.
    package static func html(antiForgery: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="board-csrf" content="\(antiForgery)">
        <title>mcp-orchestrator board</title>
        <link rel="stylesheet" href="board.css">
        <link rel="icon" href="favicon.svg" type="image/svg+xml">
        <script src="board.js" defer></script>
        </head>
        \(body)
        </html>

        """
    }

    /// The same page as an MCP App: one self-contained document (a host draws the resource's text in a
    /// sandboxed frame and loads nothing beside it), with the style and the app's script inline.
    package static var appDocument: String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>mcp-orchestrator board</title>
        <style>
        \(BoardStyle.text)
        </style>
        </head>
        \(body)
        <script>
        \(BoardScript.text(home: .app))
        </script>
        </html>

        """
    }

    /// What both homes show; the script fills it.
    private static let body = """
        <body>
        <header>
        <h1>mcp-orchestrator board</h1>
        <p id="meta"></p>
        <span id="live" class="live" role="status">connecting…</span>
        </header>
        <div id="notice" role="status" aria-live="polite"></div>
        <main>
        <section id="needs-you" aria-labelledby="needs-you-title">
        <h2 id="needs-you-title">Needs you <span id="needs-count" class="count"></span></h2>
        <div id="queue"></div>
        </section>
        <section aria-labelledby="requests-title"><h2 id="requests-title">Requests</h2><nav id="jump" aria-label="Jump to a request"></nav><div id="requests"></div></section>
        <section aria-labelledby="runs-title"><h2 id="runs-title">Workflow runs</h2><div id="runs"></div></section>
        <section aria-labelledby="archived-title"><h2 id="archived-title">Archived</h2><div id="archived"></div></section>
        </main>
        <noscript>The board needs JavaScript; `mcp-orchestrator status` shows the same plans in a terminal.</noscript>
        </body>
        """
}
