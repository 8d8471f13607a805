#!/usr/bin/env bash
# The browser the HTML report test drives (test/offline/report-html.e2e.test.ts): Debian's own
# `chromium` package, run headless through playwright-core (an npm dev dependency that downloads no
# browser). Installs it with apt-get when /usr/bin/chromium is missing; does nothing, fast, when it is
# there. Needs root (or sudo) and a Debian/Ubuntu apt; CI calls it before the test suites (.ci/run).
# Set CHROMIUM_PATH to use another Chromium binary instead (the test reads the same variable).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
    echo "setup-browser: $chromium is installed ($("$chromium" --version 2>/dev/null || echo "version unknown"))"
    exit 0
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "setup-browser: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-browser: no apt-get here: install Chromium yourself and set CHROMIUM_PATH to its binary" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup-browser: run as root, or install sudo, to apt-get install chromium" >&2; exit 1; }
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends chromium
echo "setup-browser: installed $("$chromium" --version 2>/dev/null || echo chromium)"
