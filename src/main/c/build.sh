#!/usr/bin/env bash
# Builds the native first-layer sums (mnist_sums.c) into the classes, beside NativeSums.class, so
# that the jar carries them. Run by Maven at process-classes:  build.sh JAVA_HOME OUTPUT_DIR
# Without gcc, or if gcc cannot build them, the build goes on: the kernel then runs its plain Java
# sums (the same results, slower), and `bench` says so.
set -uo pipefail
java_home="$1"
out="$2/mnistshell/nn"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v gcc >/dev/null 2>&1; then
  echo "mnist-shell: no gcc here, so no native sums; training runs its plain Java sums (same results, slower)" >&2
  exit 0
fi
mkdir -p "$out"
# -ffp-contract=off: only the fused multiply-adds written in the source, as in the Java sums.
if ! gcc -O2 -std=c11 -Wall -Wextra -fPIC -shared -ffp-contract=off \
    -I"$java_home/include" -I"$java_home/include/linux" \
    -o "$out/libmnistsums.so" "$here/mnist_sums.c"; then
  rm -f "$out/libmnistsums.so"
  echo "mnist-shell: gcc could not build the native sums (above); training runs its plain Java sums" >&2
fi
exit 0
