#!/bin/bash
# Startup script of the teams' compute instances (setupScripts.startup in the stack file).
# Azure ML runs it as root at every start of the instance ("Customize the compute instance with a
# script"); its text is sent inline, so it holds no secret: the index it points at is public or
# reached through the workspace's managed network.
#
# $1: the package index pip should use (default: PyPI, allowed by the prod outbound rules).
# Sets it for azureuser, the account notebooks and terminals run as, so every conda environment
# of the instance installs from the same index.
set -euo pipefail

INDEX_URL="${1:-https://pypi.org/simple}"
case "$INDEX_URL" in
  https://*) ;;
  *) echo "configure-pip-index: the index must be an https:// URL, got: $INDEX_URL" >&2; exit 1 ;;
esac

# Arguments are not visible inside the sudo block, so the URL goes in through the environment.
sudo -u azureuser -i env INDEX_URL="$INDEX_URL" bash <<'AS_AZUREUSER'
set -euo pipefail
mkdir -p "$HOME/.config/pip"
cat > "$HOME/.config/pip/pip.conf" <<PIP
[global]
index-url = ${INDEX_URL}
disable-pip-version-check = true
PIP
echo "configure-pip-index: pip uses ${INDEX_URL}"
AS_AZUREUSER
