"""The board as an MCP App in a real browser: a host page written for this test implements the host side
of the extension as a web host must (the View in a sandbox proxy on another origin, ui/initialize, the
tool's input and result, tools/call relayed to the server, app-only visibility enforced). It loads the
app from resources/read of a real server process over stdio (the official SDK's client), and the person
approves and rejects there while the agent's get_next_task waits on the same connection."""

import functools
import http.server
import os
import threading
from pathlib import Path

import anyio
import pytest
from mcp import Client
from mcp.client.extension import advertise
from mcp.types import Implementation

from waiting import Parked

pytestmark = pytest.mark.anyio

PICTURES = Path(os.environ.get("MCP_ORCHESTRATOR_PICTURES", "/tmp"))
HOST_FILES = Path(__file__).parent / "app_host"
APPS = "io.modelcontextprotocol/ui"
HTML = "text/html;profile=mcp-app"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def origins():
    """The host page and the sandbox proxy, each on an origin of its own (two loopback ports)."""
    servers = []
    for _ in range(2):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(HOST_FILES)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    yield [f"http://127.0.0.1:{server.server_address[1]}" for server in servers]
    for server in servers:
        server.shutdown()
        server.server_close()


def wire(model):
    return model.model_dump(by_alias=True, mode="json", exclude_none=True)


async def show_board_app(page, origins, contents, listed, tools):
    """The board app in the test host, as a host shows it for `list_requests`' result (the page relays
    through its `mcpRelay`); returns the app's frame."""
    host_origin, sandbox_origin = origins
    await page.goto(f"{host_origin}/host.html")
    await page.evaluate("args => host.show(args)", {
        "html": contents.text, "csp": contents.meta["ui"]["csp"], "permissions": {},
        "toolName": "list_requests", "toolInput": {}, "toolResult": wire(listed),
        "tools": [wire(tool) for tool in tools], "sandboxUrl": f"{sandbox_origin}/sandbox.html"})
    return page.frame_locator("iframe.app").frame_locator("iframe")


async def test_the_person_approves_and_rejects_in_the_app_while_the_agent_waits(server, browser, origins):
    async with Client(server("--approver", "human"), extensions=[advertise(APPS, {"mimeTypes": [HTML]})],
                      client_info=Implementation(name="test-host", version="1.0.0")) as client:
        await client.call_tool("request_planning", {"originalRequest": "CSV export", "tasks": [
            {"title": "Parse the CSV", "description": "Read rows with quoted fields"},
            {"title": "Validate rows", "description": "Reject malformed rows", "dependsOn": [1]},
            {"title": "Write the export", "description": "Stream rows to the file", "dependsOn": [2]}]})
        await client.call_tool("get_next_task", {})
        await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1",
                                                  "completedDetails": "Parser reads quoted fields; 14 tests pass"})

        # The model calls list_requests; its definition links the app, which the host reads and draws.
        tools = (await client.list_tools()).tools
        listing = next(tool for tool in tools if tool.name == "list_requests")
        link = listing.meta["ui"]["resourceUri"]
        listed = await client.call_tool("list_requests", {})
        contents = (await client.read_resource(link)).contents[0]
        assert contents.mime_type == HTML

        relayed = []

        async def relay(method, params):
            relayed.append((method, params.get("name")))
            if method == "tools/call":
                return wire(await client.call_tool(params["name"], params.get("arguments") or {}))
            return wire(await client.read_resource(params["uri"]))

        page = await browser.new_page(viewport={"width": 1100, "height": 900})
        fetched = []
        page.on("request", lambda request: fetched.append(request.url))
        await page.expose_function("mcpRelay", relay)
        app = await show_board_app(page, origins, contents, listed, tools)
        card = app.locator('#queue article.decide[data-task="task-1"]')
        await card.wait_for()
        await app.locator("#live.on").wait_for()
        assert "person via test-host app" in await app.locator("#meta").text_content()

        # The agent waits for the decision on the same connection; the person approves in the app.
        results = []
        parked = Parked()

        async def agent_waits():
            results.append(await client.call_tool("get_next_task", {"waitSeconds": 50}, progress_callback=parked))

        async with anyio.create_task_group() as group:
            group.start_soon(agent_waits)
            await parked.wait()
            await page.screenshot(path=str(PICTURES / "app-in-host.png"), full_page=True)
            await card.locator('button[data-action="approve"]').click()
        claimed = results[0].structured_content
        assert (claimed["status"], claimed["task"]["id"]) == ("claimed", "task-2")
        # The app follows the change: the card leaves the queue, the table shows the approval.
        await app.locator('tr[data-task="task-1"] .status.approved').wait_for()
        await app.locator("#queue p.empty").wait_for()
        details = await client.call_tool("open_task_details", {"taskId": "task-1"})
        assert details.structured_content["task"]["history"][-1]["actor"] == "person via test-host app"

        # A rejection without feedback is refused with the rule's sentence beside the card; with
        # feedback the task goes back to the agent.
        await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-2",
                                                  "completedDetails": "Rows are checked"})
        second = app.locator('#queue article.decide[data-task="task-2"]')
        await second.wait_for()
        await second.locator('button[data-action="reject"]').click()
        await second.locator("p.message.error").wait_for()
        assert "feedback" in (await second.locator("p.message.error").text_content()).lower()
        await second.locator("textarea").fill("Also reject rows with a missing id")
        await second.locator('button[data-action="reject"]').click()
        await app.locator('tr[data-task="task-2"] .status.in_progress').wait_for()
        task = (await client.call_tool("open_task_details", {"taskId": "task-2"})).structured_content["task"]
        assert task["feedback"] == "Also reject rows with a missing id"
        assert task["history"][-1]["actor"] == "person via test-host app"

        # What the View did, as the host saw it: the handshake first, then only app-only tool calls.
        log = await page.evaluate("window.hostLog")
        methods = [entry["method"] for entry in log if entry["method"] != "ui/notifications/size-changed"]
        assert methods[:3] == ["ui/notifications/sandbox-proxy-ready", "ui/initialize", "ui/notifications/initialized"]
        assert {name for method, name in relayed} <= {"app_board_view", "app_board_decide"}
        assert ("tools/call", "app_board_decide") in relayed
        # The app loaded nothing: the only requests are the host's page, its script and the proxy.
        assert sorted(url.rsplit("/", 1)[1] for url in fetched) == ["host.html", "host.js", "sandbox.html"]


