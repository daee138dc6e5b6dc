#!/usr/bin/env bash
# Runs miniweave's whole test suite on a fresh clone: installs the platforms' validators and
# the showcase apps' npm packages from their lockfiles when missing or stale, then formatting, lints,
# and every test (unit, integration with the platforms' own tools, doc examples).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/npm-ci-if-stale.sh tests/validators
scripts/npm-ci-if-stale.sh fixtures/showcase
scripts/npm-ci-if-stale.sh fixtures/showcase-native

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked
