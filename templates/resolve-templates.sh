#!/usr/bin/env bash
# Re-creates the project templates' resolved state (MicroPrompt.Templates/content/<template>/.microprompt) through the
# real build path: packs the SDK and the templates (build/release.sh), creates each project template with `dotnet new`
# in a temporary folder (own template hive, own packages folder and user cache), serves the hand-written answers in
# templates/replay/ through tests/MicroPrompt.ReplayServer (OpenAI-compatible, 127.0.0.1), builds unlocked with
# MicroPromptRegenerate=true (composition, Roslyn compile check, examples in the sandbox, store, lock) and copies the
# resulting .microprompt/ back into the template. The lock then truthfully names the model 'handwritten-replay'.
# Re-run it whenever the SDK's lock format, key or prompt template changes; commit the result.
# Usage: bash templates/resolve-templates.sh [version]   (default: the version samples/QuickStart pins)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=${1:-$(sed -n 's/.*"MicroPrompt.Sdk": *"\([^"]*\)".*/\1/p' "$root/samples/QuickStart/global.json")}
work=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1
export NUGET_PACKAGES="$work/packages" MICROPROMPT_CACHE_DIR="$work/cache" DOTNET_CLI_HOME="$work/home"
unset CI

bash "$root/build/release.sh" "$version" "$work/feed"
dotnet new install "$work/feed/MicroPrompt.Templates.$version.nupkg" --debug:custom-hive "$work/hive" >/dev/null
cat > "$work/nuget.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /></packageSources></configuration>
XML

dotnet build "$root/tests/MicroPrompt.ReplayServer" -c Release -nodeReuse:false -v:quiet -clp:NoSummary
dotnet "$root/tests/MicroPrompt.ReplayServer/bin/Release/net10.0/MicroPrompt.ReplayServer.dll" \
  --answers "$root/templates/replay" --url-file "$work/url" &
server_pid=$!
for _ in $(seq 1 100); do [ -s "$work/url" ] && break; sleep 0.1; done
endpoint=$(cat "$work/url")

for template in console:MPromptConsole classlib:MPromptLibrary; do
  kind=${template%%:*} name=${template#*:}
  content="$root/templates/MicroPrompt.Templates/content/$kind"
  dotnet new "mprompt-$kind" -n "$name" -o "$work/$kind" --debug:custom-hive "$work/hive" --no-update-check >/dev/null
  rm -rf "$work/$kind/.microprompt"
  dotnet build "$work/$kind/$name.csproj" -nodeReuse:false -clp:NoSummary -p:MicroPromptLocked=false \
    -p:MicroPromptRegenerate=true -p:MicroPromptJudge=false -p:MicroPromptEndpoint="$endpoint"
  rm -rf "$content/.microprompt"
  mkdir -p "$content/.microprompt"
  cp -r "$work/$kind/.microprompt/lock.json" "$work/$kind/.microprompt/code" "$work/$kind/.microprompt/.gitignore" "$work/$kind/.microprompt/.gitattributes" "$content/.microprompt/"
  echo "resolved state written to ${content#"$root/"}/.microprompt"
done
echo "commit templates/MicroPrompt.Templates/content/*/.microprompt"
