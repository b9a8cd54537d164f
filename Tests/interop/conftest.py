"""Shared fixtures: the server binary under test and a fresh state path per test."""

import os
import shutil
from pathlib import Path

import pytest

# The servers these tests start run inside this repository: they record no task evidence in it.
os.environ.setdefault("MCP_ORCHESTRATOR_EVIDENCE", "off")
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
        # Started in the test's own folder, as a client starts it in a project: never in this repository.
        return StdioServerParameters(
            command=server_binary, args=["--state", str(tmp_path / "state.json"), *extra], cwd=str(tmp_path))

    return make


@pytest.fixture(autouse=True)
def no_client_warnings(caplog):
    """The client must log no warning or error about anything the server sent."""
    caplog.set_level("WARNING")
    yield
    problems = [record for record in caplog.records if record.levelname in ("WARNING", "ERROR", "CRITICAL")]
    assert not problems, "the client logged: " + "; ".join(record.getMessage() for record in problems)


def chromium_path():
    found = next((shutil.which(name) for name in ("chromium", "chromium-browser") if shutil.which(name)), None)
    if not found:
        if os.environ.get("MCP_ORCHESTRATOR_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (MCP_ORCHESTRATOR_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("Chromium is not installed")
    return found


@pytest.fixture
async def browser():
    from playwright.async_api import async_playwright
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        yield launched
        await launched.close()
