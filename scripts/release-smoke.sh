#!/usr/bin/env bash
# Checks what scripts/release.sh built (docs/releasing.md): `file` on each binary, then each
# binary this machine can run prints its version and builds the showcase for every target,
# and its output must equal the native build's byte for byte. Linux x64 runs natively, Linux
# arm64 under qemu-aarch64 (Debian's qemu-user), Windows under wine (Debian's wine) with a stub
# bcryptprimitives.dll; the macOS binaries cannot run here and get `file` only.
#
#   scripts/release-smoke.sh    (after scripts/release.sh; CARGO_TARGET_DIR as there)
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-target}
showcase=$PWD/fixtures/showcase
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

run_showcase() { # name, then the command that runs the binary
  local name=$1
  shift
  echo "== $name: $("$@" --version 2>/dev/null | tr -d '\r')"
  if ! "$@" build "$showcase" --out "$work/$name" --quiet --color never >"$work/$name.log" 2>&1; then
    echo "FAIL: $name could not build the showcase:" && cat "$work/$name.log"
    status=1
    return
  fi
  # The manifest records absolute paths of this run; everything else must be the same bytes.
  if diff -r -x .miniweave "$work/reference" "$work/$name" >"$work/$name.diff"; then
    echo "   built the showcase: the same bytes as the native build"
  else
    echo "FAIL: $name's output differs from the native build:" && head -40 "$work/$name.diff"
    status=1
  fi
}

while IFS=' ' read -r name rust binary; do
  path="$target_dir/$rust/dist/$binary"
  if [[ ! -f $path ]]; then
    echo "FAIL: $name: $path is missing (run scripts/release.sh)"
    status=1
    continue
  fi
  echo "$name: $(file -b "$path" | cut -c1-110)"
done < <(node -e 'for (const p of require("./npm/miniweave/lib/platforms.json").packages) console.log(p.name, p.rust, p.binary)')

# The showcase's npm packages (Vant, dayjs), from its lockfile, as the test suite installs them.
scripts/npm-ci-if-stale.sh fixtures/showcase >/dev/null
# The reference: this machine's own build of the same commit.
cargo build --release --locked -p miniweave-cli --quiet
"$target_dir/release/miniweave" build "$showcase" --out "$work/reference" --quiet --color never

run_showcase linux-x64-gnu "$target_dir/x86_64-unknown-linux-gnu/dist/miniweave"
run_showcase linux-x64-musl "$target_dir/x86_64-unknown-linux-musl/dist/miniweave"
run_showcase linux-arm64-musl qemu-aarch64 "$target_dir/aarch64-unknown-linux-musl/dist/miniweave"
# glibc arm64 needs the arm64 loader and libc, which this machine does not have; qemu-user
# finds them under QEMU_LD_PREFIX when Debian's libc6-arm64-cross is installed.
if [[ -d /usr/aarch64-linux-gnu ]]; then
  QEMU_LD_PREFIX=/usr/aarch64-linux-gnu run_showcase linux-arm64-gnu qemu-aarch64 "$target_dir/aarch64-unknown-linux-gnu/dist/miniweave"
else
  echo "== linux-arm64-gnu: not run (apt install libc6-arm64-cross to run it under qemu)"
fi

# Wine 8 lacks ProcessPrng, which Rust's standard library takes its randomness from on
# Windows 10+; a stub DLL beside the binary forwards it to RtlGenRandom (advapi32's
# SystemFunction036), which wine has.
win=$work/win
mkdir -p "$win"
cp "$target_dir/x86_64-pc-windows-gnu/dist/miniweave.exe" "$win/"
printf 'LIBRARY bcryptprimitives\nEXPORTS\nProcessPrng=advapi32.SystemFunction036\n' >"$win/stub.def"
echo 'void __stub(void) {}' >"$win/stub.c"
x86_64-w64-mingw32-gcc -shared -o "$win/bcryptprimitives.dll" "$win/stub.c" "$win/stub.def"
export WINEDEBUG=-all WINEPREFIX=$work/wineprefix
wineboot --init >/dev/null 2>&1 || true
run_showcase win32-x64 wine "$win/miniweave.exe"

exit $status
