#!/usr/bin/env bash
# Runs miniweave's whole test suite on a fresh clone: installs the platforms' validators and
# the showcase apps' npm packages from their lockfiles when missing or stale, then formatting, lints,
# every test (unit, integration with the platforms' own tools, doc examples), and the npm
# packages installed from their tarballs and used as front-end teams use them.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/npm-ci-if-stale.sh tests/validators
scripts/npm-ci-if-stale.sh fixtures/showcase
scripts/npm-ci-if-stale.sh fixtures/showcase-native

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked

# The npm packages, packed from the native release build, installed into fresh folders.
npm_dir=$(mktemp -d)
trap 'rm -rf "$npm_dir"' EXIT
scripts/release.sh --local "$npm_dir"
MINIWEAVE_NPM_DIR="$npm_dir" node --test tests/npm/
