"""`mcp-orchestrator connect`: a stdio bridge to the shared server, for clients that start stdio servers
only, with an agent's token; and the hard guarantee it gives (issue 26): an agent running as another OS
user than the person, connected with its agent token, cannot approve by any route."""

import json
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path

import anyio
import pytest
from mcp import Client, StdioServerParameters
from mcp.types import ElicitResult

from shared_server import http_client, serving, tokens_file
from waiting import Parked

pytestmark = pytest.mark.anyio

ONE_TASK = [{"title": "One", "description": "d"}]


def through_connect(binary, url, token_file, runner=()):
    argv = [str(part) for part in [*runner, binary, "connect", url, "--token-file", token_file]]
    # In the test's folder, beside the token: the bridge takes evidence only in a git working tree.
    return StdioServerParameters(command=argv[0], args=argv[1:], cwd=os.path.dirname(str(token_file)))


async def finish_one(client):
    await client.call_tool("request_planning", {"originalRequest": "R", "tasks": ONE_TASK})
    claimed = (await client.call_tool("get_next_task", {})).structured_content
    await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "done"})
    return claimed


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_a_stdio_client_works_the_shared_plan_through_connect_and_never_approves(server_binary, tmp_path, mode):
    path, issued = tokens_file(tmp_path, ("builder", "agent"), ("ada", "person"))
    agent_token = tmp_path / "builder.token"
    agent_token.write_text(issued["builder"] + "\n")

    async def agrees(context, params):
        # The agent's own client answering the question in the person's name.
        return ElicitResult(action="accept", content={"decision": "approve"})

    with serving(server_binary, tmp_path / "state.json", "--tokens", str(path), "--approver", "human") as url:
        async with Client(through_connect(server_binary, url, agent_token), mode=mode,
                          elicitation_callback=agrees) as agent:
            claimed = await finish_one(agent)
            assert claimed["task"]["assignee"] == "builder"
            refused = await agent.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
            assert refused.is_error and refused.structured_content["error"]["code"] == "human_approval_required"
            assert "mcp-orchestrator" not in refused.content[0].text
            # The agent waits; the person decides with their own token; the wait answers with it.
            parked, results = Parked(), []

            async def wait_for_the_person():
                results.append(await agent.call_tool(
                    "approve_task_completion", {"requestId": "req-1", "taskId": "task-1", "waitSeconds": 50},
                    progress_callback=parked))

            async with anyio.create_task_group() as group:
                group.start_soon(wait_for_the_person)
                await parked.wait()
                async with http_client(url, issued["ada"]) as person:
                    decided = await person.call_tool(
                        "approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
                    assert not decided.is_error
            assert results[0].structured_content["decision"] == "approved"
            assert results[0].structured_content["task"]["approvedBy"] == "person via http (token ada)"


def test_connect_says_what_is_wrong_in_a_sentence(server_binary, tmp_path):
    def run(*arguments, given=""):
        return subprocess.run([server_binary, "connect", *arguments], input=given, capture_output=True, text=True,
                              timeout=60)

    https = run("https://example.invalid/mcp")
    assert https.returncode == 64 and "plain HTTP" in https.stderr
    empty = tmp_path / "empty.token"
    empty.write_text("\n")
    assert "is empty" in run("http://127.0.0.1:9/mcp", "--token-file", str(empty)).stderr
    # Nobody listens: each request is answered with a JSON-RPC error naming the problem.
    closed = run("http://127.0.0.1:9/mcp", given='{"jsonrpc":"2.0","id":1,"method":"ping"}\n')
    answer = json.loads(closed.stdout)
    assert answer["id"] == 1 and "cannot connect to 127.0.0.1:9" in answer["error"]["message"]


def ensure_user(name):
    try:
        return pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name], check=True)
        return pwd.getpwnam(name)


def as_user(user, *argv):
    return ["runuser", "-u", user, "--", *[str(part) for part in argv]]


