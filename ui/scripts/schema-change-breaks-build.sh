#!/usr/bin/env bash
# Shows that `npm run build` ties the SPA to the schema. In a scratch copy of ui/ and of the .graphqls files (the
# repository is never touched), it changes the schema three ways and runs the build each time:
#   Task.title renamed to name        -> the build fails (GraphQL Code Generator: a document asks for a missing field)
#   Task.title made nullable          -> the build fails (tsc: the generated types no longer promise a string)
#   Task.notes renamed to note        -> the build passes (the SPA never asks for notes)
set -euo pipefail
ui="$(cd "$(dirname "$0")/.." && pwd)"
schema="$(dirname "$ui")/graphql-schema/src/main/graphql"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# A fresh copy of the SPA's sources (node_modules linked, nothing generated yet) beside a copy of the schema, in the
# same relative places, so codegen.ts reads the copy.
fresh_copy() {
  rm -rf "$scratch/ui" "$scratch/graphql-schema"
  mkdir -p "$scratch/ui" "$scratch/graphql-schema/src/main"
  cp -r "$ui"/{src,codegen.ts,index.html,package.json,tsconfig.json,vite.config.ts} "$scratch/ui/"
  rm -rf "$scratch/ui/src/graphql/generated"
  ln -s "$ui/node_modules" "$scratch/ui/node_modules"
  cp -r "$schema" "$scratch/graphql-schema/src/main/graphql"
}

failures=0
# check EXPECTED DESCRIPTION FILE PERL-SUBSTITUTION
check() {
  local expected="$1" description="$2" file="$3" edit="$4"
  fresh_copy
  local target="$scratch/graphql-schema/src/main/graphql/$file"
  perl -0pi -e "$edit" "$target"
  if cmp -s "$schema/$file" "$target"; then
    echo "FAILED  $description: the edit no longer matches $file; update this script" >&2
    failures=$((failures + 1))
    return
  fi
  local log="$scratch/build.log" outcome
  if (cd "$scratch/ui" && npm run build >"$log" 2>&1); then outcome=passes; else outcome=fails; fi
  if [[ "$outcome" == "$expected" ]]; then
    echo "ok      $description: the build $outcome"
  else
    echo "FAILED  $description: the build $outcome, expected it $expected" >&2
    failures=$((failures + 1))
  fi
  # The first lines that say why, from codegen or tsc (the SPA's own files before its tests).
  grep -E 'error TS|Cannot query field|GraphQL Document Validation failed' "$log" \
    | awk '/\.test\./ { tests[n++] = $0; next } { print } END { for (i = 0; i < n; i++) print tests[i] }' \
    | head -4 | sed 's/^/          /' || true
}

check fails 'Task.title renamed to name' tasks.graphqls 's/(type Task implements Node \{.*?)\btitle: String!/${1}name: String!/s'
check fails 'Task.title made nullable' tasks.graphqls 's/(type Task implements Node \{.*?)\btitle: String!/${1}title: String/s'
check passes 'Task.notes renamed to note' tasks.graphqls 's/(type Task implements Node \{.*?)\bnotes: String/${1}note: String/s'
exit "$failures"
