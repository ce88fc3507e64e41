#!/usr/bin/env bash
# The library must never print or exit: none of these may be imported by librchain.so.
# Usage: library_silent.sh LIBRARY. TAP output.
set -u
lib=$1
forbidden='printf|fprintf|vprintf|vfprintf|puts|fputs|putchar|putc|fputc|perror|exit|_exit|_Exit|quick_exit|fwrite'
imports=$(nm -D --undefined-only "$lib" | awk '{print $NF}' | sed 's/@.*//')
if [ -z "$imports" ]; then
	echo "not ok 1 - read the imported symbols of $lib"
	echo "1..1"
	exit 1
fi
bad=$(printf '%s\n' "$imports" | grep -Ex "($forbidden)" || true)
if [ -z "$bad" ]; then
	echo "ok 1 - $lib imports no printing or exiting function"
	echo "1..1"
	exit 0
fi
echo "not ok 1 - $lib imports: $(echo "$bad" | tr '\n' ' ')"
echo "1..1"
exit 1
