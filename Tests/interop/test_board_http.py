"""The board's HTTP server and its guards, met by curl, Python's http.client and a fuzzer of malformed
requests: every refusal changes nothing, every connection is answered or closed, the server survives."""

import json
import os
import random
import socket
import subprocess
import time
from pathlib import Path

import pytest
from mcp import Client

from board import running_board

pytestmark = pytest.mark.anyio


async def plan_with_a_done_task(server):
    async with Client(server(), mode="legacy") as client:
        await client.call_tool("request_planning", {"originalRequest": "CSV <b>export</b>", "tasks": [
            {"title": "Parser <script>alert(1)</script>", "description": "Write the parser"},
            {"title": "Tests", "description": "Test it", "dependsOn": [1]}]})
        await client.call_tool("get_next_task", {})
        await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1", "completedDetails": "done & dusted"})


def stored(tmp_path):
    return (tmp_path / "state.json").read_bytes()


async def test_every_guard_refuses_and_nothing_changes(server, server_binary, tmp_path):
    await plan_with_a_done_task(server)
    before = stored(tmp_path)
    with running_board(server_binary, tmp_path / "state.json") as board:
        # No token, a wrong token: nothing but a sentence on how to get in.
        assert board.request("GET", "/", headers={"Host": board.host})[0] == 401
        assert board.request("GET", "/?token=" + "0" * 64, headers={"Host": board.host})[0] == 401
        assert board.request("GET", "/api/state", headers={"Host": board.host})[0] == 401
        board.sign_in()
        # DNS rebinding: the right cookie, a Host that names another site.
        status, _, _ = board.request("GET", "/api/state", headers={"Host": "evil.example:80", "Cookie": board.cookie})
        assert status == 403
        status, _ = board.decide("/api/approve", {"requestId": "req-1", "taskId": "task-1"}, Host=f"evil.example:{board.port}")
        assert status == 403
        # A wrong Origin, no Origin, another site's fetch, no anti-forgery token, a wrong one.
        approve = {"requestId": "req-1", "taskId": "task-1"}
        assert board.decide("/api/approve", approve, Origin="http://evil.example")[0] == 403
        assert board.decide("/api/approve", approve, Origin=None)[0] == 403
        assert board.decide("/api/approve", approve, Sec_Fetch_Site="cross-site")[0] == 403
        assert board.decide("/api/approve", approve, X_Board_CSRF=None)[0] == 403
        assert board.decide("/api/approve", approve, X_Board_CSRF="f" * 64)[0] == 403
        # No cookie at all.
        assert board.decide("/api/approve", approve, Cookie=None)[0] == 401
        # A cross-site form post: the browser sends the form's type, another Origin and no token.
        form = board.request("POST", "/api/approve", body=b"requestId=req-1&taskId=task-1", headers={
            "Host": board.host, "Cookie": board.cookie, "Origin": "http://evil.example",
            "Content-Type": "application/x-www-form-urlencoded"})
        assert form[0] == 403
        # Even from the page's origin with its token, a form body is refused.
        assert board.decide("/api/approve", approve, Content_Type="application/x-www-form-urlencoded")[0] == 415
        assert stored(tmp_path) == before, "a refused request changed the state file"

        # The page itself: a policy without inline script or outside sources, the cookie HttpOnly and Strict.
        status, headers, page = board.request("GET", "/", headers={"Host": board.host, "Cookie": board.cookie})
        policy = headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy and "unsafe-inline" not in policy
        assert b"<script>" not in page and b"onclick" not in page
        status, headers, _ = board.request("GET", f"/?token={board.token}", headers={"Host": board.host})
        assert "HttpOnly" in headers["Set-Cookie"] and "SameSite=Strict" in headers["Set-Cookie"]

        # Text arrives as data for the page to insert as text: markup in a title stays characters.
        view = board.state()
        assert view["requests"][0]["tasks"][0]["title"] == "Parser <script>alert(1)</script>"

        # The refusal of a rule is the rule's sentence, and the decision is the person's.
        status, reply = board.decide("/api/approve", {"requestId": "req-1", "taskId": "task-2"})
        assert status == 409 and reply["code"] == "task_not_done" and "task-2" in reply["error"]
        status, reply = board.decide("/api/reject", {"requestId": "req-1", "taskId": "task-1", "feedback": "  "})
        assert status == 409 and "feedback" in reply["error"]
        status, reply = board.decide("/api/approve", {"requestId": "req-1"})
        assert status == 400 and "taskId" in reply["error"]
        status, reply = board.decide("/api/approve", {"requestId": "req-1", "taskId": "task-1"})
        assert status == 200, reply
    task = json.loads(stored(tmp_path))["requests"][0]["tasks"][0]
    assert task["status"] == "approved" and task["approvedBy"].startswith("person via board")


