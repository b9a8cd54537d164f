#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl in a temporary folder, listening on a
# Unix socket in that folder only (no TCP port), trusted for its one user. Nothing depends on a
# database already running.
#
#   Tests/postgres.sh start          makes and starts one; prints `export` lines for the tests
#   Tests/postgres.sh ctl DIR ARGS   pg_ctl on it (the fault tests stop and start it)
#   Tests/postgres.sh remove DIR     stops it and removes the folder
#
# PostgreSQL refuses to run as root: as root, the cluster belongs to a system user made for it.
set -euo pipefail

owner=mcp-orchestrator-pg
bindir() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$found" ]; then
        echo "PostgreSQL's server is not installed (Debian and Ubuntu: apt-get install postgresql libpq5)" >&2
        exit 1
    fi
    echo "$found"
}
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    bin=$(bindir)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/mcp-orchestrator-pg.XXXXXX")
    chmod 755 "$dir"
    if [ "$(id -u)" = 0 ]; then
        id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
        chown "$owner" "$dir"
    fi
    as_owner "$bin/initdb" -D "$dir/data" -U orchestrator --auth=trust -E UTF8 >"$dir/initdb.log"
    # Durable as a real one (fsync on); enough connections for 64 agents over two servers and the tests.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
        -o "-k $dir -c listen_addresses='' -c max_connections=300" start >/dev/null
    "$bin/createdb" -h "$dir" -U orchestrator tests
    echo "export MCP_ORCHESTRATOR_TEST_PG_DIR='$dir'"
    echo "export MCP_ORCHESTRATOR_TEST_STORE='postgresql:///tests?host=$dir&user=orchestrator'"
    ;;
ctl)
    dir=$2
    shift 2
    as_owner "$(bindir)/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-k $dir -c listen_addresses='' -c max_connections=300" "$@"
    ;;
remove)
    dir=$2
    as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: Tests/postgres.sh start | ctl DIR PG_CTL_ARGS... | remove DIR" >&2
    exit 64
    ;;
esac
