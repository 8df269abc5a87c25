#!/usr/bin/env bash
# Real-browser checks of the HTML bilan: run.sh ESS-BINARY [PYTEST-ARGS...]
# Installs selenium and axe-selenium-python (and pytest) with pip only when
# they cannot be imported, then runs pytest on this folder against ESS-BINARY
# in headless Chromium (/usr/bin/chromium, /usr/bin/chromedriver). Screenshots,
# the pages and the PDF go to $ESS_REPORT_OUT (default: a new temp dir),
# printed at the end. Non-interactive; no display needed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -lt 1 ]; then
  echo "usage: $0 ESS-BINARY [PYTEST-ARGS...]" >&2
  exit 2
fi
ess_bin="$(realpath "$1")"
shift
if [ ! -x "$ess_bin" ]; then
  echo "$0: $ess_bin is not an executable ess binary" >&2
  exit 2
fi

python="${PYTHON:-python3}"
missing=()
"$python" -c 'import pytest' 2>/dev/null || missing+=(pytest)
"$python" -c 'import selenium' 2>/dev/null || missing+=(selenium)
"$python" -c 'import axe_selenium_python' 2>/dev/null || missing+=(axe-selenium-python)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing with pip: ${missing[*]}"
  pip_install=("$python" -m pip install --quiet --disable-pip-version-check --no-input)
  # A Debian system Python refuses pip installs (PEP 668) unless told otherwise.
  "${pip_install[@]}" "${missing[@]}" || "${pip_install[@]}" --break-system-packages "${missing[@]}"
fi

for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "${tool}" ] || echo "warning: ${tool} is missing (Debian: apt-get install chromium chromium-driver)" >&2
done

out="${ESS_REPORT_OUT:-}"
if [ -z "$out" ]; then
  out="$(mktemp -d "${TMPDIR:-/tmp}/ess-report-check.XXXXXX")"
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"

export ESS_BIN="$ess_bin" ESS_REPORT_OUT="$out"
export PYTHONDONTWRITEBYTECODE=1 # leave no __pycache__ in the work tree
export SE_OFFLINE=true           # Selenium Manager must not try to download a driver or browser

status=0
(cd "$here" && "$python" -m pytest -p no:cacheprovider -p no:benchmark -rfExXs "$here" "$@") || status=$?
echo "Screenshots, pages and PDF: $out"
ls -1 "$out"/*.png 2>/dev/null || true
exit "$status"