def test_the_board_binds_to_loopback_only(server_binary, tmp_path):
    with running_board(server_binary, tmp_path / "state.json") as board:
        # The kernel's table of listening sockets: 127.0.0.1 (0100007F) on the board's port, nothing wider.
        listening = [line.split()[1] for line in Path("/proc/net/tcp").read_text().splitlines()[1:] if line.split()[3] == "0A"]
        ours = [address for address in listening if int(address.split(":")[1], 16) == board.port]
        assert ours == ["0100007F:%04X" % board.port], ours
        outside = outside_address()
        if outside:
            with pytest.raises(OSError):
                socket.create_connection((outside, board.port), timeout=5).close()
    refused = subprocess.run([server_binary, "board", "--host", "0.0.0.0", "--state", str(tmp_path / "s.json")],
                             capture_output=True, text=True, timeout=30)
    assert refused.returncode == 64 and "--host must name one address" in refused.stderr


def outside_address():
    """This machine's address on its default route, if it has one (no packet is sent)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        address = probe.getsockname()[0]
        return None if address.startswith("127.") else address
    except OSError:
        return None
    finally:
        probe.close()


def test_curl_and_keep_alive(server_binary, tmp_path):
    with running_board(server_binary, tmp_path / "state.json") as board:
        board.sign_in()
        shown = subprocess.run(["curl", "-sS", "-i", "-H", f"Cookie: {board.cookie}", f"http://{board.host}/api/state"],
                               capture_output=True, text=True, timeout=30).stdout
        assert shown.startswith("HTTP/1.1 200 OK") and '"requests":[]' in shown
        # Three requests on one connection: HTTP/1.1 keeps it open.
        import http.client
        connection = http.client.HTTPConnection("127.0.0.1", board.port, timeout=30)
        for _ in range(3):
            connection.request("GET", "/api/state", headers={"Host": board.host, "Cookie": board.cookie})
            response = connection.getresponse()
            assert response.status == 200 and response.getheader("Connection") == "keep-alive"
            response.read()
        connection.close()
        # A HEAD has the headers and no body; an unknown path is 404; a wrong method 405 with Allow.
        assert board.request("HEAD", "/board.js", headers={"Host": board.host})[0] == 200
        assert board.request("GET", "/nowhere", headers={"Host": board.host})[0] == 404
        status, headers, _ = board.request("DELETE", "/api/state", headers={"Host": board.host})
        assert status == 405 and headers["Allow"] == "GET, HEAD"


def raw(port, data, *, wait=10.0):
    """Sends bytes, returns everything the server answers before it closes (or `wait` passes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as connection:
        connection.sendall(data)
        try:
            connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        chunks = []
        while True:
            try:
                chunk = connection.recv(65536)
            except (socket.timeout, ConnectionResetError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def status_of(answer):
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None


def test_limits_are_enforced_with_the_right_status(server_binary, tmp_path):
    with running_board(server_binary, tmp_path / "state.json") as board:
        host = board.host.encode()
        huge_header = b"GET / HTTP/1.1\r\nHost: " + host + b"\r\nX-Big: " + b"a" * 20_000 + b"\r\n\r\n"
        assert status_of(raw(board.port, huge_header)) == 431
        big_body = b"POST /api/approve HTTP/1.1\r\nHost: " + host + b"\r\nContent-Length: 2000000\r\n\r\n"
        assert status_of(raw(board.port, big_body)) == 413
        chunked = b"POST /api/approve HTTP/1.1\r\nHost: " + host + b"\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
        assert status_of(raw(board.port, chunked)) == 501
        assert status_of(raw(board.port, b"GET / HTTP/2.0\r\nHost: x\r\n\r\n")) == 505
        assert status_of(raw(board.port, b"GET / HTTP/1.1\r\n\r\n")) == 400, "HTTP/1.1 without Host"
        assert status_of(raw(board.port, b"GET / HTTP/1.1\nHost: " + host + b"\n\n")) == 400, "bare LF"


def test_a_client_that_trickles_its_head_is_dropped(server_binary, tmp_path):
    env = dict(os.environ, MCP_ORCHESTRATOR_BOARD_HEADER_TIMEOUT_MS="1000")
    with running_board(server_binary, tmp_path / "state.json", env=env) as board:
        with socket.create_connection(("127.0.0.1", board.port), timeout=30) as connection:
            answer = b""
            try:
                for byte in b"GET / HTTP/1.1\r\nHost: " + board.host.encode():
                    connection.sendall(bytes([byte]))
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
            while chunk := connection.recv(4096):
                answer += chunk
            assert status_of(answer) == 408
        # And the board still answers others.
        assert board.request("GET", "/board.css", headers={"Host": board.host})[0] == 200


def test_sockets_that_send_nothing_give_way_and_only_a_server_busy_serving_says_come_back(server_binary, tmp_path):
    env = dict(os.environ, MCP_ORCHESTRATOR_BOARD_MAX_CONNECTIONS="4")
    with running_board(server_binary, tmp_path / "state.json", env=env) as board:
        board.sign_in()
        idle, streams = [], []
        try:
            # Four sockets that never send a request fill the board; a fifth with a request is served.
            idle += [socket.create_connection(("127.0.0.1", board.port), timeout=30) for _ in range(4)]
            assert board.request("GET", "/board.css", headers={"Host": board.host})[0] == 200
            # Four event streams, each a request being served, do not give way: a fifth is told to come
            # back. Each sends its request before the next connects: a connection that has sent nothing
            # yet is one that may give way.
            for _ in range(4):
                stream = socket.create_connection(("127.0.0.1", board.port), timeout=30)
                streams.append(stream)
                stream.sendall(b"GET /api/events HTTP/1.1\r\nHost: " + board.host.encode() + b"\r\nCookie: "
                               + board.cookie.encode() + b"\r\n\r\n")
                assert stream.recv(16).startswith(b"HTTP/1.1 200")
            busy = raw(board.port, b"GET /board.css HTTP/1.1\r\nHost: " + board.host.encode() + b"\r\n\r\n")
            assert status_of(busy) == 503
        finally:
            for connection in idle + streams:
                connection.close()
        # The server sees each close on its own thread; retry until it has (bounded, not timed).
        for _ in range(600):
            if board.request("GET", "/board.css", headers={"Host": board.host})[0] == 200:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the board never took connections again after the held ones closed")


def fuzz(port, seeds, process, rounds=300):
    """Sends mutated requests; each is answered with a status line or closed, and the process lives."""
    generator = random.Random(16)
    for round_number in range(rounds):
        data = bytearray(generator.choice(seeds))
        for _ in range(generator.randint(1, 6)):
            position = generator.randrange(len(data) + 1)
            action = generator.random()
            if action < 0.3:
                data[position:position] = bytes(generator.randrange(256) for _ in range(generator.randint(1, 8)))
            elif action < 0.5 and len(data) > 1:
                del data[position:position + generator.randint(1, 8)]
            elif action < 0.7:
                data[position:position] = generator.choice(
                    [b"\r\n", b"\r\n\r\n", b":", b" ", b"\x00", b"Content-Length: 99999999999999999999\r\n",
                     b"Content-Length: -1\r\n", b"Transfer-Encoding: chunked\r\n", b"%", b"?token=", b"\xff\xfe",
                     b"Mcp-Session-Id: x\r\n", b"Authorization: Bearer \r\n", b"{", b"[", b"\"id\":"])
            else:
                data[position:position] = data[:generator.randint(0, 40)]
        answer = raw(port, bytes(data), wait=15)
        assert answer == b"" or answer.startswith(b"HTTP/1.1 "), (round_number, bytes(data), answer[:80])
        assert process.poll() is None, f"the server died on {bytes(data)!r}"
    status = Path(f"/proc/{process.pid}/status").read_text().splitlines()
    rss = int(next(line for line in status if line.startswith("VmRSS")).split()[1])
    assert rss < 64 * 1024, f"the server holds {rss} KiB after the fuzzer"


def test_a_fuzzer_of_malformed_requests_never_brings_the_board_down(server_binary, tmp_path):
    with running_board(server_binary, tmp_path / "state.json") as board:
        host = board.host.encode()
        seeds = [
            b"GET / HTTP/1.1\r\nHost: H\r\n\r\n",
            b"POST /api/approve HTTP/1.1\r\nHost: H\r\nContent-Length: 5\r\nContent-Type: application/json\r\n\r\n{\"a\":",
            b"GET /api/events HTTP/1.1\r\nHost: H\r\nCookie: mcp_orchestrator_board=x\r\n\r\n",
        ]
        fuzz(board.port, [seed.replace(b"H", host) for seed in seeds], board.process)
        assert board.request("GET", "/board.css", headers={"Host": board.host})[0] == 200


def test_a_fuzzer_of_malformed_requests_never_brings_the_shared_server_down(server_binary, tmp_path):
    from shared_server import serving_process

    with serving_process(server_binary, tmp_path / "state.json") as (process, url):
        port = int(url.split(":")[2].split("/")[0])
        initialize = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "f", "version": "1"}}}).encode()
        modern = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {
            "name": "list_requests", "arguments": {}, "_meta": {
                "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {},
                "io.modelcontextprotocol/clientInfo": {"name": "f", "version": "1"}}}}).encode()
        seeds = [
            b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
            % (len(initialize), initialize),
            b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
            % (len(modern), modern),
            b"POST /call-tool HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n\r\n%s" % (len(modern), modern),
            b"DELETE /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nMcp-Session-Id: abc\r\n\r\n",
        ]
        fuzz(port, seeds, process)


def test_open_says_so_where_there_is_no_desktop(server_binary, tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    process = subprocess.Popen([server_binary, "board", "--open", "--state", str(tmp_path / "state.json")],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        # Started here (no terminal), the board adds a note that its decisions are not the person's.
        lines = [process.stderr.readline()]
        while len(lines) < 6 and "--open" not in lines[-1]:
            lines.append(process.stderr.readline())
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stderr.close()
    assert lines[0].startswith("mcp-orchestrator board: http://127.0.0.1:")
    assert "--open: no desktop here" in lines[-1], lines
