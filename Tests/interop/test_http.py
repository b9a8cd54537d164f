"""The shared server over MCP's Streamable HTTP, driven by the official Python SDK's HTTP client in
both eras: the plan flow, workflows, elicitation on the request's stream, waiting calls, tokens and
the Origin check."""

import http.client
import json
import os
import select
import subprocess
import time
import urllib.parse

import pytest
from mcp.types import ElicitResult

from shared_server import http_client, serving, serving_process, tokens_file
from waiting import next_task_after

pytestmark = pytest.mark.anyio

ERAS = ["auto", "legacy"]
PLAN = [{"title": "Parser", "description": "Write the parser"},
        {"title": "Tests", "description": "Test it", "dependsOn": ["Parser"]}]


def raw_post(url, body, headers=None):
    """One POST as bytes on the wire, for what an SDK would never send."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("POST", parts.path, body=json.dumps(body).encode(), headers={
            "Content-Type": "application/json", "Accept": "application/json, text/event-stream", **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
    "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}}


@pytest.mark.parametrize("mode", ERAS)
async def test_the_plan_flow_over_http(server_binary, tmp_path, mode):
    with serving(server_binary, tmp_path / "state.json") as url:
        async with http_client(url, mode=mode) as client:
            planned = await client.call_tool("request_planning", {"originalRequest": "CSV export", "tasks": PLAN})
            assert planned.structured_content["requestId"] == "req-1"
            for task in ["task-1", "task-2"]:
                claimed = (await client.call_tool("get_next_task", {})).structured_content
                assert (claimed["status"], claimed["task"]["id"]) == ("claimed", task)
                await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": task, "completedDetails": "did it"})
                approved = await client.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": task})
                assert approved.structured_content["decision"] == "approved"
            closed = await client.call_tool("approve_request_completion", {"requestId": "req-1"})
            assert closed.structured_content["request"]["status"] == "completed"
    stored = json.loads((tmp_path / "state.json").read_text())
    assert [task["status"] for task in stored["requests"][0]["tasks"]] == ["approved", "approved"]


@pytest.mark.parametrize("mode", ERAS)
async def test_a_workflow_over_http(server_binary, tmp_path, mode):
    with serving(server_binary, tmp_path / "state.json") as url:
        async with http_client(url, mode=mode) as client:
            listed = (await client.call_tool("list_workflows", {})).structured_content
            assert any(item["name"] == "commit_message" for item in listed["workflows"])
            started = await client.call_tool("start_workflow", {"workflow_name": "commit_message"})
            assert not started.is_error and started.structured_content["instance_id"] == "run-1"


async def test_elicitation_rides_on_the_calls_own_stream(server_binary, tmp_path):
    async def answer(context, params):
        return ElicitResult(action="accept", content={"decision": "approve"})

    with serving(server_binary, tmp_path / "state.json", "--approver", "human") as url:
        async with http_client(url, mode="legacy", elicitation_callback=answer) as client:
            await client.call_tool("request_planning", {"originalRequest": "R", "tasks": PLAN[:1]})
            await client.call_tool("get_next_task", {})
            await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "done"})
            approved = await client.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
            assert approved.structured_content["decision"] == "approved"
            assert approved.structured_content["task"]["approvedBy"].startswith("person via")


@pytest.mark.parametrize("mode", ERAS)
async def test_a_waiting_call_over_http_returns_when_another_agent_approves(server_binary, tmp_path, mode):
    with serving(server_binary, tmp_path / "state.json") as url:
        async with http_client(url, mode=mode) as worker, http_client(url, mode=mode) as reviewer:
            await worker.call_tool("request_planning", {"originalRequest": "R", "tasks": PLAN})
            await worker.call_tool("get_next_task", {})
            await worker.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "done"})
            nxt = await next_task_after(worker, lambda: reviewer.call_tool(
                "approve_task_completion", {"requestId": "req-1", "taskId": "task-1"}))
            assert (nxt["status"], nxt["task"]["id"]) == ("claimed", "task-2")


async def test_tokens_name_the_actor_and_refuse_what_they_may_not_do(server_binary, tmp_path):
    path, issued = tokens_file(tmp_path, ("builder", "agent"), ("tester", "agent"), ("ada", "person"))
    with serving(server_binary, tmp_path / "state.json", "--tokens", str(path), "--approver", "human") as url:
        # No token, a wrong one: 401 with the challenge the specification asks for.
        status, headers, _ = raw_post(url, INITIALIZE)
        assert status == 401 and headers["WWW-Authenticate"].startswith("Bearer")
        status, headers, _ = raw_post(url, INITIALIZE, {"Authorization": "Bearer " + "0" * 48})
        assert status == 401 and 'error="invalid_token"' in headers["WWW-Authenticate"]

        async with http_client(url, issued["builder"]) as builder, http_client(url, issued["tester"]) as tester:
            await builder.call_tool("request_planning", {"originalRequest": "R", "tasks": PLAN})
            claimed = (await builder.call_tool("get_next_task", {})).structured_content
            assert claimed["task"]["assignee"] == "builder"
            # Another agent cannot finish builder's claim, not even by naming builder.
            stolen = await tester.call_tool("mark_task_done", {
                "requestId": "req-1", "taskId": "task-1", "completedDetails": "mine", "instanceId": "builder"})
            assert stolen.is_error and stolen.structured_content["error"]["code"] == "not_your_identity"
            stolen = await tester.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "mine"})
            assert stolen.is_error
            await builder.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "done"})
            # Under --approver human an agent token never approves; a person token does.
            refused = await builder.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
            assert refused.is_error and refused.structured_content["error"]["code"] == "human_approval_required"
            async with http_client(url, issued["ada"]) as person:
                approved = await person.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
                assert approved.structured_content["task"]["approvedBy"] == "person via http (token ada)"
    history = json.loads((tmp_path / "state.json").read_text())["requests"][0]["tasks"][0]["history"]
    assert [entry["actor"] for entry in history] == ["builder", "builder", "builder", "person via http (token ada)"]


async def test_a_session_belongs_to_its_token(server_binary, tmp_path):
    path, issued = tokens_file(tmp_path, ("builder", "agent"), ("tester", "agent"))
    with serving(server_binary, tmp_path / "state.json", "--tokens", str(path)) as url:
        status, headers, _ = raw_post(url, INITIALIZE, {"Authorization": f"Bearer {issued['builder']}"})
        session = headers["Mcp-Session-Id"]
        ping = {"jsonrpc": "2.0", "id": 2, "method": "ping"}
        status, _, _ = raw_post(url, ping, {"Authorization": f"Bearer {issued['tester']}", "Mcp-Session-Id": session})
        assert status == 403
        status, _, _ = raw_post(url, ping, {"Authorization": f"Bearer {issued['builder']}", "Mcp-Session-Id": "nope"})
        assert status == 404


async def test_an_origin_that_is_not_allowed_is_refused(server_binary, tmp_path):
    with serving(server_binary, tmp_path / "state.json", "--allow-origin", "https://app.example") as url:
        status, _, body = raw_post(url, INITIALIZE, {"Origin": "http://evil.example"})
        assert status == 403 and json.loads(body)["error"]["message"].startswith("Forbidden")
        status, _, _ = raw_post(url, INITIALIZE, {"Origin": "https://app.example"})
        assert status == 200
    assert not (tmp_path / "state.json").exists(), "a refused request wrote the state file"


async def test_another_address_needs_tokens(server_binary, tmp_path):
    import subprocess
    refused = subprocess.run([server_binary, "serve", "--http", "0.0.0.0:0", "--state", str(tmp_path / "s.json")],
                             capture_output=True, text=True, timeout=30)
    assert refused.returncode == 64 and "without --tokens" in refused.stderr


async def test_mcp_taskmanagers_routes_answer_with_the_same_tools_and_tokens(server_binary, tmp_path):
    path, issued = tokens_file(tmp_path, ("builder", "agent"))
    with serving(server_binary, tmp_path / "state.json", "--tokens", str(path), "--toolsets", "taskmanager") as url:
        base = url.rsplit("/", 1)[0]
        listed = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
        status, _, _ = raw_post(base + "/list-tools", listed)
        assert status == 401
        auth = {"Authorization": f"Bearer {issued['builder']}"}
        status, _, body = raw_post(base + "/list-tools", listed, auth)
        assert status == 200 and "request_planning" in {tool["name"] for tool in json.loads(body)["result"]["tools"]}
        call = {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "request_planning", "arguments": {
            "originalRequest": "R", "tasks": [{"title": "A", "description": "d"}]}}}
        status, _, body = raw_post(base + "/call-tool", call, auth)
        assert status == 200 and json.loads(body)["result"]["structuredContent"]["requestId"] == "req-1"
        status, _, _ = raw_post(base + "/call-tool", listed, auth)
        assert status == 400, "a body whose method is not the route's is refused"
    history = json.loads((tmp_path / "state.json").read_text())["requests"][0]["tasks"][0]["history"]
    assert history[0]["actor"] == "builder"


async def test_cross_origin_calls_only_from_allowed_origins(server_binary, tmp_path):
    with serving(server_binary, tmp_path / "state.json", "--allow-origin", "https://app.example") as url:
        parts = urllib.parse.urlsplit(url)
        for origin, expected in [("https://app.example", 204), ("http://evil.example", 403)]:
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            connection.request("OPTIONS", "/mcp", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
            response = connection.getresponse()
            response.read()
            connection.close()
            assert response.status == expected
            if expected == 204:
                assert response.getheader("Access-Control-Allow-Origin") == origin
        status, headers, _ = raw_post(url, INITIALIZE, {"Origin": "https://app.example"})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "https://app.example"


async def test_the_board_on_the_shared_server_signs_people_in_with_their_tokens(server_binary, tmp_path):
    from board import Board

    path, issued = tokens_file(tmp_path, ("builder", "agent"), ("ada", "person"))
    with serving(server_binary, tmp_path / "state.json", "--tokens", str(path), "--approver", "human") as url:
        base = url.rsplit("/", 1)[0]
        async with http_client(url, issued["builder"]) as builder:
            await builder.call_tool("request_planning", {"originalRequest": "R", "tasks": PLAN[:1]})
            await builder.call_tool("get_next_task", {})
            await builder.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "done"})
        agent_board = Board(None, f"{base}/board/?token={issued['builder']}")
        status, _, _ = agent_board.request("GET", f"/board/?token={issued['builder']}", headers={"Host": agent_board.host})
        assert status == 401, "an agent token does not open the board"
        board = Board(None, f"{base}/board/?token={issued['ada']}").sign_in()
        assert board.state()["needsYou"][0]["task"]["id"] == "task-1"
        status, reply = board.decide("/api/approve", {"requestId": "req-1", "taskId": "task-1"})
        assert status == 200, reply
    task = json.loads((tmp_path / "state.json").read_text())["requests"][0]["tasks"][0]
    assert task["approvedBy"] == "person via board (ada)"


async def test_delete_ends_a_session(server_binary, tmp_path):
    with serving(server_binary, tmp_path / "state.json") as url:
        status, headers, _ = raw_post(url, INITIALIZE)
        session = headers["Mcp-Session-Id"]
        parts = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        connection.request("DELETE", parts.path, headers={"Mcp-Session-Id": session})
        response = connection.getresponse()
        response.read()
        connection.close()
        assert response.status == 204
        status, _, _ = raw_post(url, {"jsonrpc": "2.0", "id": 2, "method": "ping"}, {"Mcp-Session-Id": session})
        assert status == 404


def test_closing_a_2026_requests_stream_cancels_its_waiting_call(server_binary, tmp_path):
    """In 2026 a request's stream is the request: closing it cancels a call that waits. The server says
    so on stderr (at --log-level info), and the call never runs again: after the approval it was
    waiting for, the next task is still free."""
    state = tmp_path / "state.json"
    with serving_process(server_binary, state, "--log-level", "info") as (process, url):
        def call(request_id, name, arguments, progress=None):
            meta = {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
                    "io.modelcontextprotocol/clientCapabilities": {},
                    "io.modelcontextprotocol/clientInfo": {"name": "closer", "version": "1"}}
            if progress:
                meta["progressToken"] = progress
            return {"jsonrpc": "2.0", "id": request_id, "method": "tools/call",
                    "params": {"name": name, "arguments": arguments, "_meta": meta}}

        for index, (name, arguments) in enumerate([
                ("request_planning", {"originalRequest": "Close", "tasks": PLAN}),
                ("get_next_task", {}),
                ("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "written"})]):
            status, _, body = raw_post(url, call(index + 1, name, arguments))
            assert status == 200 and b'"isError"' not in body, body

        parts = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        connection.request("POST", parts.path, body=json.dumps(call(9, "get_next_task", {"waitSeconds": 50}, "p")).encode(),
                           headers={"Content-Type": "application/json", "Accept": "application/json, text/event-stream"})
        socket = connection.sock
        response = connection.getresponse()
        assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream"
        # The call is parked once its progress says what it waits for; then the client goes away.
        while b"Waiting for" not in response.fp.readline():
            pass
        socket.shutdown(2)
        response.close()
        connection.close()
        # A deadline only for failing: without the cancellation the line never comes. Read the
        # descriptor itself: lines that arrive together must not sit in a buffer select cannot see.
        deadline = time.monotonic() + 30
        said = b""
        while b"dropped the waiting call 9" not in said:
            ready, _, _ = select.select([process.stderr.fileno()], [], [], max(0, deadline - time.monotonic()))
            assert ready, f"closing the stream did not cancel the waiting call: {said!r}"
            chunk = os.read(process.stderr.fileno(), 65536)
            assert chunk, f"the server ended without dropping the call: {said!r}"
            said += chunk
        subprocess.run([server_binary, "approve", "req-1", "task-1", "--state", str(state)], check=True,
                       capture_output=True, timeout=30)
        status, _, body = raw_post(url, call(10, "open_task_details", {"taskId": "task-2"}))
        assert json.loads(body)["result"]["structuredContent"]["task"]["status"] == "pending"


def test_statuses_carry_their_own_reason_phrases(server_binary, tmp_path):
    """A notification is `202 Accepted`, a refusal its own phrase: never a made-up word."""
    with serving(server_binary, tmp_path / "state.json") as url:
        parts = urllib.parse.urlsplit(url)
        envelope = {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
                    "io.modelcontextprotocol/clientCapabilities": {}}

        def post(message):
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            try:
                connection.request("POST", parts.path, body=json.dumps(message).encode(),
                                   headers={"Content-Type": "application/json",
                                            "Accept": "application/json, text/event-stream"})
                response = connection.getresponse()
                response.read()
                return response.status, response.reason
            finally:
                connection.close()

        assert post({"jsonrpc": "2.0", "method": "notifications/cancelled",
                     "params": {"requestId": 5, "_meta": envelope}}) == (202, "Accepted")
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        connection.request("DELETE", "/elsewhere")
        response = connection.getresponse()
        assert (response.status, response.reason) == (404, "Not Found")
        connection.close()
