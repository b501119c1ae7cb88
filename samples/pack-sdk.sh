#!/usr/bin/env bash
# Packs every package (build/release.sh: MicroPrompt.Sdk, MicroPrompt.Templates, …) into artifacts/packages (the local
# feed named in nuget.config) with the version a sample pins in its global.json, and points NUGET_PACKAGES at a private
# folder so a re-packed version is never served stale.
# Usage: source samples/pack-sdk.sh <sample folder>
set -euo pipefail
_mp_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_mp_sample=$1
MICROPROMPT_SDK_VERSION=$(sed -n 's/.*"MicroPrompt.Sdk": *"\([^"]*\)".*/\1/p' "$_mp_sample/global.json")
export NUGET_PACKAGES="$_mp_root/artifacts/nuget-packages"
rm -rf "$NUGET_PACKAGES/microprompt.sdk"
bash "$_mp_root/build/release.sh" "$MICROPROMPT_SDK_VERSION" "$_mp_root/artifacts/packages"
