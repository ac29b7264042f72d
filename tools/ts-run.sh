#!/usr/bin/env bash
# Runs a TypeScript entry point of the repo with the workspace path aliases (dev tooling).
export SWC_NODE_PROJECT="${SWC_NODE_PROJECT:-$(dirname "$0")/../tsconfig.base.json}"
exec node -r @swc-node/register "$@"
