"""Evidence at the gate on the board, in Chromium: an agent's stdio server in a real git repository
records what its task changed; the person's card shows the report, the files with their lines and
each file's diff, and a click on a line of the diff quotes it in the feedback."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import anyio
import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from board import running_board
from person_terminal import run_as_person
from test_mcp_app_browser import origins  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio

PICTURES = Path(os.environ.get("MCP_ORCHESTRATOR_PICTURES", "/tmp"))


def git(repo, *words):
    subprocess.run(["git", *words], cwd=repo, check=True, capture_output=True,
                   env={"PATH": os.environ["PATH"], "HOME": str(repo)})


def make_repository(root: Path) -> Path:
    repo = root / "app"
    (repo / "src").mkdir(parents=True)
    (repo / "src" / "export.py").write_text("".join(f"def step_{n}():\n    return {n}\n\n" for n in range(1, 30)))
    (repo / "README.md").write_text("# App\n\nExports reports.\n")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Person")
    git(repo, "config", "user.email", "person@example.com")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first")
    return repo


async def open_card(browser, board, task="task-1"):
    """The board in a page, the task's card on it, and the page's errors as they come."""
    page = await browser.new_page(viewport={"width": 1280, "height": 1000})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.goto(board.address)
    return page, page.locator(f'#queue article.decide[data-task="{task}"]'), errors


def trusted_checks(server_binary, repo: Path, state: Path, checks) -> dict:
    """Declares the project's checks in `repo`, has the person trust them from their terminal, and
    returns the environment (a home of the test's own) under which servers find that trust."""
    (repo / ".mcp-orchestrator").mkdir()
    (repo / ".mcp-orchestrator" / "checks.json").write_text(json.dumps({"checks": checks}))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "checks")
    home = repo.parent / "home"
    home.mkdir()
    environment = {key: value for key, value in os.environ.items() if key != "XDG_DATA_HOME"}
    environment["HOME"] = str(home)
    code, said = run_as_person([server_binary, "checks", "trust", "--dir", str(repo), "--state", str(state)],
                               env=environment)
    assert code == 0, said
    return environment


async def test_the_card_shows_the_change_and_a_line_click_lands_in_the_feedback(server_binary, tmp_path, browser):
    if not shutil.which("git"):
        pytest.fail("git is required for the evidence tests")
    repo = make_repository(tmp_path)
    state = tmp_path / "state.json"
    agent = StdioServerParameters(
        command=server_binary, args=["--state", str(state)], cwd=str(repo),
        env={**os.environ, "MCP_ORCHESTRATOR_EVIDENCE": "on"})
    async with stdio_client(agent) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        await session.call_tool("request_planning", {"originalRequest": "CSV export for the reports page", "tasks": [
            {"title": "Stream the export", "description": "Write rows as they come"}]})
        await session.call_tool("get_next_task", {})
        # The agent's round of work: one function changed, a file added, the README removed.
        source = repo / "src" / "export.py"
        source.write_text(source.read_text().replace("def step_3():\n    return 3\n",
                                                     "def step_3():\n    rows = stream()\n    return len(rows)\n"))
        (repo / "src" / "stream.py").write_text("def stream():\n    return []\n")
        (repo / "README.md").unlink()
        (repo / "data.csv").write_text("".join(f"{n},row {n}\n" for n in range(1, 451)))
        done = await session.call_tool("mark_task_done", {
            "requestId": "req-1", "taskId": "task-1", "completedDetails": "Streams rows; added stream.py."})
        evidence = done.structured_content["task"]["evidence"]
        assert evidence["summary"] == "4 files, +454 −4", evidence

    with running_board(server_binary, state) as board:
        page, card, errors = await open_card(browser, board)
        await card.wait_for()
        assert "Streams rows; added stream.py." in await card.locator(".reported").inner_text()
        assert await card.locator(".evidence .summary").inner_text() == "4 files, +454 −4"
        files = card.locator(".evidence .files details")
        assert sorted([await summary.inner_text() for summary in await files.locator("summary").all()]) == [
            "added data.csv +450 −0", "added src/stream.py +2 −0", "deleted README.md +0 −3",
            "modified src/export.py +2 −1"]

        changed = card.locator('.evidence details:has(summary:text("modified src/export.py"))')
        await changed.locator("summary").click()
        added = changed.locator('.diff .line.added[data-line="8"]')
        assert await added.inner_text() == "8\n+    rows = stream()"
        await added.click()
        feedback = card.locator("textarea")
        assert await feedback.input_value() == "src/export.py:8: +    rows = stream()\n"
        await card.locator(".evidence").screenshot(path=str(PICTURES / "board-evidence-card.png"))
        await page.screenshot(path=str(PICTURES / "board-evidence.png"))

        # A long file shows its first lines, and a link to the whole change, read with the board's cookie.
        long = card.locator('.evidence details:has(summary:text("added data.csv"))')
        await long.locator("summary").click()
        assert await long.locator(".diff .line").count() == 400
        more = long.locator(".diff .more")
        assert (await more.inner_text()).startswith("51 more lines; the whole change: open it")
        href = await more.locator("a").get_attribute("href")
        whole = await page.request.get(board.address.split("?")[0] + href)
        assert whole.status == 200 and "+450,row 450" in await whole.text()
        assert whole.headers["content-type"].startswith("text/plain")
        # Without the board's cookie, nothing.
        stranger = await browser.new_page()
        refused = await stranger.request.get(board.address.split("?")[0] + href)
        assert refused.status == 401

        # The quote goes out with a rejection as the task's feedback.
        await feedback.type("Name it read_rows, please.")
        await card.locator('button[data-action="reject"]').click()
        await page.wait_for_selector("#queue p.empty")
        assert errors == []
    shown = subprocess.run([server_binary, "show", "task-1", "--state", str(state)], capture_output=True, text=True)
    assert "Feedback:\n  src/export.py:8: +    rows = stream()\n  Name it read_rows, please." in shown.stdout, shown.stdout


