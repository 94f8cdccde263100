# Debian's headless Chromium and its driver for the auditor console's browser test; installs them when missing.
# (No browser can be downloaded at test time here: Selenium drives these two, found at /usr/bin.)

install_chromium() {
  if [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/chromium ]; then
    return
  fi
  local as_root=()
  if [ "$(id -u)" != 0 ]; then
    as_root=(sudo)
  fi
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver >/dev/null
  echo "$(/usr/bin/chromium --version 2>/dev/null) with $(/usr/bin/chromedriver --version | cut -d' ' -f1-2)"
}
