# Sourced by .ci/run and ./stratum: exports JAVA_HOME pointing at a JDK >= 21.
# Order: an existing JAVA_HOME that qualifies, the newest JDK under /usr/lib/jvm,
# then Debian's openjdk package (installed with apt when we are allowed to).

stratum_java_feature() { # prints the feature release of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

stratum_pick_jdk() {
  local candidate feature best="" best_feature=0
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    feature=$(stratum_java_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge 21 ] && [ "$feature" -gt "$best_feature" ]; then
      best=$candidate best_feature=$feature
    fi
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

stratum_install_jdk() {
  command -v apt-get >/dev/null 2>&1 || return 1
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  local pkg
  pkg=$(apt-cache search --names-only '^openjdk-[0-9]+-jdk-headless$' 2>/dev/null \
    | sed -n 's/^openjdk-\([0-9]*\)-jdk-headless.*/\1/p' | sort -n | awk '$1 >= 21' | tail -n 1)
  [ -n "$pkg" ] || { $sudo apt-get update -qq >/dev/null 2>&1 || return 1; pkg=$(apt-cache search --names-only '^openjdk-[0-9]+-jdk-headless$' \
    | sed -n 's/^openjdk-\([0-9]*\)-jdk-headless.*/\1/p' | sort -n | awk '$1 >= 21' | tail -n 1); }
  [ -n "$pkg" ] || return 1
  echo "stratum: installing openjdk-$pkg-jdk-headless" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "openjdk-$pkg-jdk-headless" >/dev/null
}

STRATUM_JDK=$(stratum_pick_jdk)
if [ -z "$STRATUM_JDK" ]; then
  stratum_install_jdk && STRATUM_JDK=$(stratum_pick_jdk)
fi
if [ -z "$STRATUM_JDK" ]; then
  echo "stratum: no JDK >= 21 found under /usr/lib/jvm or JAVA_HOME, and none could be installed." >&2
  echo "stratum: install one (e.g. 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME=$STRATUM_JDK
export PATH="$JAVA_HOME/bin:$PATH"
