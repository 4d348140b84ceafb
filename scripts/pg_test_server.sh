#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests (KRM_TEST_PG_URL), in a folder of its own on 127.0.0.1.
#
#   scripts/pg_test_server.sh start [DIR]   initdb + start; prints the server URL on stdout
#   scripts/pg_test_server.sh stop DIR      stop the server and remove DIR
#
# Without DIR, start makes a temporary folder and names it on stderr. Installs Debian's `postgresql` with apt-get
# when initdb/pg_ctl are missing. PostgreSQL refuses to run as root: as root the server runs as the system user
# `postgres` (created when missing). The cluster trades durability for speed (fsync off): it holds test data only.
set -euo pipefail

USER_NAME=krm
PASSWORD=krm-test
DATABASE=krm_test

say() { echo "pg_test_server: $*" >&2; }
die() { say "$*"; exit 1; }

find_bindir() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"  # the real folder, where psql lives too
        return 0
    fi
    # Debian keeps the server programs outside PATH, one folder per major version; take the newest.
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && echo "$dir"
}

install_server() {
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL fehlt (initdb/pg_ctl); als root ausführen oder 'apt-get install postgresql'."
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL fehlt und apt-get gibt es hier nicht."
    say "PostgreSQL fehlt: installiere das Debian-Paket postgresql …"
    # No "main" cluster: the package would otherwise create (and try to start) one we do not want. A drop-in of
    # createcluster.conf, which the package does not own (so dpkg asks nothing about it).
    mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/krm-test.conf
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold postgresql >&2
}

# as_server CMD...: run as the account that owns the cluster (root may not).
as_server() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
    local dir=${1:-}
    local bindir
    bindir=$(find_bindir) || true
    if [[ -z "$bindir" ]]; then
        install_server
        bindir=$(find_bindir) || die "initdb/pg_ctl nach der Installation nicht gefunden."
    fi
    if [[ -z "$dir" ]]; then
        dir=$(mktemp -d "${TMPDIR:-/tmp}/krm-pg.XXXXXX")
        say "Cluster in $dir (beenden: $0 stop $dir)"
    fi
    mkdir -p "$dir"
    [[ ! -e "$dir/data" ]] || die "$dir/data gibt es schon: läuft dort bereits ein Server?"
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        chown postgres "$dir"
    fi
    echo "$PASSWORD" >"$dir/pwfile"
    [[ $(id -u) -ne 0 ]] || chown postgres "$dir/pwfile"
    as_server "$bindir/initdb" -D "$dir/data" -U "$USER_NAME" --pwfile="$dir/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; die "initdb ist fehlgeschlagen."; }
    rm -f "$dir/pwfile"
    local port
    port=$(free_port)
    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
    as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >&2 ||
        { cat "$dir/server.log" >&2; die "Der Server startet nicht."; }
    echo "$bindir" >"$dir/bindir"
    as_server "$bindir/psql" -h "$dir" -p "$port" -U "$USER_NAME" -d postgres -q -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE $DATABASE" >&2
    local url="postgresql://$USER_NAME:$PASSWORD@127.0.0.1:$port/$DATABASE"
    echo "$url" >"$dir/url"
    echo "$url"
}

stop() {
    local dir=${1:?"Ordner des Clusters angeben: $0 stop DIR"}
    if [[ -d "$dir/data" ]]; then
        local bindir
        bindir=$(cat "$dir/bindir" 2>/dev/null || find_bindir)
        as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || say "Der Server lief nicht mehr."
    fi
    rm -rf "$dir"
}

case "${1:-}" in
start) start "${2:-}" ;;
stop) stop "${2:-}" ;;
*)
    echo "Aufruf: $0 start [DIR] | stop DIR" >&2
    exit 2
    ;;
esac
