#!/usr/bin/env bash
# A whole o2o cluster on loopback: a standalone PostgreSQL primary, a streaming replica of it, N application nodes
# (the packaged jar) writing to the primary and reading from the replica, and nginx in front, round-robin.
#
#   scripts/cluster.sh start [N]   # N nodes (default 3); the first run creates the databases and loads the demo
#   scripts/cluster.sh status      # each part, the replica's lag, each node's health, through nginx too
#   scripts/cluster.sh stop        # everything down; the data stays for the next start
#   scripts/cluster.sh clean       # stop and delete the data, logs and secrets
#
# Everything lives in target/cluster (CLUSTER_DIR). Ports: PG_PORT (55432), REPLICA_PORT (55436), nginx LB_PORT
# (18080), nodes NODE_PORT (18081) upwards. The nodes run the demo profile (sandbox payments, the dev inbox, admin /
# admin123) with secrets generated once per cluster and shared, so a token or QR signed by one node holds on all.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=${CLUSTER_DIR:-$PWD/target/cluster}
PG_PORT=${PG_PORT:-55432}
REPLICA_PORT=${REPLICA_PORT:-55436}
LB_PORT=${LB_PORT:-18080}
NODE_PORT=${NODE_PORT:-18081}
DB=o2o

die() { echo "cluster: $*" >&2; exit 1; }
pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] || die "no PostgreSQL server binaries: apt-get install postgresql postgresql-contrib"
  echo "$bin"
}
# PostgreSQL refuses to run as root: as root its commands run as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# a port something else already listens on stops the start with its name, instead of a failure deep in a log
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null || die "port $1 is in use: set $2 to another"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; }
nodes() { ls "$DIR"/run/node-*.pid 2>/dev/null | sed 's/.*node-\([0-9]*\)\.pid/\1/' | sort -n; }

java_bin() {
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ "$("$candidate/bin/java" -XshowSettings:properties \
        -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)" -ge 21 ]; then
      echo "$candidate/bin/java"; return
    fi
  done
  die "no JDK 21+ in JAVA_HOME or /usr/lib/jvm"
}

start_postgres() {
  local bin; bin=$(pg_bin)
  mkdir -p "$DIR/run" "$DIR/logs"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR/run" "$DIR/logs"
  if [ ! -d "$DIR/primary" ]; then
    mkdir -p "$DIR/primary"; [ "$(id -u)" = 0 ] && chown postgres "$DIR/primary"
    as_pg "$bin/initdb" -D "$DIR/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/logs/initdb.log"
    cat >>"$DIR/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$DIR/run'
max_connections = 300
shared_buffers = 128MB
wal_level = replica
max_wal_senders = 5
hot_standby = on
EOF
  fi
  if ! as_pg "$bin/pg_ctl" -D "$DIR/primary" status >/dev/null 2>&1; then
    port_free "$PG_PORT" PG_PORT
    as_pg "$bin/pg_ctl" -D "$DIR/primary" -l "$DIR/logs/primary.log" -w start >/dev/null
  fi
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database $DB"
  if [ ! -d "$DIR/replica" ]; then
    # a base backup of the primary that follows it (-R writes primary_conninfo and standby.signal)
    mkdir -p "$DIR/replica"; chmod 700 "$DIR/replica"; [ "$(id -u)" = 0 ] && chown postgres "$DIR/replica"
    as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$DIR/replica" -R -X stream -c fast
    echo "port = $REPLICA_PORT" >>"$DIR/replica/postgresql.conf"
  fi
  if ! as_pg "$bin/pg_ctl" -D "$DIR/replica" status >/dev/null 2>&1; then
    port_free "$REPLICA_PORT" REPLICA_PORT
    as_pg "$bin/pg_ctl" -D "$DIR/replica" -l "$DIR/logs/replica.log" -w start >/dev/null
  fi
  echo "PostgreSQL primary on 127.0.0.1:$PG_PORT, streaming replica on 127.0.0.1:$REPLICA_PORT"
}

secrets() {
  local file="$DIR/secrets.env"
  if [ ! -f "$file" ]; then
    (
      umask 077
      for name in O2O_TOKEN_SECRET O2O_VOUCHER_QR_SECRET O2O_MEMBER_QR_SECRET O2O_EVENT_QR_SECRET O2O_PAYMENTS_KEY; do
        echo "export $name=$(head -c 32 /dev/urandom | base64 -w0)"
      done
      # the sandbox gateway and courier fleet sign their callbacks with these; every node must check them alike
      echo "export SANDBOX_WEBHOOK_SECRET=$(head -c 24 /dev/urandom | base64 -w0)"
      echo "export SANDBOX_FLEET_SECRET=$(head -c 24 /dev/urandom | base64 -w0)"
    ) >"$file"
  fi
  # shellcheck disable=SC1090
  . "$file"
}

start_node() {
  local n=$1 demo=$2 port=$((NODE_PORT + $1 - 1))
  alive "$DIR/run/node-$n.pid" && return 0
  port_free "$port" NODE_PORT
  O2O_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" O2O_DB_USER=postgres \
  O2O_DB_REPLICA_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/$DB" \
  O2O_DB_POOL_SIZE=${O2O_DB_POOL_SIZE:-15} O2O_DB_REPLICA_POOL_SIZE=${O2O_DB_REPLICA_POOL_SIZE:-10} \
  O2O_PUBLIC_URL="http://127.0.0.1:$LB_PORT" O2O_PUBLIC_BASE_URL="http://127.0.0.1:$LB_PORT" \
    nohup "$JAVA" ${NODE_JVM_OPTIONS:--Xmx512m} -jar "$JAR" --server.port="$port" --spring.profiles.active=demo \
      --o2o.demo.enabled="$demo" --o2o.payments.sandbox.webhook-secret="$SANDBOX_WEBHOOK_SECRET" \
      --o2o.delivery.providers.sandbox.secret="$SANDBOX_FLEET_SECRET" \
      --o2o.web.trusted-proxies=127.0.0.1 --server.forward-headers-strategy=framework \
      >"$DIR/logs/node-$n.log" 2>&1 &
  echo $! >"$DIR/run/node-$n.pid"
}

