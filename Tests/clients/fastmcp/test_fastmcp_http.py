"""fastmcp 4.1.6's own Client over the shared server's Streamable HTTP, with a bearer token: the plan
flow, the token's name as the holder of the claim, and a refusal raised as its ToolError."""

import json
import os
import re
import secrets
import subprocess

import pytest
from fastmcp import Client
from fastmcp.client.transports import StreamableHttpTransport
from fastmcp.exceptions import ToolError
from person_terminal import PersonProcess

pytestmark = pytest.mark.anyio


def start(binary, tmp_path, *extra):
    argv = [binary, "serve", "--http", "127.0.0.1:0", "--state", str(tmp_path / "state.json"), *extra]
    if "human" in extra and "--tokens" not in extra:
        # Its board token decides for the person: the person starts it, in their own terminal.
        process = PersonProcess(argv)
    else:
        process = subprocess.Popen(argv, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    url = None
    while url is None:
        line = process.stderr.readline()
        assert line, "the shared server ended before printing its address"
        found = re.search(r"(http://\S+/mcp)", line)
        url = found.group(1) if found else None
    if isinstance(process, PersonProcess):
        process.drain()
    return process, url


def stop(process):
    process.terminate()
    process.wait(timeout=10)
    if not process.stderr.closed:
        process.stderr.close()


@pytest.fixture
def shared_server(binary, tmp_path):
    tokens = tmp_path / "tokens.json"
    token = secrets.token_hex(24)
    tokens.write_text(json.dumps({"tokens": [{"name": "fast-agent", "role": "agent", "token": token}]}))
    os.chmod(tokens, 0o600)
    process, url = start(binary, tmp_path, "--tokens", str(tokens))
    try:
        yield url, token
    finally:
        stop(process)


async def test_the_plan_flow_through_fastmcp_over_http(shared_server):
    url, token = shared_server
    async with Client(StreamableHttpTransport(url, auth=token)) as client:
        plan = await client.call_tool("request_planning", {"originalRequest": "Ship it", "tasks": [
            {"title": "Build", "description": "d"}, {"title": "Test", "description": "d", "dependsOn": [1]}]})
        assert plan.structured_content["requestId"] == "req-1"
        claimed = await client.call_tool("get_next_task", {})
        assert claimed.structured_content["task"]["assignee"] == "fast-agent"
        with pytest.raises(ToolError, match="not_your_identity|authenticated as 'fast-agent'"):
            await client.call_tool("mark_task_done", {
                "requestId": "req-1", "taskId": "task-1", "completedDetails": "done", "instanceId": "someone-else"})
        done = await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "done"})
        assert done.structured_content["task"]["status"] == "done"


async def test_fastmcp_without_the_token_is_refused(shared_server):
    url, _ = shared_server
    with pytest.raises(Exception, match="401|Unauthorized"):
        async with Client(StreamableHttpTransport(url)) as client:
            await client.list_tools()


async def test_a_workflow_and_the_persons_answer_through_fastmcp_over_http(binary, tmp_path):
    asked = []

    async def answer(message, response_type, params, context):
        asked.append(message)
        return {"decision": "approve"}

    process, url = start(binary, tmp_path, "--approver", "human")
    try:
        async with Client(StreamableHttpTransport(url), elicitation_handler=answer) as client:
            started = await client.call_tool("start_workflow", {"workflow_name": "commit_message"})
            assert started.structured_content["instance_id"] == "run-1"
            await client.call_tool("request_planning", {"originalRequest": "R", "tasks": [{"title": "A", "description": "d"}]})
            await client.call_tool("get_next_task", {"requestId": "req-2"})
            await client.call_tool("mark_task_done", {"requestId": "req-2", "taskId": "task-2", "completedDetails": "done"})
            approved = await client.call_tool("approve_task_completion", {"requestId": "req-2", "taskId": "task-2"})
            assert approved.structured_content["decision"] == "approved" and asked
    finally:
        stop(process)
