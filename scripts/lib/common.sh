# Shared by scripts/run and scripts/test: find the tools the build needs, or say exactly what is missing.

# Sets JAVA_HOME to a JDK 21+ (Helidon 4 needs it): $JAVA_HOME if new enough, else the newest under /usr/lib/jvm.
pa_find_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$version" ] && [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "No JDK 21 or newer found (Helidon 4 needs one). Install one (e.g. Temurin 21+) and set JAVA_HOME." >&2
  return 1
}

pa_require() {
  local tool="$1" hint="$2"
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "Missing '$tool': $hint" >&2
    return 1
  fi
}

pa_check_build_tools() {
  pa_find_jdk
  pa_require mvn "install Apache Maven 3.8+ (Debian: apt-get install -y maven)"
  pa_require npm "install Node.js 20+ and npm (Debian: apt-get install -y nodejs npm)"
}
