"""Evidence over the shared server (issue 28): the server is not in the agent's working tree, so the
agent's `connect` bridge takes the snapshots around the calls it relays and attaches the change to
`mark_task_done`; the server keeps the patch beside its state file, owner-only, and every view says the
evidence was taken by the agent's bridge. What a client attaches is read strictly, and never fails the call."""

import os
import stat
import subprocess

import pytest
from mcp import Client, StdioServerParameters

from board import running_board
from shared_server import http_client, serving, tokens_file
from test_evidence_board import git, make_repository
from test_mcp_app_browser import origins  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio


def bridge(binary, url, token_file, repo):
    """The agent's client starts `connect` in the agent's working tree."""
    environment = {key: value for key, value in os.environ.items() if key != "MCP_ORCHESTRATOR_EVIDENCE"}
    return StdioServerParameters(command=binary, args=["connect", url, "--token-file", str(token_file)],
                                 cwd=str(repo), env=environment)


async def test_the_bridge_takes_the_change_and_the_person_sees_it_as_the_bridges(server_binary, tmp_path, browser):
    repo = make_repository(tmp_path)
    server_folder = tmp_path / "server"
    server_folder.mkdir()
    state = server_folder / "state.json"
    path, issued = tokens_file(server_folder, ("builder", "agent"), ("ada", "person"))
    agent_token = tmp_path / "builder.token"
    agent_token.write_text(issued["builder"] + "\n")
    refs_before = subprocess.run(["git", "for-each-ref"], cwd=repo, capture_output=True, text=True).stdout

    with serving(server_binary, state, "--tokens", str(path), "--approver", "human") as url:
        async with Client(bridge(server_binary, url, agent_token, repo)) as agent:
            await agent.call_tool("request_planning", {"originalRequest": "CSV export", "tasks": [
                {"title": "Stream the export", "description": "Write rows as they come"},
                {"title": "Document it", "description": "README"}]})
            claimed = (await agent.call_tool("get_next_task", {})).structured_content
            assert claimed["status"] == "claimed" and claimed["task"]["round"] == 1, claimed
            source = repo / "src" / "export.py"
            source.write_text(source.read_text().replace("def step_3():\n    return 3\n",
                                                         "def step_3():\n    rows = stream()\n    return len(rows)\n"))
            (repo / "src" / "stream.py").write_text("def stream():\n    return []\n")
            done = (await agent.call_tool("mark_task_done", {
                "requestId": "req-1", "taskId": "task-1", "completedDetails": "Streams rows."})).structured_content
            evidence = done["task"]["evidence"]
            assert evidence["source"] == "bridge" and evidence["summary"] == "2 files, +4 −1", evidence
            assert sorted(f["path"] for f in evidence["files"]) == ["src/export.py", "src/stream.py"]

            # The snapshots are under the bridge's own refs in the agent's repository; nothing else moved.
            refs = subprocess.run(["git", "for-each-ref", "--format=%(refname)"], cwd=repo,
                                  capture_output=True, text=True).stdout.split()
            ours = [ref for ref in refs if ref.startswith("refs/mcp-orchestrator/")]
            assert [ref.rsplit("/", 3)[1:] for ref in sorted(ours)] == [["task-1", "1", "end"], ["task-1", "1", "start"]]
            assert [ref for ref in refs if not ref.startswith("refs/mcp-orchestrator/")] == \
                [line.split()[-1] for line in refs_before.splitlines()]

            # The server keeps the patch beside its state file, owner-only.
            kept = server_folder / "state.json.evidence"
            assert stat.S_IMODE(kept.stat().st_mode) == 0o700
            patches = list(kept.iterdir())
            assert len(patches) == 1 and stat.S_IMODE(patches[0].stat().st_mode) == 0o600
            assert "+    rows = stream()" in patches[0].read_text()

            # The person reads it from their terminal, said to be the bridge's.
            shown = subprocess.run([server_binary, "show", "task-1", "--state", str(state)],
                                   capture_output=True, text=True)
            assert "2 files, +4 −1 (round 1, recorded by the agent's bridge)" in shown.stdout, shown.stdout
            patch = subprocess.run([server_binary, "diff", "task-1", "--state", str(state)],
                                   capture_output=True, text=True)
            assert patch.returncode == 0 and "+def stream():" in patch.stdout, patch
            stat_lines = subprocess.run([server_binary, "diff", "task-1", "--stat", "--state", str(state)],
                                        capture_output=True, text=True).stdout
            assert "2 files changed, 4 insertions(+), 1 deletions(-)" in stat_lines, stat_lines

            # On the board: the change, marked as the bridge's, its lines to quote.
            with running_board(server_binary, state) as board:
                page = await browser.new_page(viewport={"width": 1280, "height": 900})
                await page.goto(board.address)
                card = page.locator('#queue article.decide[data-task="task-1"]')
                await card.wait_for()
                assert await card.locator(".evidence .summary").inner_text() == \
                    "2 files, +4 −1 (taken by the agent's bridge)"
                changed = card.locator('.evidence details:has(summary:text("added src/stream.py"))')
                await changed.locator("summary").click()
                await changed.locator('.diff .line.added[data-line="1"]').click()
                assert await card.locator("textarea").input_value() == "src/stream.py:1: +def stream():\n"
                await card.screenshot(path=str(os.environ.get("MCP_ORCHESTRATOR_PICTURES", "/tmp")) +
                                      "/board-bridge-evidence.png")

            # Sent back by the person: the next round's change is only what came after.
            async with http_client(url, issued["ada"]) as person:
                sent = await person.call_tool("reject_task", {"requestId": "req-1", "taskId": "task-1",
                                                              "feedback": "Name it read_rows."})
                assert not sent.is_error, sent
            resumed = (await agent.call_tool("get_next_task", {})).structured_content
            assert resumed["status"] == "resumed" and resumed["task"]["round"] == 2, resumed
            (repo / "src" / "stream.py").write_text("def read_rows():\n    return []\n")
            again = (await agent.call_tool("mark_task_done", {
                "requestId": "req-1", "taskId": "task-1", "completedDetails": "Renamed."})).structured_content
            evidence = again["task"]["evidence"]
            assert evidence["round"] == 2 and evidence["summary"] == "1 file, +1 −1" and evidence["notes"] == [], evidence


