"""The shared server as a test meets it: a real `mcp-orchestrator serve --http` process on a free port,
and SDK clients for it, with or without a bearer token."""

import json
import os
import re
import secrets
import subprocess
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path

from person_terminal import PersonProcess

from mcp import Client
from mcp.client.streamable_http import create_mcp_http_client, streamable_http_client


@contextmanager
def serving(binary, state, *extra):
    with serving_process(binary, state, *extra) as (_, address):
        yield address


@contextmanager
def serving_process(binary, state, *extra):
    """The process and its MCP endpoint's address. Under the human approver without a tokens file the
    board's token it prints decides for the person, so the person starts it, in their own terminal."""
    argv = [binary, "serve", "--http", "127.0.0.1:0", "--state", str(state), *extra]
    if "human" in extra and "--tokens" not in extra:
        process = PersonProcess(argv)
    else:
        process = subprocess.Popen(argv, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        address = None
        for _ in range(5):
            line = process.stderr.readline()
            match = re.search(r"(http://\S+/mcp)", line)
            if match:
                address = match.group(1)
                break
        assert address, "the shared server printed no address"
        if isinstance(process, PersonProcess):
            process.drain()
        yield process, address
    finally:
        process.terminate()
        process.wait(timeout=10)
        if not process.stderr.closed:
            process.stderr.close()


@asynccontextmanager
async def http_client(url, token=None, mode="auto", **options):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with create_mcp_http_client(headers=headers) as http:
        async with Client(streamable_http_client(url, http_client=http), mode=mode, **options) as client:
            yield client


def tokens_file(directory: Path, *people):
    """Writes an owner-only tokens file for (name, role) pairs; returns its path and each name's token."""
    issued = {name: secrets.token_hex(24) for name, _ in people}
    path = directory / "tokens.json"
    path.write_text(json.dumps({"tokens": [{"name": name, "role": role, "token": issued[name]} for name, role in people]}))
    os.chmod(path, 0o600)
    return path, issued
