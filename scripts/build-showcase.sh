#!/usr/bin/env bash
# Builds the showcase app (fixtures/showcase) for WeChat, Alipay and Weibo into
# fixtures/showcase/dist/<target>/, each a folder its platform's IDE opens as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/npm-ci-if-stale.sh fixtures/showcase
cargo run --locked --quiet -p miniweave-cli -- build fixtures/showcase --target all "$@"
