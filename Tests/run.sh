#!/usr/bin/env bash
# Runs every test: the format lint, the Swift suite (unit, wire, transcript and process tests), then the interop
# tests that drive the server with the official Python MCP SDK (pinned in Tests/interop/requirements.txt),
# installed into a virtualenv under .build/ on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

# Formatting is part of the tests: the toolchain's swift format with the checked-in .swift-format.
swift format lint --strict --recursive Sources Tests Package.swift

swift build
swift test

venv=.build/interop-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/interop/requirements.txt

MCP_ORCHESTRATOR_BIN="$(swift build --show-bin-path)/mcp-orchestrator" \
    "$venv/bin/python" -m pytest -q -W error -p no:cacheprovider Tests/interop
