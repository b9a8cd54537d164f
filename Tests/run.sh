#!/usr/bin/env bash
# Runs every test: the format lint, the Swift suite (unit, wire, transcript and process tests) on the file
# store and its tool and use-case suites again on PostgreSQL, the interop
# tests that drive the server with the official Python MCP SDK (pinned in Tests/interop/requirements.txt),
# then third-party client libraries (Tests/clients/<library>/requirements.txt), each installed into a
# virtualenv under .build/ on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

# Formatting is part of the tests: the toolchain's swift format with the checked-in .swift-format.
swift format lint --strict --recursive Sources Tests Package.swift

# The servers the suites start run inside this repository: they record no evidence in it (the
# evidence tests make repositories of their own and turn it on there).
export MCP_ORCHESTRATOR_EVIDENCE=off
# (Clients that pass their servers no environment start them in a test folder of their own; the count
# of snapshot refs here is checked at the end.)
snapshots() { git for-each-ref refs/mcp-orchestrator/ 2>/dev/null | wc -l; }
snapshots_before=$(snapshots)

swift build
# The whole suite on the file store (a database named outside is not used here).
env -u MCP_ORCHESTRATOR_TEST_STORE swift test

# The same tool and use-case suites again on the PostgreSQL store, on a throwaway cluster that the
# interop tests use too (Tests/postgres.sh); it is removed on exit.
eval "$(Tests/postgres.sh start)"
trap 'Tests/postgres.sh remove "$MCP_ORCHESTRATOR_TEST_PG_DIR"' EXIT
store_suites='OrchestratorUseCaseTests|ToolsTests|TaskToolsTests|WorkflowToolsTests|HumanApprovalTests|ElicitationTests'
store_suites+='|AppsExtensionTests|HandshakeTests|ModernEraTests|WireErrorTests|HintWordingTests|SchemaDialectTests'
store_suites+='|ResourcesPromptsTests|RefusalVocabularyTests|OrchestratorServerSetTests|TaskOrchestratorSetTests'
store_suites+='|TaskmanagerSetTests|WorkflowOrchestrationSetTests|ApprovalCommandTests|PersonViewTests|ExportCommandTests'
store_suites+='|PostgresStoreTests|MigrateTests|PostgresGateTests|ConnectionStringTests'
swift test --skip-build --filter "$store_suites"

venv=.build/interop-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/interop/requirements.txt

binary="$(swift build --show-bin-path)/mcp-orchestrator"
MCP_ORCHESTRATOR_BIN="$binary" "$venv/bin/python" -m pytest -q -W error -p no:cacheprovider --timeout 300 Tests/interop

# Third-party MCP client libraries, each in a virtualenv of its own (they pin different mcp versions),
# driving the server through the library's own API.
for client in Tests/clients/*/; do
    name="$(basename "$client")"
    client_venv=".build/clients/$name"
    if [ ! -x "$client_venv/bin/python" ]; then
        python3 -m venv "$client_venv"
    fi
    "$client_venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$client/requirements.txt"
    MCP_ORCHESTRATOR_BIN="$binary" "$client_venv/bin/python" -m pytest -q -W error -p no:cacheprovider \
        --timeout 300 --rootdir Tests/clients -c /dev/null "$client"
done

if [ "$(snapshots)" != "$snapshots_before" ]; then
    echo "The tests left task snapshots (refs/mcp-orchestrator/) in this repository: a server ran here." >&2
    exit 1
fi
