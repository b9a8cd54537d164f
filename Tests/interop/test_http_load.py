"""Many agents on one shared server: 16 processes × 250 mutations, claims racing for 100 tasks, and a
stdio server on the same file at the same time. Nothing is lost, nothing is handed out twice."""

import http.client
import json
import multiprocessing
import subprocess
import threading
import urllib.parse

from shared_server import serving

ENVELOPE = {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": {},
            "io.modelcontextprotocol/clientInfo": {"name": "load", "version": "1"}}


class Agent:
    """One keep-alive connection that calls tools: in a handshake session, or statelessly (2026)."""

    def __init__(self, url, session):
        parts = urllib.parse.urlsplit(url)
        self.path = parts.path
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        self.headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
        self.next_id = 1
        self.session = session
        if session:
            reply = self.post({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
                "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "load", "version": "1"}}})
            assert "result" in reply, reply
            self.post({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def post(self, message):
        self.connection.request("POST", self.path, body=json.dumps(message).encode(), headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        if response.getheader("Mcp-Session-Id"):
            self.headers["Mcp-Session-Id"] = response.getheader("Mcp-Session-Id")
        if response.status == 202:
            return None
        assert response.status == 200, (response.status, body)
        if response.getheader("Content-Type", "").startswith("text/event-stream"):
            events = [json.loads(line[6:]) for line in body.decode().splitlines() if line.startswith("data: ")]
            return next(event for event in events if "id" in event and "method" not in event)
        return json.loads(body)

    def close(self):
        self.connection.close()

    def call(self, tool, arguments):
        params = {"name": tool, "arguments": arguments}
        if not self.session:
            params["_meta"] = ENVELOPE
        self.next_id += 1
        reply = self.post({"jsonrpc": "2.0", "id": self.next_id, "method": "tools/call", "params": params})
        assert "result" in reply, reply
        return reply["result"]


def mutate(url, index, count):
    agent = Agent(url, session=index % 2 == 0)
    for round_number in range(count):
        result = agent.call("update_task", {"requestId": "req-1", "taskId": f"task-{index + 1}",
                                            "title": f"agent {index} round {round_number}"})
        assert not result.get("isError"), result
    agent.close()


def claim_until_empty(url, index):
    agent = Agent(url, session=index % 2 == 1)
    done = []
    while True:
        result = agent.call("get_next_task", {"requestId": "req-2", "instanceId": f"agent-{index}"})["structuredContent"]
        if result["status"] not in ("claimed", "resumed"):
            agent.close()
            return done
        task = result["task"]["id"]
        finished = agent.call("mark_task_done", {"requestId": "req-2", "taskId": task, "completedDetails": f"by {index}",
                                                 "instanceId": f"agent-{index}"})
        assert not finished.get("isError"), finished
        done.append(task)


def run_all(target, arguments):
    context = multiprocessing.get_context("spawn")
    with context.Pool(len(arguments)) as pool:
        return pool.starmap(target, arguments)


def test_sixteen_agents_over_http_lose_nothing_and_never_share_a_claim(server_binary, tmp_path):
    state = tmp_path / "state.json"
    with serving(server_binary, state) as url:
        setup = Agent(url, session=False)
        setup.call("request_planning", {"originalRequest": "Updates", "tasks": [
            {"title": f"Task {index}", "description": "d"} for index in range(16)]})
        setup.call("request_planning", {"originalRequest": "Claims", "approvalPolicy": "end", "tasks": [
            {"title": f"Claim {index}", "description": "d"} for index in range(100)]})
        setup.close()

        run_all(mutate, [(url, index, 250) for index in range(16)])
        stored = json.loads(state.read_text())
        for task in stored["requests"][0]["tasks"]:
            updates = [entry for entry in task["history"] if entry["action"] == "updated"]
            assert len(updates) == 250, (task["id"], len(updates))

        done_lists = run_all(claim_until_empty, [(url, index) for index in range(16)])
        everything = [task for done in done_lists for task in done]
        assert sorted(everything) == sorted(f"task-{17 + index}" for index in range(100)), "a task was done twice or never"
        stored = json.loads(state.read_text())
        for task in stored["requests"][1]["tasks"]:
            claims = [entry for entry in task["history"] if entry["action"] == "claimed"]
            assert len(claims) == 1 and task["status"] == "done", (task["id"], claims)
            assert task["assignee"] == claims[0]["actor"]


def test_a_stdio_server_and_the_http_server_on_one_file_stay_consistent(server_binary, tmp_path):
    state = tmp_path / "state.json"
    with serving(server_binary, state) as url:
        agent = Agent(url, session=True)
        agent.call("request_planning", {"originalRequest": "Both", "tasks": [
            {"title": "Over HTTP", "description": "d"}, {"title": "Over stdio", "description": "d"}]})
        stdio = subprocess.Popen([server_binary, "--state", str(state)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True)
        problems = []

        def over_stdio():
            try:
                for number in range(200):
                    call = {"jsonrpc": "2.0", "id": number, "method": "tools/call", "params": {
                        "name": "update_task", "arguments": {"requestId": "req-1", "taskId": "task-2", "title": f"s{number}"},
                        "_meta": ENVELOPE}}
                    stdio.stdin.write(json.dumps(call) + "\n")
                    stdio.stdin.flush()
                    reply = json.loads(stdio.stdout.readline())
                    if reply.get("result", {}).get("isError") or "error" in reply:
                        problems.append(reply)
            except Exception as error:  # noqa: BLE001 - reported below, with the thread's own failure
                problems.append(repr(error))

        thread = threading.Thread(target=over_stdio)
        thread.start()
        for number in range(200):
            result = agent.call("update_task", {"requestId": "req-1", "taskId": "task-1", "title": f"h{number}"})
            assert not result.get("isError"), result
        thread.join(timeout=120)
        agent.close()
        stdio.stdin.close()
        stdio.wait(timeout=30)
        stdio.stdout.close()
        assert problems == []
    tasks = json.loads(state.read_text())["requests"][0]["tasks"]
    assert [sum(entry["action"] == "updated" for entry in task["history"]) for task in tasks] == [200, 200]
    assert [task["title"] for task in tasks] == ["h199", "s199"]
