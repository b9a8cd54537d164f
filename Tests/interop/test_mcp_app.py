"""The board as an MCP App (io.modelcontextprotocol/ui), negotiated with the official MCP Python SDK in
both eras: a client that declares the extension gets it back with the ui:// board, _meta.ui on the
tools a person would look at and the app-only tools; any other client sees exactly what it saw before."""

import json
import subprocess

import anyio
import pytest
from mcp import Client
from mcp.client.extension import advertise
from mcp.shared.exceptions import MCPError
from mcp.types import Implementation

from shared_server import http_client, serving, tokens_file
from waiting import Parked

pytestmark = pytest.mark.anyio

ERAS = [("auto", "2026-07-28"), ("legacy", "2025-11-25")]
APPS = "io.modelcontextprotocol/ui"
HTML = "text/html;profile=mcp-app"
BOARD = "ui://mcp-orchestrator/board"
APP_TOOLS = {"app_board_view", "app_board_decide"}


def draws_apps():
    return [advertise(APPS, {"mimeTypes": [HTML]})]


def meta(model):
    return (model.meta or {}) if model is not None else {}


async def done_task(client):
    await client.call_tool("request_planning", {"originalRequest": "CSV export", "tasks": [
        {"title": "Parser", "description": "Write the parser"},
        {"title": "Tests", "description": "Test the parser", "dependsOn": ["Parser"]}]})
    await client.call_tool("get_next_task", {})
    await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "written"})


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_a_client_that_draws_apps_gets_the_extension_the_board_and_the_app_tools(server, mode, revision):
    async with Client(server(), mode=mode, extensions=draws_apps()) as client:
        assert client.protocol_version == revision
        declared = client.server_capabilities.extensions or {}
        assert declared.get(APPS) == {"mimeTypes": [HTML]}
        tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        assert meta(tools["list_requests"])["ui"] == {"resourceUri": BOARD}
        for name in APP_TOOLS:
            assert meta(tools[name])["ui"] == {"resourceUri": BOARD, "visibility": ["app"]}
        # Only the tools a person would look at carry the link.
        assert {name for name, tool in tools.items() if meta(tool)} == APP_TOOLS | {"list_requests"}
        assert BOARD in [str(resource.uri) for resource in (await client.list_resources()).resources]
        read = await client.read_resource(BOARD)
        contents = read.contents[0]
        assert contents.mime_type == HTML
        assert contents.text.startswith("<!DOCTYPE html>")
        # One self-contained document: the style and the script inline, nothing loaded from elsewhere.
        assert contents.text.count("<script>") == 1 and contents.text.count("</script>") == 1
        assert " src=" not in contents.text and " href=" not in contents.text
        assert meta(contents)["ui"] == {"csp": {"connectDomains": [], "resourceDomains": [], "frameDomains": [],
                                                "baseUriDomains": []}, "prefersBorder": True}


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_any_other_client_sees_exactly_the_tools_and_results_of_before(server, mode, revision):
    async with Client(server(), mode=mode) as client:
        assert APPS not in (client.server_capabilities.extensions or {})
        tools = (await client.list_tools()).tools
        assert not APP_TOOLS & {tool.name for tool in tools}
        assert not [tool.name for tool in tools if meta(tool)]
        assert BOARD not in [str(resource.uri) for resource in (await client.list_resources()).resources]
        await done_task(client)
        waiting = await client.call_tool("get_next_task", {})
        assert waiting.structured_content["status"] == "awaiting_approval"
        assert "ui" not in meta(waiting)
        assert "board app" not in waiting.content[0].text
        # The app-only tools do not exist for it: calling one is an unknown tool, and nothing changes.
        with pytest.raises(MCPError, match="Unknown tool: app_board_decide"):
            await client.call_tool("app_board_decide", {"action": "approve", "requestId": "req-1", "taskId": "task-1"})
        still = await client.call_tool("open_task_details", {"taskId": "task-1"})
        assert still.structured_content["task"]["status"] == "done"


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_get_next_task_links_the_board_when_a_task_awaits_approval(server, mode, revision):
    async with Client(server(), mode=mode, extensions=draws_apps()) as client:
        first = await client.call_tool("request_planning", {"originalRequest": "One", "tasks": [
            {"title": "Parser", "description": "Write the parser"}]})
        claimed = await client.call_tool("get_next_task", {})
        assert claimed.structured_content["status"] == "claimed" and "ui" not in meta(claimed)
        assert not first.is_error
        await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "x"})
        waiting = await client.call_tool("get_next_task", {})
        assert waiting.structured_content["status"] == "awaiting_approval"
        assert meta(waiting)["ui"] == {"resourceUri": BOARD}
        assert "board app" in waiting.content[0].text


