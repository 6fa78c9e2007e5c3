#!/usr/bin/env bash
# Regenerates the C# PDDL parser in ../Generated from Pddl.g4 with the antlr-ng pinned in package-lock.json.
# Works offline once npm's cache holds the pinned packages.
#   generate.sh           regenerate ../Generated in place
#   generate.sh --check   regenerate into a temp dir and fail if the checked-in files differ (CI runs this)
set -euo pipefail

grammar_dir="$(cd "$(dirname "$0")" && pwd)"
generated_dir="$grammar_dir/../Generated"
mode="${1:-}"

if [ -n "$mode" ] && [ "$mode" != "--check" ]; then
  echo "usage: generate.sh [--check]" >&2
  exit 2
fi

cd "$grammar_dir"
# npm ci installs exactly the lock file's versions; skip it when they are already there.
if ! [ -x node_modules/.bin/antlr-ng ] || ! npm ls --depth=0 >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --prefer-offline --loglevel=error
fi

output_dir="$(mktemp -d)"
trap 'rm -rf "$output_dir"' EXIT

node_modules/.bin/antlr-ng -Dlanguage=CSharp -v true -l false -p RoboLam.Pddl.Generated \
  -o "$output_dir" Pddl.g4 >&2
# Only the C# sources are checked in; the .interp and .tokens files are the tool's debugging aids.
find "$output_dir" -type f ! -name '*.cs' -delete

if [ "$mode" = "--check" ]; then
  if ! diff -r "$output_dir" "$generated_dir" >/dev/null 2>&1; then
    echo "generate.sh: src/RoboLam.Pddl/Generated differs from what Pddl.g4 generates." >&2
    echo "Run 'bash src/RoboLam.Pddl/Grammar/generate.sh' and commit the result." >&2
    diff -r "$output_dir" "$generated_dir" | head -20 >&2 || true
    exit 1
  fi
  echo "generate.sh: the generated parser matches Pddl.g4."
else
  rm -rf "$generated_dir"
  mkdir -p "$generated_dir"
  cp "$output_dir"/*.cs "$generated_dir"/
  echo "generate.sh: regenerated $(ls "$generated_dir" | wc -l) files in src/RoboLam.Pddl/Generated."
fi
