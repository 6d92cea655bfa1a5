#!/usr/bin/env bash
# npm test: type-check, unit and export tests, end-to-end tests in Debian's Chromium.
# Installs the Debian packages the tests need when they are missing (as root, or with sudo that
# asks no password); otherwise names them and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# grep reads the whole list (no -q): under pipefail an early exit would kill fc-list with SIGPIPE.
# Faces the export tests render with (tests/fonts/fonts.conf maps the .docx's face names onto them).
fonts="$(fc-list : family 2>/dev/null || true)"
case "$fonts" in *"Noto Sans CJK"*) ;; *) need+=(fonts-noto-cjk) ;; esac
case "$fonts" in *"Liberation Serif"*) ;; *) need+=(fonts-liberation2) ;; esac
case "$fonts" in *"AR PL UKai"*) ;; *) need+=(fonts-arphic-ukai) ;; esac
/usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || need+=(python3-uno)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
      SUDO="sudo -n"
    else
      echo "The tests need these Debian packages: ${need[*]}" >&2
      echo "Install them (as root: apt-get install ${need[*]}) and run npm test again." >&2
      exit 1
    fi
  fi
  echo "Installing Debian packages for the tests: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "== build the UI"
node node_modules/vite/bin/vite.js build --config renderer/vite.config.ts --logLevel warn
echo "== type check"
npx tsc --noEmit -p tsconfig.json
echo "== unit and export tests"
npx vitest run --config vitest.config.ts
if ls tests/e2e/*.test.ts >/dev/null 2>&1; then
  echo "== end-to-end tests (Chromium)"
  node --import tsx --test --test-concurrency=1 tests/e2e/*.test.ts
fi
