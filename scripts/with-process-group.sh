#!/usr/bin/env bash
# Runs a command in its own process group and kills the whole group when it ends or is
# interrupted, so no chromedriver, Chromium or test server outlives a killed test run.
set -u
set -m
"$@" &
child=$!
cleanup() { kill -TERM -- "-$child" 2>/dev/null; sleep 0.5; kill -KILL -- "-$child" 2>/dev/null; }
trap 'cleanup; exit 130' INT TERM HUP
wait "$child"
status=$?
cleanup
exit "$status"
