"""Several `serve --http` processes on one PostgreSQL database, driven by the official SDK's HTTP
client: one plan shared across servers, 64 agents racing for claims, a decision made on one server's
board reaching a waiting agent and the board on the other, a server killed with SIGKILL mid-load, the
database stopped mid-load and started again, libpq missing, a password kept out of every line.

The database is the throwaway cluster `Tests/run.sh` starts (`Tests/postgres.sh`); each test has a
project of its own in it."""

import json
import os
import re
import signal
import subprocess
import uuid
from contextlib import contextmanager
from pathlib import Path

import anyio
import pytest

from board import Board
from shared_server import http_client, tokens_file
from waiting import next_task_after

DATABASE = os.environ.get("MCP_ORCHESTRATOR_TEST_STORE")
CLUSTER = os.environ.get("MCP_ORCHESTRATOR_TEST_PG_DIR")
REPOSITORY = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.skipif(not DATABASE, reason="needs MCP_ORCHESTRATOR_TEST_STORE (Tests/run.sh starts a cluster)"),
]


def project_environment(project):
    return {**os.environ, "MCP_ORCHESTRATOR_PROJECT": project}


@contextmanager
def servers(binary, tmp_path, count, project, *extra):
    """`count` shared servers on one project of the database; yields (process, address) pairs."""
    started = []
    try:
        for index in range(count):
            folder = tmp_path / f"server-{index}"
            folder.mkdir(exist_ok=True)
            process = subprocess.Popen(
                [binary, "serve", "--http", "127.0.0.1:0", "--state", str(folder / "state.json"), "--store", DATABASE,
                 *extra],
                stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=folder,
                env=project_environment(project))
            address = None
            for _ in range(5):
                match = re.search(r"(http://\S+/mcp)", process.stderr.readline())
                if match:
                    address = match.group(1)
                    break
            assert address, "the shared server printed no address"
            started.append((process, address))
        yield started
    finally:
        for process, _ in started:
            if process.poll() is None:
                process.terminate()
            process.wait(timeout=10)
            process.stderr.close()


