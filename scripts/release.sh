#!/usr/bin/env bash
# Builds the npm packages of a release (docs/releasing.md).
#
#   scripts/release.sh              cross-build the CLI for the seven platforms of
#                                   npm/miniweave/lib/platforms.json (cargo-zigbuild, profile
#                                   `dist`) and lay out every package under target/npm/,
#                                   packed into target/npm/tarballs/, ready for `npm publish`
#   scripts/release.sh --local DIR  only the main package and this machine's platform package,
#                                   from the native release build, as `npm pack` tarballs in DIR
#                                   (what the tests install, and anyone trying a change)
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(cargo metadata --no-deps --format-version 1 --locked |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="miniweave-cli").version))')
target_dir=${CARGO_TARGET_DIR:-target}

if [[ ${1:-} == --local ]]; then
  dest=${2:?usage: scripts/release.sh --local DIR}
  cargo build --release --locked -p miniweave-cli
  # The package this machine installs: the launcher's own choice.
  package=$(node -e 'console.log(require("./npm/miniweave/lib/binary.js").candidates()[0]?.name ?? "")')
  if [[ -z $package ]]; then
    echo "error: miniweave has no npm package for this platform ($(uname -sm))" >&2
    exit 1
  fi
  stage=$(mktemp -d)
  trap 'rm -rf "$stage"' EXIT
  node scripts/npm-packages.js --version "$version" --out "$stage" \
    --binary "$package=$target_dir/release/miniweave" --pack "$dest"
  exit 0
fi

if [[ $# -gt 0 ]]; then
  echo "usage: scripts/release.sh [--local DIR]" >&2
  exit 2
fi
command -v cargo-zigbuild >/dev/null || {
  echo "error: cargo-zigbuild is missing: cargo install --locked cargo-zigbuild && pip install ziglang" >&2
  exit 1
}
binaries=()
while IFS=' ' read -r name rust zig binary; do
  rustup target add "$rust" >/dev/null
  echo "building $name ($zig)" >&2
  cargo zigbuild --locked --profile dist -p miniweave-cli --target "$zig"
  binaries+=(--binary "$name=$target_dir/$rust/dist/$binary")
done < <(node -e 'for (const p of require("./npm/miniweave/lib/platforms.json").packages) console.log(p.name, p.rust, p.zig, p.binary)')
rm -rf "$target_dir/npm"
node scripts/npm-packages.js --version "$version" --out "$target_dir/npm" "${binaries[@]}" --pack "$target_dir/npm/tarballs"
echo "packages in $target_dir/npm; publish each folder with \`npm publish --access public\`, platform packages first" >&2