async def test_the_host_keeps_a_model_only_tool_from_the_app(server, browser, origins):
    """The host's side of visibility: a tools/call from the View for a tool without "app" never reaches
    the server. The app itself never tries; this drives the host page directly to check the test host."""
    host_origin, sandbox_origin = origins
    async with Client(server(), extensions=[advertise(APPS, {"mimeTypes": [HTML]})]) as client:
        tools = [wire(tool) for tool in (await client.list_tools()).tools]
        for tool in tools:
            if tool["name"] == "request_planning":
                tool["_meta"] = {"ui": {"visibility": ["model"]}}
        page = await browser.new_page()
        relayed = []

        async def relay(method, params):
            relayed.append(params.get("name"))
            return {}

        await page.expose_function("mcpRelay", relay)
        await page.goto(f"{host_origin}/host.html")
        probe = """<!DOCTYPE html><html><head></head><body><script>
          window.addEventListener("message", e => { if (e.data.id === 2) document.body.dataset.answer = JSON.stringify(e.data); });
          parent.postMessage({jsonrpc: "2.0", id: 1, method: "ui/initialize", params: {}}, "*");
          parent.postMessage({jsonrpc: "2.0", method: "ui/notifications/initialized", params: {}}, "*");
          parent.postMessage({jsonrpc: "2.0", id: 2, method: "tools/call", params: {name: "request_planning", arguments: {}}}, "*");
        </script></body></html>"""
        await page.evaluate("args => host.show(args)", {
            "html": probe, "csp": {}, "permissions": {}, "toolName": "list_requests", "toolInput": {},
            "toolResult": {"content": []}, "tools": tools, "sandboxUrl": f"{sandbox_origin}/sandbox.html"})
        inner = page.frame_locator("iframe.app").frame_locator("iframe")
        await inner.locator("body[data-answer]").wait_for(state="attached")
        answer = await inner.locator("body").get_attribute("data-answer")
        assert "not callable by the app" in answer and relayed == []


async def test_a_host_that_relays_no_tool_calls_gets_a_clear_sentence(server, browser, origins):
    host_origin, sandbox_origin = origins
    async with Client(server(), extensions=[advertise(APPS, {"mimeTypes": [HTML]})]) as client:
        tools = (await client.list_tools()).tools
        contents = (await client.read_resource("ui://mcp-orchestrator/board")).contents[0]
        page = await browser.new_page()
        relayed = []

        async def relay(method, params):
            relayed.append(method)
            return {}

        await page.expose_function("mcpRelay", relay)
        await page.goto(f"{host_origin}/host.html")
        await page.evaluate("args => host.show(args)", {
            "html": contents.text, "csp": contents.meta["ui"]["csp"], "permissions": {}, "relaysTools": False,
            "toolName": "list_requests", "toolInput": {}, "toolResult": {"content": []},
            "tools": [wire(tool) for tool in tools], "sandboxUrl": f"{sandbox_origin}/sandbox.html"})
        app = page.frame_locator("iframe.app").frame_locator("iframe")
        await app.locator("#notice", has_text="mcp-orchestrator board").wait_for()
        assert await app.locator("#live").text_content() == "not connected"
        assert relayed == []