async def test_what_a_client_attaches_is_read_strictly_and_never_fails_the_call(server_binary, tmp_path):
    path, issued = tokens_file(tmp_path, ("builder", "agent"))
    state = tmp_path / "state.json"
    key = "dev.mcp-orchestrator/evidence"
    with serving(server_binary, state, "--tokens", str(path)) as url:
        async with http_client(url, issued["builder"]) as agent:
            await agent.call_tool("request_planning", {"originalRequest": "R", "tasks": [
                {"title": "One", "description": "d"}, {"title": "Two", "description": "d"},
                {"title": "Three", "description": "d"}]})

            async def finish(task, attached):
                await agent.call_tool("get_next_task", {})
                result = await agent.call_tool("mark_task_done", {
                    "requestId": "req-1", "taskId": task, "completedDetails": "done"}, meta={key: attached})
                assert not result.is_error, result.content[0].text
                await agent.call_tool("approve_task_completion", {"requestId": "req-1", "taskId": task})
                return result.structured_content["task"]["evidence"]

            # A file without its kind: the evidence says what is wrong, by field.
            bad = await finish("task-1", {"round": 1, "start": "a" * 40, "end": "b" * 40, "notes": [], "patch": "",
                                          "files": [{"path": "x.py", "added": 1, "removed": 0}]})
            assert bad["source"] == "bridge" and bad["summary"] == (
                "the bridge's evidence could not be read: files[0] must be path (text) and kind "
                "(added, modified, deleted, renamed)"), bad
            # A commit id that could name a path elsewhere is refused, and nothing is written for it.
            sneaky = await finish("task-2", {"round": 1, "start": "a" * 40, "end": "../../../etc/x", "notes": [],
                                             "patch": "+x", "files": []})
            assert sneaky["summary"].endswith("end must be a commit id (40 or 64 hexadecimal digits)"), sneaky
            assert not (tmp_path / "state.json.evidence").exists()
            # Evidence of another round than the task's is not kept.
            stale = await finish("task-3", {"round": 4, "start": "a" * 40, "end": "c" * 40, "notes": [],
                                            "patch": "+x", "files": []})
            assert stale["summary"].startswith("The agent's bridge sent evidence of round 4, but this is round 1"), stale
