"""Shared by the third-party client tests: the binary, a fresh state path, the two tool-set
configurations, and a check that no server process outlives its client."""

import os
import sys
from pathlib import Path

import pytest

# The servers these tests start run inside this repository: they record no task evidence in it.
os.environ.setdefault("MCP_ORCHESTRATOR_EVIDENCE", "off")

CONFIGURATIONS = [(), ("--toolsets", "all")]

# The person's terminal (a tmux pane outside the test's process tree), shared with the interop tests:
# commands that decide for the person refuse to run where an agent runs them.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "interop"))


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(autouse=True)
def outside_this_repository(tmp_path: Path, monkeypatch):
    """The clients start their servers in the current folder, as in a person's project: the test's
    own, so no server records task evidence in this repository (the clients pass no environment)."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def binary() -> str:
    path = os.environ.get("MCP_ORCHESTRATOR_BIN")
    if not path or not Path(path).is_file():
        pytest.fail("MCP_ORCHESTRATOR_BIN must name the built mcp-orchestrator executable")
    return path


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state.json"


def servers_on(state: Path) -> list[str]:
    """Processes still serving this test's state file (read from /proc, so nothing is needed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
            exited = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
        except (OSError, IndexError):
            continue
        if exited:
            continue
        if str(state).encode() in arguments and any(argument.endswith(b"mcp-orchestrator") for argument in arguments):
            found.append(entry.name)
    return found
