"""Plans belong to their project: the state file is found from where the server or the command starts,
with real git repositories and worktrees and a home folder made for the test."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from mcp import Client, StdioServerParameters

pytestmark = pytest.mark.anyio


@pytest.fixture
def world(tmp_path):
    """A home folder, two repositories side by side, and a worktree of the first."""
    home = tmp_path / "home"
    (home / "src").mkdir(parents=True)
    env = {key: value for key, value in os.environ.items() if key not in ("MCP_ORCHESTRATOR_STATE", "XDG_DATA_HOME")}
    env.update(HOME=str(home), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com", GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
    for name in ("app", "lib"):
        subprocess.run(["git", "init", "-q", str(home / "src" / name)], check=True, env=env)
        subprocess.run(["git", "-C", str(home / "src" / name), "commit", "-q", "--allow-empty", "-m", "start"],
                       check=True, env=env)
    subprocess.run(["git", "-C", str(home / "src" / "app"), "worktree", "add", "-q", str(home / "src" / "app-feature")],
                   check=True, env=env)
    (home / "src" / "app" / "deep" / "er").mkdir(parents=True)
    return home, env


async def plan(binary, cwd, env, text):
    parameters = StdioServerParameters(command=binary, args=[], cwd=str(cwd), env=env)
    async with Client(parameters) as client:
        await client.call_tool("request_planning", {"originalRequest": text, "tasks": [{"title": "A", "description": "d"}]})
        return (await client.call_tool("server_info", {})).structured_content["stateFile"]


async def test_two_repositories_get_separate_plans_and_worktrees_share_one(server_binary, world):
    home, env = world
    app = await plan(server_binary, home / "src" / "app" / "deep" / "er", env, "App work")
    lib = await plan(server_binary, home / "src" / "lib", env, "Lib work")
    feature = await plan(server_binary, home / "src" / "app-feature", env, "Feature work")
    assert app["source"] == lib["source"] == feature["source"] == "repository"
    assert app["path"] != lib["path"], "two repositories share a file"
    assert app["path"] == feature["path"], "a worktree does not share its repository's plans"
    assert app["reason"] == "project ~/src/app, git repository"
    assert app["path"].startswith(str(home / ".local/share/mcp-orchestrator/projects/app-"))
    requests = [request["originalRequest"] for request in json.loads(Path(app["path"]).read_text())["requests"]]
    assert requests == ["App work", "Feature work"]
    assert "Lib work" not in Path(app["path"]).read_text()


async def test_an_agent_in_a_worktree_is_offered_the_requests_planned_there_first(server_binary, world, browser):
    """Worktrees share the repository's plans; each request records the working tree and branch it was
    planned in, and an agent that names no request is offered its own tree's first."""
    home, env = world
    main, feature = home / "src" / "app", home / "src" / "app-feature"
    app = await plan(server_binary, main, env, "Main work")
    await plan(server_binary, feature, env, "Feature work")
    stored = json.loads(Path(app["path"]).read_text())
    assert stored["schemaVersion"] == 5
    assert [request.get("origin") for request in stored["requests"]] == [
        {"worktree": str(main), "branch": "master"}, {"worktree": str(feature), "branch": "app-feature"}]
    for folder, expected in [(feature, "Feature work"), (main, "Main work")]:
        parameters = StdioServerParameters(command=server_binary, args=[], cwd=str(folder), env=env)
        async with Client(parameters) as client:
            claimed = (await client.call_tool("get_next_task", {"instanceId": f"agent-{folder.name}"})).structured_content
            request = next(r for r in stored["requests"] if r["id"] == claimed["requestId"])
            assert request["originalRequest"] == expected, claimed
    # The board shows where each request was planned.
    from board import running_board
    with running_board(server_binary, app["path"], env=env) as board:
        page = await browser.new_page()
        await page.goto(board.address)
        origin = page.locator('section.request[data-request="req-2"] .origin')
        assert await origin.inner_text() == f"planned in {feature} (branch app-feature)"


async def test_init_makes_a_folder_that_wins_and_a_start_from_root_uses_the_per_user_file(server_binary, world):
    home, env = world
    made = subprocess.run([server_binary, "init"], cwd=home / "src" / "lib", env=env, capture_output=True, text=True)
    assert made.returncode == 0 and ".mcp-orchestrator" in made.stdout
    assert (home / "src" / "lib" / ".mcp-orchestrator").is_dir()
    lib = await plan(server_binary, home / "src" / "lib", env, "Lib work")
    assert lib["source"] == "project" and lib["path"] == str(home / "src/lib/.mcp-orchestrator/state.json")
    assert lib["reason"] == "project ~/src/lib (.mcp-orchestrator folder)"
    root = await plan(server_binary, "/", env, "From root")
    assert root["source"] == "default" and root["path"] == str(home / ".local/share/mcp-orchestrator/state.json")
    at_home = await plan(server_binary, home, env, "From home")
    assert at_home["path"] == root["path"]


async def test_older_plans_are_never_moved_and_their_place_is_said(server_binary, world):
    home, env = world
    await plan(server_binary, "/", env, "Before projects")
    parameters = StdioServerParameters(command=server_binary, args=[], cwd=str(home / "src" / "app"), env=env)
    async with Client(parameters) as client:
        info = (await client.call_tool("server_info", {})).structured_content["stateFile"]
    default = str(home / ".local/share/mcp-orchestrator/state.json")
    assert "1 request made before" in info["notice"] and default in info["notice"]
    started = subprocess.run([server_binary], cwd=home / "src" / "app", env=env, input="", capture_output=True,
                             text=True, timeout=30)
    assert "note: this project's plans start fresh" in started.stderr
    status = subprocess.run([server_binary, "status"], cwd=home / "src" / "app", env=env, capture_output=True, text=True)
    assert status.returncode == 1 and f"--state {default}" in status.stderr, status
    assert "Before projects" in Path(default).read_text()


async def test_projects_lists_the_per_user_project_files(server_binary, world):
    home, env = world
    await plan(server_binary, home / "src" / "app", env, "App work")
    await plan(server_binary, "/", env, "Default work")
    listed = subprocess.run([server_binary, "projects"], cwd=home / "src" / "app", env=env, capture_output=True,
                            text=True, timeout=30)
    assert listed.returncode == 0, listed.stderr
    assert "(project ~/src/app, git repository)" in listed.stdout.splitlines()[0]
    rows = [line.split() for line in listed.stdout.splitlines() if line.startswith("app-") or line.startswith("(per-user")]
    assert rows[0][0].startswith("app-") and rows[0][1:4] == ["1", "1", "1"]
    assert rows[0][4] == "~/src/app", "each project's repository folder is shown"
    assert rows[1][:3] == ["(per-user", "default)", "1"]
