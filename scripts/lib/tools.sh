# shellcheck shell=bash
# The class path of the tools in src/tools/java (evaluation, training, benchmarks, developer probes), for the launchers
# in scripts/ that run them on the working tree:
#
#   source scripts/lib/tools.sh
#   tools_build NAME   # ./mvnw compiles the application (target/classes) and the tools (target/tools-classes) and
#                      # writes the dependencies' class path to target/NAME-cp.txt; sets TOOLS_CP to all three
#   exec java ... -cp "$TOOLS_CP" io.stancewire.eval.Evaluate "$@"
#
# TOOLS_CP holds absolute paths: a launcher may run its tool in the caller's directory. The tools are compiled by the
# `tools` execution of maven-compiler-plugin (pom.xml), at process-classes: the tests are not compiled for them.
# scripts/lib/harness.sh and bench/lib.sh copy the classes they run from target/tools-classes instead.

TOOLS_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

tools_build() {
    (cd "$TOOLS_REPO" && ./mvnw -B -q process-classes dependency:build-classpath \
        -Dmdep.outputFile="target/$1-cp.txt" -Dmdep.includeScope=test)
    # shellcheck disable=SC2034 # read by the launchers that source this file
    TOOLS_CP="$TOOLS_REPO/target/classes:$TOOLS_REPO/target/tools-classes:$(cat "$TOOLS_REPO/target/$1-cp.txt")"
}