async def test_the_app_shows_the_change_too(server_binary, tmp_path, browser, origins):
    """The board as an MCP App draws the same card: the change beside the report, lines to quote."""
    from mcp import Client
    from mcp.client.extension import advertise
    from mcp.types import Implementation
    from test_mcp_app_browser import APPS, HTML, show_board_app, wire

    repo = make_repository(tmp_path)
    state = tmp_path / "state.json"
    environment = trusted_checks(server_binary, repo, state, [
        {"name": "unit", "run": ["sh", "-c", "echo '9 passed'"]}])
    agent = StdioServerParameters(
        command=server_binary, args=["--state", str(state), "--approver", "human"], cwd=str(repo),
        env={**environment, "MCP_ORCHESTRATOR_EVIDENCE": "on"})
    async with Client(agent, extensions=[advertise(APPS, {"mimeTypes": [HTML]})],
                      client_info=Implementation(name="test-host", version="1.0.0")) as client:
        await client.call_tool("request_planning", {"originalRequest": "CSV export", "tasks": [
            {"title": "Stream the export", "description": "Write rows as they come"}]})
        await client.call_tool("get_next_task", {})
        (repo / "src" / "stream.py").write_text("def stream():\n    return []\n")
        await client.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1",
                                                  "completedDetails": "Added stream.py."})
        # The app is opened once the checks have ended.
        while True:
            shown = await client.call_tool("open_task_details", {"taskId": "task-1"})
            if shown.structured_content["task"]["checks"]["summary"] == "1 passed":
                break
            await anyio.sleep(0.02)
        tools = (await client.list_tools()).tools
        listed = await client.call_tool("list_requests", {})
        link = next(tool for tool in tools if tool.name == "list_requests").meta["ui"]["resourceUri"]
        contents = (await client.read_resource(link)).contents[0]

        async def relay(method, params):
            if method == "tools/call":
                return wire(await client.call_tool(params["name"], params.get("arguments") or {}))
            return wire(await client.read_resource(params["uri"]))

        page = await browser.new_page(viewport={"width": 1100, "height": 900})
        await page.expose_function("mcpRelay", relay)
        app = await show_board_app(page, origins, contents, listed, tools)
        card = app.locator('#queue article.decide[data-task="task-1"]')
        await card.wait_for()
        assert await card.locator(".evidence .summary").inner_text() == "1 file, +2 −0"
        await card.locator(".evidence summary").click()
        await card.locator('.diff .line.added[data-line="1"]').click()
        assert await card.locator("textarea").input_value() == "src/stream.py:1: +def stream():\n"
        unit = card.locator('.checks .check[data-check="unit"]')
        await unit.locator("summary").click()
        assert await unit.locator(".check-status").inner_text() == "passed"
        assert await unit.locator("pre").inner_text() == "9 passed"
        await page.screenshot(path=str(PICTURES / "app-evidence.png"), full_page=True)


