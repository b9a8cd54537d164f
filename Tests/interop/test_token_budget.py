"""What the tool list costs a model: tools/list as the server writes it, counted in bytes and in
tokens of OpenAI's o200k_base encoding (the bpe-openai package carries its tables, so nothing is
downloaded). The README's context budget table is kept true to the server: every row's figures are
the ones measured here."""

import json
import subprocess
import warnings
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
ROWS = [
    (None, "default (core,workflows)"),
    ("taskmanager", "taskmanager"),
    ("orchestrator-server", "orchestrator-server"),
    ("task-orchestrator", "task-orchestrator"),
    ("workflow-orchestration", "workflow-orchestration"),
    ("all", "all"),
]


def o200k():
    with warnings.catch_warnings():
        # bpe-openai 0.1.4 reads its tables through a deprecated importlib call.
        warnings.simplefilter("ignore", DeprecationWarning)
        import bpe_openai

        return bpe_openai.get_encoding("o200k_base")


def tools_list(binary: str, state: Path, toolsets: str | None) -> str:
    """The `result` of tools/list (2025-11-25) exactly as the server wrote it."""
    session = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "count", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
    ]
    args = [binary, "--state", str(state)] + (["--toolsets", toolsets] if toolsets else [])
    run = subprocess.run(args, input="".join(json.dumps(m) + "\n" for m in session), capture_output=True, text=True,
                         timeout=60, check=True)
    line = run.stdout.splitlines()[1]
    # The writer sorts keys and writes compactly; `result` is the last member of the line.
    assert line.startswith('{"id":2,"jsonrpc":"2.0","result":') and line.endswith("}")
    return line[len('{"id":2,"jsonrpc":"2.0","result":'):-1]


@pytest.mark.parametrize(("toolsets", "row"), ROWS)
def test_the_readme_states_what_the_tool_list_costs(server_binary, tmp_path, toolsets, row):
    result = tools_list(server_binary, tmp_path / "state.json", toolsets)
    size = len(result.encode())
    tokens = len(o200k().encode(result))
    line = next(line for line in README.read_text().splitlines() if line.startswith(f"| {row} |"))
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    assert cells == [row, str(len(json.loads(result)["tools"])), f"{size:,}", f"{tokens:,}"], (
        f"README row should read | {row} | {len(json.loads(result)['tools'])} | {size:,} | {tokens:,} |")
    if toolsets is None:
        assert size < 20_000 and tokens < 5_000, "the default set's tool list stays within its budget"