def exported(binary, project):
    """The project's state as `export --format json` reads it from the database."""
    done = subprocess.run(
        [binary, "export", "--format", "json", "--store", DATABASE], capture_output=True, text=True,
        env=project_environment(project), cwd="/", timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def cluster(*arguments):
    subprocess.run([str(REPOSITORY / "Tests/postgres.sh"), "ctl", CLUSTER, *arguments], check=True,
                   capture_output=True, timeout=120)


PLAN = [{"title": "Parser", "description": "Write the parser"},
        {"title": "Tests", "description": "Test it", "dependsOn": ["Parser"]}]


async def test_a_decision_on_one_servers_board_reaches_the_other_server(server_binary, tmp_path):
    path, issued = tokens_file(tmp_path, ("builder", "agent"), ("ada", "person"))
    project = f"two-{uuid.uuid4()}"
    with servers(server_binary, tmp_path, 2, project, "--tokens", str(path), "--approver", "human") as started:
        (_, first), (_, second) = started
        async with http_client(first, issued["builder"]) as on_first, \
                http_client(second, issued["builder"]) as on_second:
            planned = await on_first.call_tool("request_planning", {"originalRequest": "CSV export", "tasks": PLAN})
            assert planned.structured_content["requestId"] == "req-1"
            claimed = (await on_second.call_tool("get_next_task", {})).structured_content
            assert (claimed["status"], claimed["task"]["id"]) == ("claimed", "task-1")
            await on_second.call_tool(
                "mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "parsed"})
            first_board = Board(None, f"{first.rsplit('/', 1)[0]}/board/?token={issued['ada']}").sign_in()
            assert first_board.state()["needsYou"][0]["task"]["id"] == "task-1", "the first server sees the second's work"

            async def approve_on_the_second_servers_board():
                second_board = Board(None, f"{second.rsplit('/', 1)[0]}/board/?token={issued['ada']}").sign_in()
                status, reply = await anyio.to_thread.run_sync(
                    lambda: second_board.decide("/api/approve", {"requestId": "req-1", "taskId": "task-1"}))
                assert status == 200, reply

            woken = await next_task_after(on_first, approve_on_the_second_servers_board)
            assert (woken["status"], woken["task"]["id"]) == ("claimed", "task-2"), "the waiting agent was woken"
            approved = [task for request in first_board.state()["requests"] for task in request["tasks"]
                        if task["id"] == "task-1"]
            assert approved and approved[0]["status"] == "approved"
    task = exported(server_binary, project)["requests"][0]["tasks"][0]
    assert task["approvedBy"] == "person via board (ada)"


async def race(addresses, agents, stop_after=None, on_stop=None):
    """`agents` SDK clients spread over `addresses`, each claiming and finishing until nothing is
    left (or its server is gone). Returns what each acknowledged."""
    claims, finished, failures, endings = [], [], [], []
    reached = anyio.Event()

    async def agent(number):
        url = addresses[number % len(addresses)]
        try:
            async with http_client(url) as client:
                while True:
                    # Each agent is an agent of its own (the SDK's clients all share one client name).
                    got = (await client.call_tool("get_next_task", {"instanceId": f"agent-{number}"})).structured_content
                    if got.get("status") != "claimed":
                        endings.append(got.get("status"))
                        return
                    task = got["task"]["id"]
                    claims.append(task)
                    done = await client.call_tool(
                        "mark_task_done", {"requestId": "req-1", "taskId": task, "completedDetails": f"agent {number}",
                                           "instanceId": f"agent-{number}"})
                    if done.is_error:
                        failures.append((number, done.structured_content))
                        return
                    finished.append(task)
                    if stop_after and len(finished) == stop_after:
                        reached.set()
        except Exception as error:  # a server killed under the agent: its connection is gone
            if on_stop is None:
                raise
            failures.append((number, repr(error)))

    async def stopper():
        await reached.wait()
        on_stop()

    async with anyio.create_task_group() as group:
        if on_stop:
            group.start_soon(stopper)
        for number in range(agents):
            group.start_soon(agent, number)
    assert set(endings) <= {"waiting", "ready_for_completion", "no_active_requests"}, endings
    return claims, finished, failures


async def plan_many(address, count):
    async with http_client(address) as client:
        tasks = [{"title": f"Task {n}", "description": f"Do {n}"} for n in range(1, count + 1)]
        planned = await client.call_tool(
            "request_planning", {"originalRequest": "Race", "tasks": tasks, "approvalPolicy": "auto"})
        assert not planned.is_error, planned


async def test_sixty_four_agents_over_two_servers_never_share_a_task(server_binary, tmp_path):
    project = f"race-{uuid.uuid4()}"
    with servers(server_binary, tmp_path, 2, project) as started:
        addresses = [address for _, address in started]
        await plan_many(addresses[0], 320)
        claims, finished, failures = await race(addresses, 64)
        assert not failures, failures[:3]
        assert len(claims) == 320 and len(set(claims)) == 320, "every task claimed once, none twice"
        async with http_client(addresses[1]) as client:
            info = (await client.call_tool("server_info", {})).structured_content
    state = exported(server_binary, project)
    assert [task["status"] for task in state["requests"][0]["tasks"]] == ["approved"] * 320
    # The plan, then a claim and a finish for each task: the revision counts every change exactly.
    assert info["stateFile"]["revision"] == 1 + 2 * 320
    assert state["revision"] == 1 + 2 * 320


async def test_a_server_killed_mid_load_loses_no_acknowledged_change(server_binary, tmp_path):
    project = f"kill-{uuid.uuid4()}"
    with servers(server_binary, tmp_path, 2, project) as started:
        (victim, _), _ = started
        addresses = [address for _, address in started]
        await plan_many(addresses[0], 200)
        claims, finished, failures = await race(
            addresses, 16, stop_after=40, on_stop=lambda: os.kill(victim.pid, signal.SIGKILL))
        assert victim.wait(timeout=10) == -signal.SIGKILL
    assert len(claims) == len(set(claims)), "no task was claimed twice"
    tasks = {task["id"]: task for task in exported(server_binary, project)["requests"][0]["tasks"]}
    lost = [task for task in finished if tasks[task]["status"] != "approved"]
    assert not lost, f"acknowledged but not stored: {lost}"
    assert failures, "the agents on the killed server saw it go"


async def test_the_database_stopped_mid_load_is_refused_clearly_and_recovers(server_binary, tmp_path):
    assert CLUSTER, "Tests/run.sh names the cluster's folder"
    project = f"stop-{uuid.uuid4()}"
    with servers(server_binary, tmp_path, 1, project, "--lock-wait-seconds", "2") as started:
        (server, address), = started
        await plan_many(address, 10)
        async with http_client(address) as client:
            first = (await client.call_tool("get_next_task", {})).structured_content
            assert first["status"] == "claimed"
            cluster("stop", "-m", "fast")
            try:
                refused = await client.call_tool(
                    "mark_task_done", {"requestId": "req-1", "taskId": first["task"]["id"], "completedDetails": "x"})
                assert refused.is_error
                assert refused.structured_content["error"]["code"] == "store_unavailable", refused.structured_content
                read = await client.call_tool("list_requests", {})
                assert read.is_error and read.structured_content["error"]["code"] == "store_unavailable"
            finally:
                cluster("start")
            again = await client.call_tool(
                "mark_task_done", {"requestId": "req-1", "taskId": first["task"]["id"], "completedDetails": "x"})
            assert not again.is_error, again.structured_content
            nxt = (await client.call_tool("get_next_task", {})).structured_content
            assert nxt["status"] == "claimed"
        assert server.poll() is None, "the server was not restarted"
    statuses = [task["status"] for task in exported(server_binary, project)["requests"][0]["tasks"]]
    assert statuses.count("approved") == 1 and statuses.count("in_progress") == 1


def test_without_libpq_the_store_says_what_to_install(server_binary, tmp_path):
    environment = {**os.environ, "MCP_ORCHESTRATOR_LIBPQ": str(tmp_path / "no-libpq.so.5")}
    for argv in ([server_binary, "--store", DATABASE], [server_binary, "serve", "--store", DATABASE],
                 [server_binary, "status", "--store", DATABASE]):
        done = subprocess.run(argv, capture_output=True, text=True, env=environment, cwd=tmp_path, timeout=30,
                              stdin=subprocess.DEVNULL)
        assert done.returncode == 69, (argv, done.stderr)
        assert "apt-get install libpq5" in done.stderr and "brew install libpq" in done.stderr
        assert done.stderr.count("\n") == 1, "one sentence"
        assert done.stdout == ""


async def test_a_password_never_reaches_a_line_the_server_writes(server_binary, tmp_path):
    secret = "hunter2-" + uuid.uuid4().hex
    # The throwaway cluster trusts its user, so the password is accepted and never checked.
    with_password = DATABASE.replace("postgresql://", f"postgresql://orchestrator:{secret}@", 1)
    project = f"secret-{uuid.uuid4()}"
    process = subprocess.Popen(
        [server_binary, "serve", "--http", "127.0.0.1:0", "--store", with_password, "--log-level", "debug"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=tmp_path,
        env=project_environment(project))
    try:
        first_lines = "".join(process.stderr.readline() for _ in range(3))
        address = re.search(r"(http://\S+/mcp)", first_lines).group(1)
        async with http_client(address) as client:
            await client.call_tool("request_planning", {"originalRequest": "R", "tasks": PLAN})
            info = (await client.call_tool("server_info", {})).structured_content
            assert secret not in json.dumps(info)
            assert info["stateFile"]["path"].startswith("postgresql://orchestrator@")
    finally:
        process.terminate()
        process.wait(timeout=10)
        rest = process.stderr.read()
        process.stderr.close()
    assert secret not in first_lines + rest


def test_the_file_store_loads_no_libpq(server_binary, tmp_path):
    process = subprocess.Popen([server_binary, "--state", str(tmp_path / "state.json")], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=tmp_path)
    try:
        process.stdin.write(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}).encode()
                            + b"\n")
        process.stdin.flush()
        assert b'"result"' in process.stdout.readline()
        maps = Path(f"/proc/{process.pid}/maps").read_text()
        assert "libpq" not in maps
    finally:
        process.stdin.close()
        process.wait(timeout=10)
        process.stdout.close()


async def test_a_stdio_server_and_the_board_follow_the_database(server_binary, tmp_path, browser):
    from mcp import Client, StdioServerParameters

    from board import running_board

    project = f"stdio-{uuid.uuid4()}"
    environment = project_environment(project)
    params = StdioServerParameters(command=server_binary, args=["--store", DATABASE], cwd=str(tmp_path),
                                   env=environment)
    async with Client(params) as client:
        await client.call_tool("request_planning", {"originalRequest": "CSV export", "tasks": PLAN})
        await client.call_tool("get_next_task", {})
        await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "parsed"})
        async def approve_from_another_process():
            # Through the database: the waiting call hears it.
            approved = await anyio.to_thread.run_sync(lambda: subprocess.run(
                [server_binary, "approve", "task-1", "--store", DATABASE], capture_output=True, text=True,
                env=environment, cwd=tmp_path, timeout=60))
            assert approved.returncode == 0, approved.stderr

        woken = await next_task_after(client, approve_from_another_process)
        assert (woken["status"], woken["task"]["id"]) == ("claimed", "task-2")

        with running_board(server_binary, tmp_path / "state.json", "--store", DATABASE, env=environment) as board:
            board.sign_in()
            tasks = {task["id"]: task for request in board.state()["requests"] for task in request["tasks"]}
            assert tasks["task-1"]["status"] == "approved" and tasks["task-2"]["status"] == "in_progress"
            await client.call_tool(
                "mark_task_done", {"requestId": "req-1", "taskId": "task-2", "completedDetails": "tested"})
            assert board.state()["needsYou"][0]["task"]["id"] == "task-2", "the board reads the database's plan"
            # In Chromium, the board names the store it reads, never its options or a password.
            page = await browser.new_page(viewport={"width": 1200, "height": 800})
            await page.goto(board.address)
            await page.wait_for_selector("text=task-2")
            meta = await page.text_content("#meta")
            assert meta.startswith(f"Store postgresql://(local socket)/tests (project {project})"), meta
            assert "user=orchestrator" not in meta
            await page.screenshot(path=str(tmp_path / "board-on-postgresql.png"))


def test_config_writes_no_connection_string_into_a_clients_file(server_binary, tmp_path):
    done = subprocess.run([server_binary, "config", "claude-desktop", "--store", "postgresql://ada:s3cret@db/plans"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=30)
    assert done.returncode == 64 and done.stdout == ""
    assert "MCP_ORCHESTRATOR_STORE" in done.stderr and "s3cret" not in done.stderr
