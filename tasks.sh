#!/usr/bin/env bash
# One entry point for every project command; the README lists them.
#   ./tasks.sh book   set up, validate data/, build the HTML book into _build/html
#   ./tasks.sh test   set up, build HTML and PDF, then run every test (unit, data, notebooks, built pages, PDF)
#   ./tasks.sh test-unit [pytest args]  only the tests that need no build (seconds; marker "unit")
#   ./tasks.sh pdf    set up (with TeX), validate data/, build the PDF edition into _build/latex/book.pdf
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
# Only for the PDF edition (./tasks.sh pdf and test): xelatex with the LaTeX packages Sphinx
# uses (latex-extra; fonts-recommended for hyperref's link font), xeCJK (lang-chinese),
# latexmk, Sphinx's default Latin fonts (FreeSerif etc.) and poppler's pdftotext/pdffonts.
PDF_PACKAGES=(texlive-xetex texlive-latex-extra texlive-fonts-recommended texlive-lang-chinese latexmk
              fonts-freefont-otf poppler-utils)
# Only for the tests and the benchmark: Debian's Chromium, which Playwright drives (Playwright
# downloads no browser here). TeX for the citation tests comes with PDF_PACKAGES.
TEST_PACKAGES=(chromium)

install_system_packages() {
  local missing=()
  # Debian's own Python needs python3.11-venv before it can create a virtual environment.
  "$PYTHON" -c "import ensurepip" 2>/dev/null || missing+=("python3.11-venv")
  for pkg in "$@"; do
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
  install_system_packages "${SYSTEM_PACKAGES[@]}"
  install_python_environment
}

setup_pdf() {
  install_system_packages "${SYSTEM_PACKAGES[@]}" "${PDF_PACKAGES[@]}"
  install_python_environment
}

# cffconvert (validates CITATION.cff) pins jsonschema<4, the book needs 4: its own environment.
install_cffconvert() {
  local tool=$VENV/cffconvert
  if [ -f "$tool/.installed" ] && [ "$tool/.installed" -nt requirements-cffconvert.txt ]; then
    return 0
  fi
  "$PYTHON" -m venv "$tool"
  "$tool/bin/python" -m pip install --quiet -r requirements-cffconvert.txt
  touch "$tool/.installed"
}

setup_test() {
  install_system_packages "${SYSTEM_PACKAGES[@]}" "${PDF_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
  install_python_environment
  install_cffconvert
}

validate() {
  "$BIN/python" -m yrdbook.datapackage.validate
}

build_html() {
  "$BIN/jupyter-book" build . --warningiserror --nitpick --keep-going --quiet
  echo "HTML book: $(pwd)/_build/html/index.html"
}

# The same executed notebooks as the HTML (myst-nb's cache in _build/.jupyter_cache), through
# Sphinx's LaTeX builder and latexmk/xelatex; then a copy goes into the HTML book, which links to it.
build_pdf() {
  LATEXMKOPTS="-silent" "$BIN/jupyter-book" build . --builder pdflatex --warningiserror --nitpick --keep-going --quiet
  "$BIN/python" -m yrdbook.build.pdf _build
}

execute_notebooks() {
  local notebooks=("$@")
  if [ ${#notebooks[@]} -eq 0 ]; then
    # Table-of-contents order: the appendices read the chapters' outputs, so they run last.
    mapfile -t notebooks < <("$BIN/python" -m yrdbook.pages)
  fi
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
  pdf) setup_pdf; validate; build_pdf ;;
  test) shift; setup_test; validate; build_html; build_pdf; run_tests "$@" ;;
  test-unit) shift; setup; install_cffconvert; run_tests -m unit tests "$@" ;;
  bench) shift; setup_test; validate; "$BIN/python" scripts/bench.py "$@" ;;
  *) echo "usage: $0 {setup|validate|book|pdf|execute|test|test-unit|bench}" >&2; exit 2 ;;
esac
