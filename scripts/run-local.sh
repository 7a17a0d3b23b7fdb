# Sourced by ./govbot: `./govbot run` starts Azurite, GovBot (anonymous development mode, sample data)
# and Microsoft's Agents Playground, and stops them all on Ctrl+C.
# Environment overrides: GOVBOT_PORT (3978), PLAYGROUND_PORT (56150), Clock__StartAt (2024-03-06T09:00:00Z),
# GOVBOT_AS (person id of the Playground's current user), TEAMSAPPTESTER_BROWSER=none (no browser window).

run_local() {
  command -v dotnet >/dev/null || die "The .NET 10 SDK is needed."
  ensure_node_tools
  local port="${GOVBOT_PORT:-3978}" pg_port="${PLAYGROUND_PORT:-56150}"
  local work="$ROOT/.govbot-local"
  mkdir -p "$work"
  log "building GovBot..."
  dotnet build "$ROOT/src/GovBot/GovBot.csproj" -nologo -v quiet -clp:"ErrorsOnly;NoSummary" >&2
  local dll="$ROOT/src/GovBot/bin/Debug/net10.0/GovBot.dll"

  AZURITE_PID="" GOVBOT_PID="" PLAYGROUND_PID=""
  cleanup() {
    trap - INT TERM EXIT
    log "stopping..."
    stop_pid "$PLAYGROUND_PID"; stop_pid "$GOVBOT_PID"; stop_pid "$AZURITE_PID"
    log "stopped. Local data stays in .govbot-local/azurite (delete it to start afresh)."
  }
  trap cleanup INT TERM EXIT

  AZURITE_PERSIST=1 start_azurite "$work/azurite"

  export ASPNETCORE_ENVIRONMENT=Development
  export Storage__ConnectionString="$STORAGE_CS"
  export Clock__StartAt="${Clock__StartAt:-2024-03-06T09:00:00Z}"
  unset Bot__AppId || true   # anonymous development mode: the Playground sends no token
  dotnet "$dll" --urls "http://127.0.0.1:$port" > "$work/govbot.log" 2>&1 &
  GOVBOT_PID=$!
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    kill -0 "$GOVBOT_PID" 2>/dev/null || { tail -40 "$work/govbot.log" >&2; die "GovBot did not start (log: .govbot-local/govbot.log)."; }
    sleep 0.2
  done
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 || die "GovBot is not ready after 30 s (log: .govbot-local/govbot.log)."
  log "GovBot on http://127.0.0.1:$port (clock starts at $Clock__StartAt; log: .govbot-local/govbot.log)"

  # The Playground reads its users from this file: the current user is a real action owner of the sample data.
  dotnet "$dll" playground-config ${GOVBOT_AS:+--as "$GOVBOT_AS"} > "$work/.m365agentsplayground.yml" \
    || die "could not write the Playground configuration."
  (cd "$work" && exec "$ROOT/node_modules/.bin/agentsplayground" start \
      -e "http://127.0.0.1:$port/api/messages" -p "$pg_port" --disable-telemetry) > "$work/playground.log" 2>&1 &
  PLAYGROUND_PID=$!
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$pg_port/_debug/ping" >/dev/null 2>&1 && break
    kill -0 "$PLAYGROUND_PID" 2>/dev/null || { tail -40 "$work/playground.log" >&2; die "The Agents Playground did not start."; }
    sleep 0.2
  done
  local who; who=$(sed -n "/^currentUser:/,/^users:/s/^  name: //p" "$work/.m365agentsplayground.yml" | head -1 | tr -d "\"")
  cat <<MSG

  GovBot is running.  Open the Agents Playground:  http://localhost:$pg_port
  You are signed in as $who, an action owner in the sample data (as of $Clock__StartAt).

  Things to type:
    my open actions
    next DAG meeting
    CR043

  Ctrl+C stops everything.
MSG
  wait -n "$GOVBOT_PID" "$PLAYGROUND_PID" || true
}
