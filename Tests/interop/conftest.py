"""Shared fixtures: the server binary under test and a fresh state path per test."""

import os
from pathlib import Path

import pytest
from mcp import StdioServerParameters


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def server_binary() -> str:
    binary = os.environ.get("MCP_ORCHESTRATOR_BIN")
    if not binary or not Path(binary).is_file():
        pytest.fail("MCP_ORCHESTRATOR_BIN must name the built mcp-orchestrator executable")
    return binary


@pytest.fixture
def server(server_binary: str, tmp_path: Path):
    """Parameters that start the server on a state file of this test's own."""

    def make(*extra: str) -> StdioServerParameters:
        return StdioServerParameters(command=server_binary, args=["--state", str(tmp_path / "state.json"), *extra])

    return make


@pytest.fixture(autouse=True)
def no_client_warnings(caplog):
    """The client must log no warning or error about anything the server sent."""
    caplog.set_level("WARNING")
    yield
    problems = [record for record in caplog.records if record.levelname in ("WARNING", "ERROR", "CRITICAL")]
    assert not problems, "the client logged: " + "; ".join(record.getMessage() for record in problems)
