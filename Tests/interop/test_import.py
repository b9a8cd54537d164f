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
    assert "Tag 'feature-x' is req-1: 1 task." in done.stdout and "Tag 'master' is req-2: 6 tasks." in done.stdout
    # A summary, counted: each mapping, each field kept nowhere.
    assert ("Statuses: cancelled → deleted (1 task), deferred → pending (1 task), done → approved (1 task), "
            "in-progress → pending (1 task), pending → pending (2 tasks), priority critical → medium (1 task), "
            "review → done (1 task).") in done.stdout, done.stdout
    assert "Kept nowhere: complexity (1 task), metadata.created (1 tag)." in done.stdout, done.stdout
    stored = json.loads(state.read_text())
    master = stored["requests"][1]
    assert master["originalRequest"] == "The main line (Task Master tag master)"
    tasks = {task["title"]: task for task in master["tasks"]}
    assert tasks["1 Set up the repository"]["status"] == "approved"
    assert "### Details\n\nUse GitHub Actions" in tasks["1 Set up the repository"]["description"]
    assert "### Test strategy\n\nCI runs green" in tasks["1 Set up the repository"]["description"]
    assert tasks["2.1 Quoted fields"]["status"] == "done"
    # Its "done" comes from the import: nothing is shown as what an agent reported.
    assert tasks["2.1 Quoted fields"]["completedDetails"] == \
        "Imported from Task Master as review; no agent reported on it here."
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


# Every shape real Task Master files carry, in one file: ids as numbers, number strings and text; a
# subtask id repeated; dependencies as numbers, strings and "parent.sub", one on an id the tag lacks and
# one on the subtask's own parent; statuses outside Task Master's set; metadata that miscounts; the
# fields it writes beyond the ones read.
REAL_SHAPES = {
    "master": {
        "tasks": [
            {"id": 1, "title": "Models", "description": "Data", "status": "done", "dependencies": [],
             "priority": "high", "previousStatus": "in-progress", "updatedAt": "2025-05-01T00:00:00Z"},
            {"id": "2", "title": "Parser", "description": "Read it", "status": "todo", "dependencies": ["1", 99],
             "subtasks": [
                 {"id": 1, "title": "Tokens", "status": "completed", "dependencies": [],
                  "acceptanceCriteria": "- every token has a test"},
                 {"id": 1, "title": "Grammar", "status": "pending", "dependencies": [1, 2]},
                 {"id": "2.3", "title": "Errors", "status": "blocked", "dependencies": ["2.1"]},
             ]},
            {"id": "rust-data-models", "title": "Rust models", "description": "Port", "status": "deprecated",
             "dependencies": [2]},
            {"id": 4, "title": "Docs", "description": "Write", "status": "pending", "dependencies": ["2.3", "rust-data-models"]},
        ],
        "metadata": {"created": "2025-04-01T00:00:00Z", "updated": "2025-05-01T00:00:00Z", "taskCount": 9,
                     "description": "Tasks for the master context"},
    },
    "feature-x": {"tasks": [{"id": 1, "title": "Spike", "description": "Try it", "status": "pending"}]},
    "notes": {"text": "not a tag"},
}


def test_every_shape_of_a_real_file_is_imported_and_every_problem_reported_in_one_run(server_binary, tmp_path):
    source = tmp_path / "tasks.json"
    source.write_text(json.dumps(REAL_SHAPES))
    state = tmp_path / "state.json"
    done = run(server_binary, "import", "taskmaster", str(source), "--tag", "master", "--verbose", state=state)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Tag 'master' is req-1: 7 tasks.\n"), done.stdout
    problems = [
        "'notes' has no \"tasks\" array, so it is not a tag; it is left out",
        "tag 'master': its metadata says taskCount 9, but it has 4 tasks; the tasks are imported",
        "tag 'master': task 2 has two subtasks 2.1; the later one is imported as 2.4",
        "tag 'master': 2.4 depends on its own parent task, which waits for it here; the dependency is dropped",
        "tag 'master': 2 depends on 99, which the tag does not have; the dependency is dropped",
    ]
    assert f"{len(problems)} problems, each mended as said:\n" + "".join(f"  {p}\n" for p in problems) in done.stdout, \
        done.stdout
    assert ("Kept nowhere: metadata.created (1 tag), metadata.taskCount (1 tag), metadata.updated (1 tag), "
            "previousStatus (1 task), updatedAt (1 task).") in done.stdout, done.stdout
    assert "  master rust-data-models (deleted): Rust models\n" in done.stdout and "  master 2.4 (pending): Grammar\n" \
        in done.stdout, done.stdout
    tasks = {task["title"]: task for task in json.loads(state.read_text())["requests"][0]["tasks"]}
    assert set(tasks) == {"1 Models", "2.1 Tokens", "2.4 Grammar", "2.3 Errors", "2 Parser", "rust-data-models Rust models",
                          "4 Docs"}
    ids = {title: task["id"] for title, task in tasks.items()}
    assert tasks["2.4 Grammar"]["dependsOn"] == [ids["2.1 Tokens"]], "a subtask's number names its sibling"
    assert tasks["2.3 Errors"]["dependsOn"] == [ids["2.1 Tokens"]] and tasks["2.3 Errors"]["status"] == "pending"
    assert tasks["2 Parser"]["dependsOn"] == [ids["1 Models"], ids["2.1 Tokens"], ids["2.4 Grammar"], ids["2.3 Errors"]]
    assert tasks["4 Docs"]["dependsOn"] == [ids["2.3 Errors"]], "the deprecated task is deleted and not waited for"
    assert tasks["2.1 Tokens"]["status"] == "approved"
    assert "### Acceptance criteria\n\n- every token has a test" in tasks["2.1 Tokens"]["description"]

    # The same file again is refused, unless asked for; --strict refuses what the default mends.
    again = run(server_binary, "import", "taskmaster", str(source), "--tag", "master", state=state)
    assert again.returncode == 1 and "was imported before, as it is now: tag 'master' is req-1 already; --again" \
        in again.stderr, again.stderr
    strict = run(server_binary, "import", "taskmaster", str(source), "--tag", "master", "--strict", "--again",
                 state=state)
    assert strict.returncode == 1 and "2 depends on 99, which the tag does not have; nothing was imported" \
        in strict.stderr, strict.stderr
    dry = run(server_binary, "import", "taskmaster", str(source), "--again", "--dry-run", state=state)
    assert dry.returncode == 0 and dry.stdout.startswith(
        "Tag 'feature-x' would be a request of 1 task.\nTag 'master' would be a request of 7 tasks.\n"), dry.stdout
    assert dry.stdout.endswith("Nothing was imported (--dry-run).\n")
    assert len(json.loads(state.read_text())["requests"]) == 1
    missing = run(server_binary, "import", "taskmaster", str(source), "--tag", "nope", state=state)
    assert missing.returncode == 1 and "the file has no tag 'nope'; its tags are feature-x, master" in missing.stderr