wait_healthy() {
  local n=$1 port=$((NODE_PORT + $1 - 1)) waited=0
  until healthy "$port"; do
    alive "$DIR/run/node-$n.pid" || { tail -30 "$DIR/logs/node-$n.log"; die "node $n stopped (log: $DIR/logs/node-$n.log)"; }
    [ $waited -ge 900 ] && die "node $n not healthy after 15 min (log: $DIR/logs/node-$n.log)"
    sleep 2; waited=$((waited + 2))
  done
}

start_nginx() {
  command -v nginx >/dev/null 2>&1 || {
    [ "$(id -u)" = 0 ] || die "nginx not found: apt-get install nginx"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  }
  local upstream="" n
  for n in $(nodes); do upstream+="    server 127.0.0.1:$((NODE_PORT + n - 1)) max_fails=1 fail_timeout=5s;"$'\n'; done
  mkdir -p "$DIR/nginx"
  cat >"$DIR/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $DIR/run/nginx.pid;
error_log $DIR/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log $DIR/logs/nginx-access.log;
  client_body_temp_path $DIR/nginx/body;
  proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  client_max_body_size 8m;
  upstream o2o {
$upstream    keepalive 32;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://o2o;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-O2O-Node \$upstream_addr always;
    }
  }
}
EOF
  if alive "$DIR/run/nginx.pid"; then
    nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s reload
  else
    port_free "$LB_PORT" LB_PORT
    nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf"
  fi
  echo "nginx on http://127.0.0.1:$LB_PORT, round-robin over $(nodes | wc -l) nodes"
}

start() {
  local count=${1:-3} n
  [[ "$count" =~ ^[1-9][0-9]?$ ]] || die "start N: N nodes, 1 to 99"
  JAR=$(ls -t target/o2o-*.jar 2>/dev/null | head -1)
  [ -n "$JAR" ] || die "no target/o2o-*.jar: build it with ./mvnw package -DskipTests"
  JAVA=$(java_bin)
  command -v psql >/dev/null 2>&1 || die "psql not found: apt-get install postgresql-client"
  start_postgres
  secrets
  # the first node loads the demo (once: it only tops the city up on later starts); the others join when it is up
  local first_run=false
  [ -f "$DIR/run/demo-loaded" ] || first_run=true
  start_node 1 "$first_run"
  echo "node 1 starting on :$NODE_PORT$($first_run && echo ', loading the demo data')"
  wait_healthy 1
  touch "$DIR/run/demo-loaded"
  for n in $(seq 2 "$count"); do start_node "$n" false; done
  for n in $(seq 2 "$count"); do wait_healthy "$n"; done
  echo "$count nodes healthy on :$NODE_PORT..:$((NODE_PORT + count - 1))"
  start_nginx
}

stop() {
  local n bin
  if alive "$DIR/run/nginx.pid"; then nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s quit; fi
  for n in $(nodes); do
    if alive "$DIR/run/node-$n.pid"; then kill "$(cat "$DIR/run/node-$n.pid")"; fi
  done
  for n in $(nodes); do
    local pid; pid=$(cat "$DIR/run/node-$n.pid")
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    rm -f "$DIR/run/node-$n.pid"
  done
  bin=$(pg_bin)
  for db in replica primary; do
    if [ -d "$DIR/$db" ] && as_pg "$bin/pg_ctl" -D "$DIR/$db" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$DIR/$db" -m fast -w stop >/dev/null
    fi
  done
  echo "cluster stopped (data in $DIR)"
}

status() {
  local bin n; bin=$(pg_bin)
  for db in primary replica; do
    if [ -d "$DIR/$db" ] && as_pg "$bin/pg_ctl" -D "$DIR/$db" status >/dev/null 2>&1; then echo "$db: running"
    else echo "$db: stopped"; fi
  done
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "select 'replication: ' || application_name || ' ' || state
      || ', replay lag ' || coalesce(replay_lag::text, '0') from pg_stat_replication" 2>/dev/null || true
  psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -tAc \
      "select 'replica in recovery: ' || pg_is_in_recovery()" 2>/dev/null || true
  for n in $(nodes); do
    local port=$((NODE_PORT + n - 1))
    if alive "$DIR/run/node-$n.pid" && healthy "$port"; then echo "node $n (:$port): UP"
    elif alive "$DIR/run/node-$n.pid"; then echo "node $n (:$port): starting or unhealthy"
    else echo "node $n (:$port): stopped"; fi
  done
  if alive "$DIR/run/nginx.pid"; then
    echo "nginx (:$LB_PORT): $(curl -fsS --max-time 2 "http://127.0.0.1:$LB_PORT/actuator/health/readiness" || echo down)"
  else
    echo "nginx (:$LB_PORT): stopped"
  fi
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  stop) stop ;;
  status) status ;;
  clean) stop; rm -rf "$DIR"; echo "removed $DIR" ;;
  *) echo "usage: $0 start [N] | status | stop | clean" >&2; exit 2 ;;
esac
