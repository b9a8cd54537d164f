"""The board as a test meets it: a real `mcp-orchestrator board` process, and an HTTP client that
holds its cookie and anti-forgery token the way the page does."""

import http.client
import json
import re
from contextlib import contextmanager

from person_terminal import PersonProcess


class Board:
    def __init__(self, process, address):
        self.process = process
        self.address = address
        match = re.match(r"http://([^/]+)(/[^?]*?)?/\?token=([0-9a-f]+)$", address)
        assert match, address
        self.host, self.prefix, self.token = match.group(1), match.group(2) or "", match.group(3)
        self.port = int(self.host.rsplit(":", 1)[1])
        self.origin = f"http://{self.host}"
        self.cookie = None
        self.csrf = None

    def request(self, method, path, body=None, headers=None):
        """One request on a new connection; returns (status, headers, body bytes)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def sign_in(self):
        """Shows the token once, keeps the cookie, and reads the page's anti-forgery token."""
        status, headers, _ = self.request("GET", f"{self.prefix}/?token={self.token}", headers={"Host": self.host})
        assert status == 303, status
        self.cookie = headers["Set-Cookie"].split(";")[0]
        status, _, page = self.request("GET", f"{self.prefix}/", headers={"Host": self.host, "Cookie": self.cookie})
        assert status == 200
        self.csrf = re.search(rb'name="board-csrf" content="([0-9a-f]+)"', page).group(1).decode()
        return self

    def state(self):
        status, _, body = self.request("GET", f"{self.prefix}/api/state", headers={"Host": self.host, "Cookie": self.cookie})
        assert status == 200, body
        return json.loads(body)

    def decide(self, path, payload, **overrides):
        """POSTs a decision as the page does; `overrides` replace or drop (None) headers."""
        headers = {
            "Host": self.host, "Cookie": self.cookie, "Origin": self.origin, "X-Board-CSRF": self.csrf,
            "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin",
        }
        for name, value in overrides.items():
            name = name.replace("_", "-")
            if value is None:
                headers.pop(name, None)
            else:
                headers[name] = value
        status, _, body = self.request("POST", self.prefix + path, body=json.dumps(payload).encode(), headers=headers)
        return status, (json.loads(body) if body.startswith(b"{") else body.decode())


@contextmanager
def running_board(binary, state_path, *extra, env=None):
    """The board as the person starts it: in their own terminal (see person_terminal)."""
    process = PersonProcess([binary, "board", "--state", str(state_path), *extra], env=env)
    try:
        line = process.readline()
        match = re.search(r"(http://\S+)", line)
        assert match, f"the board printed no address: {line!r}"
        process.drain()
        yield Board(process, match.group(1))
    finally:
        process.terminate()
        process.wait(timeout=10)
