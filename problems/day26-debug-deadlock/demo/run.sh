#!/bin/sh
# Day 26's demo: builds demo/Transfers.java into a jar and runs it under the
# judge's agent, which prints the deadlock Go would ("all threads are asleep").
# Usage (from anywhere, after `make build`): problems/day26-debug-deadlock/demo/run.sh [judge run options]
set -e
root=$(cd "$(dirname "$0")/../../.." && pwd)
demo="$root/problems/day26-debug-deadlock/demo"
jdk=$("$root/judge/bin/find-jdk")
rm -rf "$demo/target" && mkdir -p "$demo/target/classes"
"$jdk/bin/javac" -d "$demo/target/classes" "$demo/Transfers.java"
"$jdk/bin/jar" --create --file "$demo/target/transfers.jar" --main-class Transfers -C "$demo/target/classes" .
exec "$jdk/bin/java" -jar "$root/judge/app/target/judge.jar" run --jar "$demo/target/transfers.jar" "$@"
