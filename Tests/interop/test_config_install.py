"""Set-up in one command: `config CLIENT --install` merges the entry into each client's own file in a home
folder made for the test, and `config --detect` lists what is installed."""

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def config(binary, home, *words, command="config"):
    env = {key: value for key, value in os.environ.items()
           if key not in ("XDG_CONFIG_HOME", "XDG_BIN_HOME", "MCP_ORCHESTRATOR_STATE")}
    env["HOME"] = str(home)
    return subprocess.run([binary, command, *words], capture_output=True, text=True, timeout=30, env=env, cwd=home)


CLIENTS = {
    "claude-desktop": (".config/Claude/claude_desktop_config.json", "mcpServers"),
    "cline": (".config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json", "mcpServers"),
    "claude-code": (".claude.json", "mcpServers"),
    "cursor": (".cursor/mcp.json", "mcpServers"),
    "vscode": (".config/Code/User/mcp.json", "servers"),
}


@pytest.mark.parametrize("client", sorted(CLIENTS))
def test_install_merges_keeps_the_rest_and_backs_up(server_binary, home, client):
    relative, key = CLIENTS[client]
    path = home / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    others = {key: {"other": {"command": "/usr/bin/other", "args": ["x"]}}, "theme": "dark"}
    path.write_text(json.dumps(others))
    os.chmod(path, 0o644)
    done = config(server_binary, home, client, "--install", "--approver", "human")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o644, "the file keeps its permissions"
    assert "Added the \"orchestrator\" entry" in done.stdout
    written = json.loads(path.read_text())
    assert written["theme"] == "dark" and written[key]["other"] == others[key]["other"]
    entry = written[key]["orchestrator"]
    assert entry["command"] == os.path.realpath(server_binary) and entry["args"] == ["--approver", "human"]
    backups = list(path.parent.glob(path.name + ".backup-*"))
    assert len(backups) == 1 and json.loads(backups[0].read_text()) == others
    again = config(server_binary, home, client, "--install", "--approver", "human")
    assert "already has this entry; nothing changed" in again.stdout
    assert len(list(path.parent.glob(path.name + ".backup-*"))) == 1


def test_a_client_not_found_here_is_installed_only_when_forced(server_binary, home):
    refused = config(server_binary, home, "cursor", "--install")
    assert refused.returncode == 1 and "cursor was not found here" in refused.stderr and "--force" in refused.stderr
    assert not (home / ".cursor").exists()
    done = config(server_binary, home, "cursor", "--install", "--force")
    assert done.returncode == 0, done.stderr
    assert json.loads((home / ".cursor/mcp.json").read_text())["mcpServers"]["orchestrator"]["args"] == []
    # A client whose folder is there takes the entry into a file made anew.
    (home / ".config/Code/User").mkdir(parents=True)
    assert config(server_binary, home, "vscode", "--install").returncode == 0


def test_vs_code_files_may_have_comments_and_trailing_commas(server_binary, home):
    path = home / ".config/Code/User/mcp.json"
    path.parent.mkdir(parents=True)
    original = '{\n  // my servers\n  "servers": {\n    "other": {"type": "stdio", "command": "/x", "args": [],},\n  },\n  /* end */\n}\n'
    path.write_text(original)
    done = config(server_binary, home, "vscode", "--install")
    assert done.returncode == 0, done.stderr
    assert "comments and trailing commas are in the backup only" in done.stdout
    written = json.loads(path.read_text())
    assert set(written["servers"]) == {"other", "orchestrator"}
    assert next(path.parent.glob("mcp.json.backup-*")).read_text() == original


