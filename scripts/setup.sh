#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian/Ubuntu machine:
#   1. system packages (Apertium engine, LibreOffice + poppler for DOCX rendering checks)
#      with apt, when we are root or have sudo;
#   2. a virtual environment in .venv with the CPU build of PyTorch first (argostranslate
#      → stanza → torch; without this pip pulls a multi-GB CUDA build), then the project;
#   3. the vendored Argos test model (tests/data/translate-es_en-tatoeba.argosmodel) into
#      Argos's package folder (ARGOS_PACKAGES_DIR, else ~/.local/share/argos-translate/
#      packages), only if no es→en Argos package is installed there, so that
#      `es2en text --engine argos` works at once; --engine auto still prefers Apertium or
#      a real model to it (es2en models install does the same by hand).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}
APT_PACKAGES="apertium apertium-eng-spa libreoffice-writer-nogui poppler-utils fonts-dejavu-core"

need_apt=""
for p in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt="$need_apt $p"
done
if [ -n "$need_apt" ]; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else SUDO="none"; fi
    if [ "$SUDO" = none ]; then
        echo "setup: cannot install$need_apt (not root, no sudo); Apertium and the DOCX rendering check will be unavailable" >&2
    else
        echo "setup: apt-get install$need_apt"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need_apt >/dev/null
    fi
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "setup: creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
PIP="$VENV/bin/python -m pip --disable-pip-version-check -q"
if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
    echo "setup: installing the CPU build of PyTorch (needed by argostranslate's stanza dependency)"
    # On this project's machines torch==2.13.0 (CPU) is on local disk. Elsewhere, install a
    # CPU wheel from PyTorch's own CPU index before running this script (see README).
    $PIP install "torch==2.13.0" || $PIP install torch
fi
echo "setup: installing es2en and its test dependencies"
$PIP install -e ".[test]"
if ! "$VENV/bin/es2en" models list 2>/dev/null | grep -q '^argos '; then
    echo "setup: installing the small Argos test model (for --engine argos; real work: es2en models install --from-index es en)"
    "$VENV/bin/es2en" models install tests/data/translate-es_en-tatoeba.argosmodel >/dev/null
fi
echo "setup: done"
