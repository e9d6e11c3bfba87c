# Shared by scripts/dev and scripts/test: find a Python >= 3.12 and make .venv with it.
# Sourced, not run. Sets VENV_PY.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

python_ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }

find_python() {
  local c
  for c in "${NEWSROOM_PYTHON:-}" python3.13 python3.12 python3; do
    [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 && python_ok "$(command -v "$c")" && { command -v "$c"; return; }
  done
  # pyenv keeps newer interpreters off PATH when its global version is older.
  local root
  root="$( (pyenv root 2>/dev/null) || echo "$HOME/.pyenv")"
  for c in "$root"/versions/3.13*/bin/python3 "$root"/versions/3.12*/bin/python3; do
    [ -x "$c" ] && python_ok "$c" && { echo "$c"; return; }
  done
  echo "No Python >= 3.12 found: install one or set NEWSROOM_PYTHON=/path/to/python3.12+" >&2
  return 1
}

ensure_venv() {
  # $1: pip extras, e.g. "" or "[test]"
  if [ ! -x .venv/bin/python ] || ! python_ok .venv/bin/python; then
    local py; py="$(find_python)"
    echo "==> creating .venv with $py ($("$py" --version))"
    rm -rf .venv
    "$py" -m venv .venv
  fi
  echo "==> installing Python packages"
  .venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v "is ignored" || true
  .venv/bin/python -m pip install --quiet -e ".$1" 2>&1 | grep -v "is ignored" || true
  .venv/bin/python -c 'import django; assert django.VERSION[:2] == (6, 1), django.__version__'
  VENV_PY="$ROOT/.venv/bin/python"
}
