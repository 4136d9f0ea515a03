#!/usr/bin/env bash
# One entry point for every project command; the README lists them.
#   ./tasks.sh book   set up, validate data/, build the HTML book into _build/html
#   ./tasks.sh test   set up, build, then run every test (unit, data, notebooks, built pages)
#   ./tasks.sh setup  only install system packages and the pinned virtual environment
#   ./tasks.sh validate             check data/ and report every problem
#   ./tasks.sh execute [notebook]   re-run notebooks in place, storing their outputs
#   ./tasks.sh bench [runs]         time clean and no-change builds, size every page (_build/bench.json)
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3.11}
VENV=.venv
BIN=$VENV/bin

# Debian packages the book needs: a CJK font for charts and pages.
SYSTEM_PACKAGES=(fonts-noto-cjk)

install_system_packages() {
  local missing=()
  # Debian's own Python needs python3.11-venv before it can create a virtual environment.
  "$PYTHON" -c "import ensurepip" 2>/dev/null || missing+=("python3.11-venv")
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { echo "Please install: ${missing[*]}" >&2; exit 1; }
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_python_environment() {
  local stamp=$VENV/.installed
  if [ -f "$stamp" ] && [ "$stamp" -nt requirements.txt ] && [ "$stamp" -nt pyproject.toml ]; then
    return 0
  fi
  "$PYTHON" -m venv "$VENV"
  "$BIN/python" -m pip install --quiet --upgrade "pip==26.3"
  "$BIN/python" -m pip install --quiet -r requirements.txt
  "$BIN/python" -m pip install --quiet --no-deps -e .
  touch "$stamp"
}

setup() {
  install_system_packages
  install_python_environment
}

validate() {
  "$BIN/python" -m yrdbook.validate
}

build_html() {
  "$BIN/jupyter-book" build . --warningiserror --nitpick --keep-going --quiet
  echo "HTML book: $(pwd)/_build/html/index.html"
}

execute_notebooks() {
  local notebooks=("$@")
  [ ${#notebooks[@]} -eq 0 ] && notebooks=(book/*.ipynb)
  for notebook in "${notebooks[@]}"; do
    (cd "$(dirname "$notebook")" && "$OLDPWD/$BIN/jupyter" execute --inplace "$(basename "$notebook")")
  done
}

run_tests() {
  "$BIN/python" -m pytest "$@"
}

case "${1:-}" in
  setup) setup ;;
  validate) setup; validate ;;
  book) setup; validate; build_html ;;
  execute) shift; setup; validate; execute_notebooks "$@" ;;
  test) shift; setup; validate; build_html; run_tests "$@" ;;
  bench) shift; setup; validate; "$BIN/python" scripts/bench.py "$@" ;;
  *) echo "usage: $0 {setup|validate|book|execute|test|bench}" >&2; exit 2 ;;
esac