async def test_the_card_shows_the_checks_while_they_run_and_when_they_end(server_binary, tmp_path, browser):
    """The project's checks on the card: running (and that the person may decide meanwhile), then each
    one's status, time and exit status, with its output's tail a click away; the board follows them live."""
    repo = make_repository(tmp_path)
    release = tmp_path / "release"
    state = tmp_path / "state.json"
    person_env = trusted_checks(server_binary, repo, state, [
        {"name": "unit", "run": ["sh", "-c", "echo 'ran 9 tests'; echo '9 passed'"]},
        {"name": "lint", "run": ["sh", "-c", "echo 'src/export.py:4: line too long'; exit 2"], "required": False},
        {"name": "e2e", "run": ["sh", "-c", f"while [ ! -e {release} ]; do sleep 0.05; done; echo e2e ok"],
         "timeoutSeconds": 120},
    ])
    agent = StdioServerParameters(command=server_binary, args=["--state", str(state)], cwd=str(repo),
                                  env={**person_env, "MCP_ORCHESTRATOR_EVIDENCE": "on"})
    async with stdio_client(agent) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        await session.call_tool("request_planning", {"originalRequest": "CSV export", "tasks": [
            {"title": "Stream the export", "description": "Write rows as they come"}]})
        await session.call_tool("get_next_task", {})
        (repo / "src" / "stream.py").write_text("def stream():\n    return []\n")
        done = await session.call_tool("mark_task_done", {"requestId": "req-1", "taskId": "task-1",
                                                          "completedDetails": "Added stream.py; tests pass."})
        assert done.structured_content["task"]["checks"]["summary"] == "running: unit, lint, e2e", done

        with running_board(server_binary, state) as board:
            page, card, errors = await open_card(browser, board)
            checks = card.locator(".checks")
            # The quick ones end while e2e waits to be let go: it still runs, and the person may decide.
            await page.wait_for_function(
                """() => document.querySelector('#queue .checks .summary')?.textContent ===
                   'running: e2e — you may decide now, or wait for them'""")
            assert await checks.locator('.check[data-check="e2e"] .check-status').inner_text() == "running"
            # The change is beside them.
            assert await card.locator(".evidence .summary").inner_text() == "1 file, +2 −0"
            assert (await checks.locator('.check[data-check="unit"] summary').inner_text()).startswith("passed unit · ")
            lint = checks.locator('.check[data-check="lint"]')
            assert (await lint.locator("summary").inner_text()).startswith("failed lint (advisory) · exit status 2 · ")
            assert await lint.locator("pre").is_hidden()
            await lint.locator("summary").click()
            assert await lint.locator("pre").inner_text() == "src/export.py:4: line too long"
            await card.screenshot(path=str(PICTURES / "board-checks-running.png"))

            release.write_text("go")
            await page.wait_for_function(
                "() => document.querySelector('#queue .checks .summary')?.textContent === '2 passed, 1 failed'")
            assert await checks.locator('.check[data-check="e2e"] .check-status').inner_text() == "passed"
            # What the person opened stays open across the live redraw.
            assert await lint.locator("pre").is_visible()
            await card.screenshot(path=str(PICTURES / "board-checks.png"))
            await card.locator('button[data-action="approve"]').click()
            await page.wait_for_selector("#queue article.close")
            assert errors == []
