"""The shared server under attack (issue 26, part 2), on loopback and bounded: idle sockets held open
while agents work, descriptors running out, agents reaching for each other's tasks, and requests that
are not what they seem."""

import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import threading
import time
import urllib.parse

import pytest

from person_terminal import PersonProcess
from shared_server import serving, serving_process, tokens_file

ENVELOPE = {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": {},
            "io.modelcontextprotocol/clientInfo": {"name": "attack", "version": "1"}}


class Caller:
    """Stateless 2026 tool calls with a bearer token, each on a connection of its own."""

    def __init__(self, url, token, keep_alive=False):
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.path = parts.hostname, parts.port, parts.path
        self.token = token
        self.next_id = 0
        # One connection for every call, as an agent's client keeps one: a connection of its own per
        # call can meet the server still closing the last one (it counts it until its thread has).
        self.kept = http.client.HTTPConnection(self.host, self.port, timeout=60) if keep_alive else None

    def post(self, message, headers=None):
        connection = self.kept or http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request("POST", self.path, body=json.dumps(message).encode(), headers={
                "Content-Type": "application/json", "Accept": "application/json, text/event-stream",
                "Authorization": f"Bearer {self.token}", **(headers or {})})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            if not self.kept:
                connection.close()

    def close(self):
        if self.kept:
            self.kept.close()

    def call(self, tool, arguments):
        self.next_id += 1
        status, body = self.post({"jsonrpc": "2.0", "id": self.next_id, "method": "tools/call",
                                  "params": {"name": tool, "arguments": arguments, "_meta": ENVELOPE}})
        assert status == 200, (status, body)
        if body.startswith(b"event:") or body.startswith(b"data:"):
            body = next(line[6:] for line in body.decode().splitlines() if line.startswith("data: "))
        return json.loads(body)["result"]


def error_code(result):
    return (result.get("structuredContent") or {}).get("error", {}).get("code")


def test_six_hundred_idle_sockets_do_not_keep_sixteen_agents_out(server_binary, tmp_path):
    agents = [f"agent-{index}" for index in range(16)]
    path, issued = tokens_file(tmp_path, *[(name, "agent") for name in agents])
    with serving(server_binary, tmp_path / "state.json", "--tokens", str(path)) as url:
        parts = urllib.parse.urlsplit(url)
        tasks = [{"title": f"t{index}", "description": "d"} for index in range(160)]
        planned = Caller(url, issued["agent-0"]).call(
            "request_planning", {"originalRequest": "R", "tasks": tasks, "approvalPolicy": "end"})
        assert not planned.get("isError"), planned
        held = [socket.create_connection((parts.hostname, parts.port), timeout=30) for _ in range(600)]
        latencies, failures = [], []

        def work(name):
            caller = Caller(url, issued[name])
            try:
                for _ in range(10):
                    started = time.monotonic()
                    claimed = caller.call("get_next_task", {})
                    latencies.append(time.monotonic() - started)
                    task = claimed["structuredContent"]["task"]["id"]
                    started = time.monotonic()
                    done = caller.call("mark_task_done", {"requestId": "req-1", "taskId": task,
                                                          "completedDetails": f"done by {name}"})
                    latencies.append(time.monotonic() - started)
                    assert not done.get("isError"), done
            except Exception as problem:  # noqa: BLE001 - every failure is reported below
                failures.append(f"{name}: {problem!r}")

        threads = [threading.Thread(target=work, args=(name,)) for name in agents]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for connection in held:
            connection.close()
        assert not failures, failures[:3]
        assert len(latencies) == 16 * 10 * 2
        ordered = sorted(latencies)
        print(f"\n600 idle sockets, 16 agents: {len(ordered)} calls, p50 {statistics.median(ordered) * 1000:.1f} ms, "
              f"p99 {ordered[int(len(ordered) * 0.99) - 1] * 1000:.1f} ms")


@pytest.mark.skipif(not shutil.which("prlimit"), reason="prlimit (util-linux) sets the descriptor limit")
def test_under_a_low_descriptor_limit_idle_sockets_give_way_and_every_call_is_answered(server_binary, tmp_path):
    """serve sizes its connections to its descriptors (three each, after 32 of its own), so 120 idle
    sockets under a limit of 48 are shed before descriptors run out, and every call is answered."""
    path, issued = tokens_file(tmp_path, ("builder", "agent"))
    process = subprocess.Popen(
        ["prlimit", "--nofile=48:48", server_binary, "serve", "--http", "127.0.0.1:0", "--tokens", str(path),
         "--state", str(tmp_path / "state.json")],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True)
    try:
        url = None
        while url is None:
            line = process.stderr.readline()
            assert line, "the shared server printed no address"
            if "/mcp" in line:
                url = line.split()[2]
        parts = urllib.parse.urlsplit(url)
        held = [socket.create_connection((parts.hostname, parts.port), timeout=30) for _ in range(120)]
        try:
            caller = Caller(url, issued["builder"], keep_alive=True)
            try:
                planned = caller.call(
                    "request_planning", {"originalRequest": "R", "tasks": [{"title": "T", "description": "d"}]})
                assert not planned.get("isError"), planned
                for _ in range(5):
                    assert not caller.call("server_info", {}).get("isError")
            finally:
                caller.close()
        finally:
            for connection in held:
                connection.close()
    finally:
        process.terminate()
        _, said = process.communicate(timeout=30)
    assert said.count("no file descriptor left to accept a connection") <= 1, said


