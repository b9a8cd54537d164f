"""A way in from Task Master: `mcp-orchestrator import taskmaster PATH` with files in its format, written
for the test (tagged and untagged, subtasks, every status, fields without a counterpart, a cycle and
an unknown dependency)."""

import json
import subprocess

import pytest
from mcp import Client

pytestmark = pytest.mark.anyio

TAGGED = {
    "master": {
        "tasks": [
            {"id": 1, "title": "Set up the repository", "description": "Init and CI", "details": "Use GitHub Actions",
             "testStrategy": "CI runs green", "status": "done", "priority": "high", "dependencies": []},
            {"id": 2, "title": "Parse the CSV", "description": "Reader", "status": "in-progress", "priority": "medium",
             "dependencies": [1], "complexity": 7,
             "subtasks": [
                 {"id": 1, "title": "Quoted fields", "description": "RFC 4180", "status": "review", "dependencies": []},
                 {"id": 2, "title": "Line endings", "description": "CRLF", "status": "pending", "dependencies": [1]},
             ]},
            {"id": 3, "title": "Old idea", "description": "Dropped", "status": "cancelled", "dependencies": []},
            {"id": 4, "title": "Export", "description": "Writer", "status": "deferred", "priority": "critical",
             "dependencies": ["2.2", 3]},
        ],
        "metadata": {"created": "2026-01-01T00:00:00Z", "description": "The main line"},
    },
    "feature-x": {"tasks": [{"id": 1, "title": "Spike", "description": "Try it", "status": "pending", "dependencies": []}]},
}


def run(binary, *words, state):
    return subprocess.run([binary, *words, "--state", str(state)], capture_output=True, text=True, timeout=30)


def test_a_tagged_file_becomes_requests_with_statuses_mapped_and_the_rest_reported(server_binary, tmp_path):
    source = tmp_path / "tasks.json"
    source.write_text(json.dumps(TAGGED))
    state = tmp_path / "state.json"
    done = run(server_binary, "import", "taskmaster", str(source), state=state)
    assert done.returncode == 0, done.stderr
    assert "Tag 'feature-x' is req-1: 1 tasks." in done.stdout and "Tag 'master' is req-2: 6 tasks." in done.stdout
    for reported in ["field 'complexity' has no counterpart", "in-progress has no holder", "deferred has no counterpart",
                     "priority 'critical' has no counterpart", "metadata created has no counterpart"]:
        assert reported in done.stdout, reported
    stored = json.loads(state.read_text())
    master = stored["requests"][1]
    assert master["originalRequest"] == "The main line (Task Master tag master)"
    tasks = {task["title"]: task for task in master["tasks"]}
    assert tasks["1 Set up the repository"]["status"] == "approved"
    assert "Details:\nUse GitHub Actions" in tasks["1 Set up the repository"]["description"]
    assert "Test strategy:\nCI runs green" in tasks["1 Set up the repository"]["description"]
    assert tasks["2.1 Quoted fields"]["status"] == "done"
    assert tasks["2 Parse the CSV"]["status"] == "pending"
    ids = {title: task["id"] for title, task in tasks.items()}
    assert set(tasks["2 Parse the CSV"]["dependsOn"]) == {ids["1 Set up the repository"], ids["2.1 Quoted fields"],
                                                          ids["2.2 Line endings"]}, "a parent waits for its subtasks"
    assert tasks["2.2 Line endings"]["dependsOn"] == [ids["2.1 Quoted fields"]]
    assert tasks["3 Old idea"].get("deletedAt"), "cancelled is deleted, kept for restoring"
    assert tasks["4 Export"]["dependsOn"] == [ids["2.2 Line endings"]], "a dependency on a cancelled task is dropped"
    history = tasks["1 Set up the repository"]["history"]
    assert history[-1]["note"] == "done in Task Master, which has no approval; imported as approved"
    assert history[-1]["actor"] == "import from Task Master"


async def test_the_imported_plan_is_worked_like_any_other(server_binary, server, tmp_path):
    source = tmp_path / "tasks.json"
    source.write_text(json.dumps({"tasks": [
        {"id": 1, "title": "One", "description": "first", "status": "done"},
        {"id": 2, "title": "Two", "description": "second", "status": "pending", "dependencies": [1]}]}))
    assert run(server_binary, "import", "taskmaster", str(source), state=tmp_path / "state.json").returncode == 0
    async with Client(server()) as client:
        nxt = (await client.call_tool("get_next_task", {})).structured_content
        assert nxt["task"]["title"] == "2 Two"


@pytest.mark.parametrize(("tasks", "says"), [
    ([{"id": 1, "title": "A", "description": "a", "dependencies": [2]},
      {"id": 2, "title": "B", "description": "b", "dependencies": [1]}], "cycle"),
    ([{"id": 1, "title": "A", "description": "a", "dependencies": [9]}], "depends on 9, which the tag does not have"),
    ([{"title": "No id", "description": "a"}], "has no integer id"),
])
def test_a_file_with_an_error_is_refused_as_a_whole(server_binary, tmp_path, tasks, says):
    state = tmp_path / "state.json"
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"tasks": [{"id": 1, "title": "Kept", "description": "k"}]}))
    assert run(server_binary, "import", "taskmaster", str(good), state=state).returncode == 0
    before = state.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"ok": {"tasks": [{"id": 1, "title": "Fine", "description": "f"}]}, "bad": {"tasks": tasks}}))
    refused = run(server_binary, "import", "taskmaster", str(bad), state=state)
    assert refused.returncode == 1 and says in refused.stderr and "nothing was imported" in refused.stderr
    assert state.read_bytes() == before, "a refused import changed the state file"


def test_not_json_and_a_missing_file_are_refused_with_a_sentence(server_binary, tmp_path):
    bad = tmp_path / "tasks.json"
    bad.write_text("{nope")
    refused = run(server_binary, "import", "taskmaster", str(bad), state=tmp_path / "s.json")
    assert refused.returncode == 1 and "is not JSON" in refused.stderr
    missing = run(server_binary, "import", "taskmaster", str(tmp_path / "none.json"), state=tmp_path / "s.json")
    assert missing.returncode == 74 and "cannot read" in missing.stderr
    assert not (tmp_path / "s.json").exists()
