#!/bin/sh
# Registered instead of the python suite when its tools are missing: the
# suite fails, it is never silently skipped.
echo "the python suite cannot run: install $* (see README, Quick start)" >&2
exit 1