def test_the_older_untagged_file_at_its_older_path_is_found_without_a_path(server_binary, tmp_path):
    project = tmp_path / "project"
    (project / "tasks").mkdir(parents=True)
    (project / "tasks" / "tasks.json").write_text(json.dumps({
        "tasks": [{"id": 1, "title": "One", "description": "d", "status": "done"},
                  {"id": 2, "title": "Two", "description": "d", "dependencies": [1]}],
        "metadata": {"projectName": "Old", "totalTasks": 2, "sourceFile": "prd.txt"}}))
    done = subprocess.run([server_binary, "import", "taskmaster", "--state", str(tmp_path / "state.json")],
                          cwd=project, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and done.stdout.startswith("Tag 'master' is req-1: 2 tasks.\n"), done
    nowhere = subprocess.run([server_binary, "import", "taskmaster", "--state", str(tmp_path / "state.json")],
                             cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert nowhere.returncode == 1 and "neither .taskmaster/tasks/tasks.json nor tasks/tasks.json exists" \
        in nowhere.stderr


def test_a_thousand_tasks_with_subtasks_import_in_one_change(server_binary, tmp_path):
    """A plan of Task Master's real size (1,100 tasks across tags): imported whole; its time is a benchmark
    in the README, not an assertion here."""
    tags = {}
    for tag in range(4):
        tasks = []
        for number in range(1, 56):
            subtasks = [{"id": sub, "title": f"Part {sub}", "description": "p", "status": "done",
                         "dependencies": [sub - 1] if sub > 1 else []} for sub in range(1, 5)]
            tasks.append({"id": number, "title": f"Task {number}", "description": "t", "status": "pending",
                          "dependencies": [number - 1] if number > 1 else [], "subtasks": subtasks})
        tags[f"tag-{tag}"] = {"tasks": tasks, "metadata": {"created": "2026-01-01"}}
    source = tmp_path / "tasks.json"
    source.write_text(json.dumps(tags))
    done = run(server_binary, "import", "taskmaster", str(source), state=tmp_path / "state.json")
    assert done.returncode == 0, done.stderr
    stored = json.loads((tmp_path / "state.json").read_text())
    assert sum(len(request["tasks"]) for request in stored["requests"]) == 1100


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
      {"id": 2, "title": "B", "description": "b", "dependencies": [1]}], "tag 'bad': a cycle, 1 → 2 → 1"),
    ([{"id": 12, "title": "P", "subtasks": [{"id": 1, "title": "x", "dependencies": [4]},
                                            {"id": 4, "title": "y", "dependencies": ["12.1"]}]}],
     "tag 'bad': a cycle, 12.1 → 12.4 → 12.1"),
])
def test_a_file_with_a_cycle_is_refused_as_a_whole_in_task_masters_ids(server_binary, tmp_path, tasks, says):
    state = tmp_path / "state.json"
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"tasks": [{"id": 1, "title": "Kept", "description": "k"}]}))
    assert run(server_binary, "import", "taskmaster", str(good), state=state).returncode == 0
    before = state.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"ok": {"tasks": [{"id": 1, "title": "Fine", "description": "f"}]}, "bad": {"tasks": tasks}}))
    refused = run(server_binary, "import", "taskmaster", str(bad), state=state)
    assert refused.returncode == 1 and says in refused.stderr and "nothing was imported" in refused.stderr, refused
    assert state.read_bytes() == before, "a refused import changed the state file"


def test_not_json_and_a_missing_file_are_refused_with_a_sentence(server_binary, tmp_path):
    bad = tmp_path / "tasks.json"
    bad.write_text("{nope")
    refused = run(server_binary, "import", "taskmaster", str(bad), state=tmp_path / "s.json")
    assert refused.returncode == 1 and "is not JSON" in refused.stderr
    missing = run(server_binary, "import", "taskmaster", str(tmp_path / "none.json"), state=tmp_path / "s.json")
    assert missing.returncode == 74 and "cannot read" in missing.stderr
    assert not (tmp_path / "s.json").exists()
