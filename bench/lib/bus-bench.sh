# Shared steps of the benchmarks that start the bus jar (sourced by lookup.sh, audit.sh and access.sh; run from the
# repository's root).

BUS_JAR="$PWD/sandboxed/target/tongban-sandboxed-bus-0.1.0-SNAPSHOT.jar"

# Builds the bus when its jar is missing or, with mode auto, older than a source file; mode always or never forces.
# $1: the mode, $2: the name of the setting that chose it (for the messages).
build_bus_if_needed() {
  local mode="$1" setting="$2"
  if [ "$mode" = always ] || [ ! -f "$BUS_JAR" ] || { [ "$mode" = auto ] && [ -n "$(find pom.xml ./*/pom.xml ./*/src \
      -newer "$BUS_JAR" -type f -print -quit)" ]; }; then
    [ "$mode" = never ] && { echo "no bus jar at $BUS_JAR and $setting=never" >&2; exit 1; }
    echo "building the bus (./mvnw -B -o install -DskipTests -q) ..."
    if ! ./mvnw -B -o install -DskipTests -q; then
      echo "the build failed; $setting=never runs the jar already there, if any" >&2
      exit 1
    fi
  fi
}

# Installs the Debian package of each missing tool; arguments are tool:package.
install_missing_tools() {
  local tool
  for tool in "$@"; do
    command -v "${tool%%:*}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${tool#*:}" >/dev/null; }
  done
}

# Stops the benchmark when one of the ports (arguments) is taken: another bus or sandbox is running.
require_free_ports() {
  local port
  for port in "$@"; do
    if ss -Hltn "sport = :$port" | grep -q .; then
      echo "port $port is already in use (another bus or sandbox running?): stop it first" >&2
      exit 1
    fi
  done
}
