"""The README's notify recipes, run as written: each script reads an event the server would send and
calls the desktop, macOS or ntfy the way it should. The programs they call (notify-send, osascript,
curl) are stand-ins here that record their arguments."""

import json
import os
import re
import stat
import subprocess
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"

EVENT = {"kind": "task_waiting", "request": {"id": "req-1", "text": "CSV export"},
         "task": {"id": "task-1", "title": "Stream the export", "report": "Done."},
         "stateFile": "/tmp/state.json", "board": "http://127.0.0.1:4567/"}


def recipes():
    blocks = re.findall(r"```sh\n(#!/bin/sh\n# ~/[^\n]*orchestrator-notify[^\n]*\n.*?)```", README.read_text(), re.S)
    assert len(blocks) == 3, "the README shows three notify recipes"
    return blocks


def run_recipe(script, tmp_path, event):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    log = tmp_path / "calls.jsonl"
    for name in ("notify-send", "osascript", "curl"):
        stand_in = bin_dir / name
        stand_in.write_text(
            "#!/usr/bin/env python3\nimport json, sys\n"
            f"open({str(log)!r}, 'a').write(json.dumps([{name!r}] + sys.argv[1:]) + '\\n')\n")
        stand_in.chmod(stand_in.stat().st_mode | stat.S_IEXEC)
    path = tmp_path / "recipe"
    path.write_text(script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(["sh", "-c", str(path)], input=json.dumps(event) + "\n", text=True, env=env,
                          capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in log.read_text().splitlines()]


def test_each_recipe_says_what_waits(tmp_path):
    desktop, mac, phone = recipes()
    assert run_recipe(desktop, tmp_path / "a", EVENT) == [["notify-send", "mcp-orchestrator", "task_waiting: Stream the export"]]
    assert run_recipe(mac, tmp_path / "b", EVENT) == [
        ["osascript", "-e", 'display notification "task_waiting: Stream the export" with title "mcp-orchestrator"']]
    assert run_recipe(phone, tmp_path / "c", EVENT) == [[
        "curl", "-s", "-H", "Title: mcp-orchestrator", "-H", "Actions: view, Open the board, http://127.0.0.1:4567/",
        "-d", "task_waiting: Stream the export", "https://ntfy.sh/YOUR-TOPIC"]]


def test_a_request_ready_without_a_board_still_says_what(tmp_path):
    _, _, phone = recipes()
    ready = {"kind": "request_ready", "request": {"id": "req-1", "text": "CSV export"}, "stateFile": "/tmp/state.json"}
    assert run_recipe(phone, tmp_path, ready) == [[
        "curl", "-s", "-H", "Title: mcp-orchestrator", "-d", "request_ready: CSV export", "https://ntfy.sh/YOUR-TOPIC"]]