@pytest.mark.parametrize(("mode", "revision"), ERAS)
async def test_the_app_decides_as_the_person_under_the_human_approver(server, mode, revision):
    async with Client(server("--approver", "human"), mode=mode, extensions=draws_apps()) as client:
        await done_task(client)
        # The model's own call never approves.
        model = await client.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
        assert model.is_error
        view = (await client.call_tool("app_board_view", {})).structured_content
        assert [item["task"]["id"] for item in view["needsYou"]] == ["task-1"]
        # A rejection needs feedback: the rule's own sentence comes back, and nothing changes.
        blank = await client.call_tool("app_board_decide", {"action": "reject", "requestId": "req-1",
                                                             "taskId": "task-1", "feedback": " "})
        assert blank.is_error and "feedback" in blank.content[0].text
        missing = await client.call_tool("app_board_decide", {"action": "approve", "requestId": "req-1"})
        assert missing.is_error and "taskId" in missing.content[0].text
        approved = await client.call_tool("app_board_decide", {"action": "approve", "requestId": "req-1",
                                                                "taskId": "task-1"})
        assert not approved.is_error, approved.content[0].text
        person = approved.structured_content["by"]
        assert person.startswith("person via ") and person.endswith(" app")
        details = await client.call_tool("open_task_details", {"taskId": "task-1"})
        task = details.structured_content["task"]
        assert task["status"] == "approved"
        assert task["history"][-1]["actor"] == person
        after = (await client.call_tool("app_board_view", {})).structured_content
        assert after["revision"] > view["revision"] and after["needsYou"] == []
        # Closing needs every task approved: the rule's refusal, then the close once they are.
        early = await client.call_tool("app_board_decide", {"action": "approve-request", "requestId": "req-1"})
        assert early.is_error and "task-2" in early.content[0].text
        await client.call_tool("get_next_task", {})
        await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-2", "completedDetails": "ok"})
        await client.call_tool("app_board_decide", {"action": "approve", "requestId": "req-1", "taskId": "task-2"})
        ready = (await client.call_tool("app_board_view", {})).structured_content["needsYou"]
        assert [item["kind"] for item in ready] == ["close"]
        closed = await client.call_tool("app_board_decide", {"action": "approve-request", "requestId": "req-1"})
        assert closed.structured_content == {"decision": "closed", "requestId": "req-1", "by": person}
        unknown = await client.call_tool("app_board_decide", {"action": "merge", "requestId": "req-1"})
        assert unknown.is_error and "action" in unknown.content[0].text


async def test_the_view_waits_for_the_next_revision(server, server_binary, tmp_path):
    async with Client(server(), extensions=draws_apps()) as client:
        await done_task(client)
        view = (await client.call_tool("app_board_view", {})).structured_content
        # Nothing changes: the wait ends with the same revision.
        same = (await client.call_tool("app_board_view", {"afterRevision": view["revision"], "waitSeconds": 1}))
        assert same.structured_content["revision"] == view["revision"]
        answers = []
        parked = Parked()

        async def follow():
            answers.append(await client.call_tool(
                "app_board_view", {"afterRevision": view["revision"], "waitSeconds": 50}, progress_callback=parked))

        async with anyio.create_task_group() as group:
            group.start_soon(follow)
            await parked.wait()
            assert not answers
            subprocess.run([server_binary, "approve", "req-1", "task-1", "--state", str(tmp_path / "state.json")],
                           check=True, capture_output=True, timeout=30)
        moved = answers[0].structured_content
        assert moved["revision"] > view["revision"] and moved["needsYou"] == []
        assert json.dumps(moved).count("task-1") >= 1


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_a_remote_host_reaches_the_app_over_the_shared_server_and_its_token_decides(server_binary, tmp_path,
                                                                                         mode):
    path, issued = tokens_file(tmp_path, ("builder", "agent"), ("ada", "person"))
    host = Implementation(name="claude-ai", version="1")
    with serving(server_binary, tmp_path / "state.json", "--tokens", str(path), "--approver", "human") as url:
        async with http_client(url, issued["builder"], mode=mode, extensions=draws_apps(), client_info=host) as agent:
            assert BOARD in [str(r.uri) for r in (await agent.list_resources()).resources]
            await done_task(agent)
            # An agent's token never decides for the person, even through the app's tool.
            refused = await agent.call_tool("app_board_decide", {"action": "approve", "requestId": "req-1",
                                                                  "taskId": "task-1"})
            assert refused.is_error and "agent token" in refused.content[0].text
        async with http_client(url, issued["ada"], mode=mode, extensions=draws_apps(), client_info=host) as person:
            approved = await person.call_tool("app_board_decide", {"action": "approve", "requestId": "req-1",
                                                                    "taskId": "task-1"})
            assert approved.structured_content["by"] == "person via claude-ai app (ada)"