@pytest.mark.skipif(not shutil.which("prlimit"), reason="prlimit (util-linux) sets the descriptor limit")
def test_running_out_of_descriptors_is_said_once_and_the_server_keeps_serving(server_binary, tmp_path):
    """The board told to keep more connections than its descriptors allow: accept fails (EMFILE), the
    server sheds the connection that waited longest, says so once, and answers the next request."""
    env = dict(os.environ, MCP_ORCHESTRATOR_BOARD_MAX_CONNECTIONS="200")
    board = PersonProcess(["prlimit", "--nofile=40:40", server_binary, "board", "--state", str(tmp_path / "s.json")],
                          env=env)
    try:
        address = board.readline()
        port = int(address.split("http://127.0.0.1:", 1)[1].split("/", 1)[0])
        board.drain()
        held = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(120)]
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", "/board.css", headers={"Host": f"127.0.0.1:{port}"})
            assert connection.getresponse().status == 200
            connection.close()
        finally:
            for socket_ in held:
                socket_.close()
    finally:
        board.terminate()
        board.wait(timeout=30)
    said = "".join(board.lines)
    assert said.count("no file descriptor left to accept a connection") == 1, said


def test_an_agent_keeps_its_hands_off_another_agents_task_and_its_name(server_binary, tmp_path):
    path, issued = tokens_file(tmp_path, ("agent-0", "agent"), ("agent-1", "agent"), ("ada", "person"),
                               ("compat", "agent"))
    with serving(server_binary, tmp_path / "state.json", "--tokens", str(path), "--toolsets", "all") as url:
        first, second = Caller(url, issued["agent-0"]), Caller(url, issued["agent-1"])
        first.call("request_planning", {"originalRequest": "R", "tasks": [
            {"title": "Held", "description": "d"}, {"title": "Free", "description": "d"}], "approvalPolicy": "end"})
        assert first.call("get_next_task", {})["structuredContent"]["task"]["id"] == "task-1"
        renamed = second.call("update_task", {"requestId": "req-1", "taskId": "task-1", "title": "Mine now"})
        assert error_code(renamed) == "task_held_by_other"
        deleted = second.call("delete_task", {"requestId": "req-1", "taskId": "task-1"})
        assert error_code(deleted) == "task_held_by_other"
        # The holder may, and so may the person.
        assert not first.call("update_task", {"requestId": "req-1", "taskId": "task-1", "title": "Held, renamed"}).get(
            "isError")
        assert not Caller(url, issued["ada"]).call(
            "update_task", {"requestId": "req-1", "taskId": "task-1", "priority": "high"}).get("isError")
        # orchestrator-server's instance_id naming someone else is refused like instanceId.
        named = second.call("get_next_task", {"instance_id": "agent-0"})
        assert error_code(named) == "not_your_identity"


def test_two_authorization_headers_and_a_foreign_host_are_refused(server_binary, tmp_path):
    path, issued = tokens_file(tmp_path, ("agent-0", "agent"), ("agent-1", "agent"))
    with serving(server_binary, tmp_path / "state.json", "--tokens", str(path)) as url:
        parts = urllib.parse.urlsplit(url)
        ping = b'{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":' + json.dumps(ENVELOPE).encode() + b"}}"

        def raw(headers):
            with socket.create_connection((parts.hostname, parts.port), timeout=30) as connection:
                head = f"POST /mcp HTTP/1.1\r\n{headers}Content-Type: application/json\r\n" \
                       f"Accept: application/json, text/event-stream\r\nContent-Length: {len(ping)}\r\n" \
                       "Connection: close\r\n\r\n"
                connection.sendall(head.encode() + ping)
                answer = b""
                while chunk := connection.recv(4096):
                    answer += chunk
            return int(answer.split(b" ", 2)[1]), answer

        host = f"Host: {parts.hostname}:{parts.port}\r\n"
        status, _ = raw(host + f"Authorization: Bearer {issued['agent-0']}\r\n")
        assert status == 200
        status, answer = raw(host + f"Authorization: Bearer {issued['agent-0']}\r\n"
                             f"Authorization: Bearer {issued['agent-1']}\r\n")
        assert status == 400 and b"one Authorization header" in answer
        status, answer = raw(f"Host: attacker.example:{parts.port}\r\n"
                             f"Authorization: Bearer {issued['agent-0']}\r\n")
        assert status == 403 and b"Host header must name this server" in answer
        status, _ = raw(f"Host: localhost:{parts.port}\r\nAuthorization: Bearer {issued['agent-0']}\r\n")
        assert status == 200