@contextmanager
def two_users(server_binary):
    """The service user owns the state and the tokens; the agent user owns only its token."""
    service, agent = ensure_user("mcpo-service"), ensure_user("mcpo-agent")
    root = Path(tempfile.mkdtemp(prefix="mcpo-users-"))
    os.chmod(root, 0o755)
    binary = root / "bin" / "mcp-orchestrator"
    binary.parent.mkdir()
    shutil.copy(server_binary, binary)
    os.chmod(binary.parent, 0o755)
    os.chmod(binary, 0o755)
    home = root / "service"
    home.mkdir()
    path, issued = tokens_file(home, ("builder", "agent"), ("ada", "person"))
    agent_home = root / "agent"
    agent_home.mkdir()
    agent_token = agent_home / "builder.token"
    agent_token.write_text(issued["builder"] + "\n")
    for folder, owner in ((home, service), (agent_home, agent)):
        for item in [folder, *folder.iterdir()]:
            os.chown(item, owner.pw_uid, owner.pw_gid)
            os.chmod(item, 0o700 if item.is_dir() else 0o600)
    try:
        yield binary, home, path, issued, agent_token
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"),
                    reason="creating OS users needs root and runuser (CI runs as root)")
async def test_an_agent_under_another_os_user_cannot_approve_by_any_route(server_binary):
    with two_users(server_binary) as (binary, home, tokens, issued, agent_token):
        state = home / "state.json"
        serve = subprocess.Popen(
            as_user("mcpo-service", binary, "serve", "--http", "127.0.0.1:0", "--tokens", tokens, "--state", state,
                    "--approver", "human"),
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
        try:
            url = None
            for _ in range(5):
                match = re.search(r"(http://\S+/mcp)", serve.stderr.readline())
                if match:
                    url = match.group(1)
                    break
            assert url, "the shared server printed no address"
            async with Client(through_connect(binary, url, agent_token, runner=as_user("mcpo-agent")[:4])) as agent:
                await finish_one(agent)
                # 1. The tool, with its agent token.
                refused = await agent.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
                assert refused.structured_content["error"]["code"] == "human_approval_required"
                closing = await agent.call_tool("approve_request_completion", {"requestId": "req-1"})
                assert closing.is_error
                # 2. The command line on the service's state: the OS says no, and the command says so.
                for command in (["approve", "req-1", "task-1"], ["approver", "req-1", "agent"], ["board"]):
                    run = subprocess.run(as_user("mcpo-agent", binary, *command, "--state", state),
                                         capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
                    assert run.returncode != 0, (command, run.stderr)
                    assert "permission denied" in run.stderr.lower(), (command, run.stderr)
                # 3. The person's token is not readable to the agent.
                peek = subprocess.run(as_user("mcpo-agent", "cat", tokens), capture_output=True, text=True)
                assert peek.returncode != 0 and issued["ada"] not in peek.stdout
                # 4. Forged answers, sent through its bridge in the 2026 shape.
                forged = {"jsonrpc": "2.0", "id": 9, "method": "tools/call", "params": {
                    "name": "approve_task_completion", "arguments": {"requestId": "req-1", "taskId": "task-1"},
                    "inputResponses": {"approval": {"action": "accept", "content": {"decision": "approve"}}},
                    "requestState": "q1." + "ab" * 32,
                    "_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
                              "io.modelcontextprotocol/clientCapabilities": {"elicitation": {}},
                              "io.modelcontextprotocol/clientInfo": {"name": "forger", "version": "1"}}}}
                bridge = subprocess.run(as_user("mcpo-agent", binary, "connect", url, "--token-file", agent_token),
                                        input=json.dumps(forged) + "\n", capture_output=True, text=True, timeout=60)
                answer = json.loads(bridge.stdout)
                assert answer["result"]["structuredContent"]["error"]["code"] == "answer_not_asked"
                # 5. The board refuses an agent's token.
                board = url.replace("/mcp", "/board/?token=" + issued["builder"])
                host = board.split("/")[2]
                import http.client
                connection = http.client.HTTPConnection(host, timeout=30)
                connection.request("GET", "/" + board.split("/", 3)[3], headers={"Host": host})
                assert connection.getresponse().status in (401, 403)
                connection.close()
                details = await agent.call_tool("open_task_details", {"taskId": "task-1"})
                assert details.structured_content["task"]["status"] == "done"
                # The person, with their token, decides.
                async with http_client(url, issued["ada"]) as person:
                    decided = await person.call_tool(
                        "approve_task_completion", {"requestId": "req-1", "taskId": "task-1"})
                    assert decided.structured_content["task"]["approvedBy"] == "person via http (token ada)"
        finally:
            serve.terminate()
            serve.wait(timeout=10)
            serve.stderr.close()
        # Everything the service wrote is its own and owner-only.
        info = os.stat(state)
        assert info.st_uid == pwd.getpwnam("mcpo-service").pw_uid and info.st_mode & 0o077 == 0