def test_comments_where_a_client_does_not_allow_them_and_a_file_that_is_not_json_are_refused(server_binary, home):
    cursor = home / ".cursor/mcp.json"
    cursor.parent.mkdir(parents=True)
    cursor.write_text('{\n  // a comment\n  "mcpServers": {}\n}\n')
    refused = config(server_binary, home, "cursor", "--install")
    assert refused.returncode == 1 and f"{cursor} is not JSON (line 2, column 3" in refused.stderr
    assert cursor.read_text() == '{\n  // a comment\n  "mcpServers": {}\n}\n'
    claude = home / ".claude.json"
    claude.write_text("not json at all")
    refused = config(server_binary, home, "claude-code", "--install")
    assert refused.returncode == 1 and "it was left as it was" in refused.stderr
    assert claude.read_text() == "not json at all"
    assert not list(home.glob(".claude.json.backup-*"))


def test_detect_lists_the_clients_found_and_whether_each_has_the_entry(server_binary, home):
    (home / ".cursor").mkdir()
    (home / ".config/Code/User").mkdir(parents=True)
    assert config(server_binary, home, "vscode", "--install").returncode == 0
    found = config(server_binary, home, "--detect")
    assert found.returncode == 0, found.stderr
    lines = dict(line.split(": ", 1) for line in found.stdout.splitlines())
    assert lines["claude-desktop"] == "not found"
    assert lines["cursor"].startswith("found, without the entry")
    assert lines["vscode"].startswith("has the orchestrator entry")
    assert lines["cline"] == "not found", "VS Code without the Cline extension's folder is not Cline"


def test_install_copies_the_executable_where_entries_keep_finding_it(server_binary, home):
    """An entry naming a build folder breaks when the checkout moves: `install` copies the executable to
    ~/.local/bin, config names that copy, and says when the copy is older than the build running."""
    before = config(server_binary, home, "cursor")
    assert json.loads(before.stdout)["mcpServers"]["orchestrator"]["command"] == os.path.realpath(server_binary)
    if "/.build/" in os.path.realpath(server_binary):
        assert "is inside a build folder" in before.stderr and "mcp-orchestrator install" in before.stderr
    installed = home / ".local/bin/mcp-orchestrator"
    done = config(server_binary, home, command="install")
    assert done.returncode == 0 and f"Installed mcp-orchestrator 0.1.0 at {installed}." in done.stdout, done
    assert stat.S_IMODE(installed.stat().st_mode) == 0o755
    assert subprocess.run([installed, "--version"], capture_output=True, text=True).stdout == "mcp-orchestrator 0.1.0\n"
    assert "is this build already; nothing changed" in config(server_binary, home, command="install").stdout
    after = config(server_binary, home, "cursor")
    assert json.loads(after.stdout)["mcpServers"]["orchestrator"]["command"] == str(installed)
    assert "build folder" not in after.stderr and "older" not in after.stderr
    # An older installed copy is named, and `install` is the way to update it.
    installed.write_text("#!/bin/sh\necho 'mcp-orchestrator 0.0.9'\n")
    older = config(server_binary, home, "cursor")
    assert json.loads(older.stdout)["mcpServers"]["orchestrator"]["command"] == str(installed)
    assert f"the installed copy, {installed}, version 0.0.9, older than this one (0.1.0)" in older.stderr, older.stderr
    assert config(server_binary, home, command="install").returncode == 0
    assert installed.read_bytes() == Path(os.path.realpath(server_binary)).read_bytes()


def test_install_keeps_the_files_key_order(server_binary, home):
    path = home / ".cursor/mcp.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"theme": "dark", "mcpServers": {"zeta": {"command": "/z", "args": ["b", "a"]}, '
                    '"alpha": {"command": "/a", "env": {"Y": "1", "X": "2"}}}, "autoUpdate": true}')
    done = config(server_binary, home, "cursor", "--install")
    assert done.returncode == 0, done.stderr
    text = path.read_text()
    order = [text.index(f'"{key}"') for key in ("theme", "mcpServers", "zeta", "alpha", "Y", "X", "orchestrator",
                                                  "autoUpdate")]
    assert order == sorted(order), text
    assert json.loads(text)["mcpServers"]["zeta"]["args"] == ["b", "a"]
