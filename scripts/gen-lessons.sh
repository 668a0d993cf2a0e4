#!/usr/bin/env bash
# Writes a content folder with N lessons, for measuring a big catalogue: the shipped lessons
# copied round-robin with new ids (`<id>-<n>`) and numbered titles, plus the shipped
# canvases, challenges, role models, media and schemas; then runs `spire-content index` on
# it, so its index.json carries summaries as a real deployment's would.
# Usage: scripts/gen-lessons.sh N OUT   (OUT must not exist, or be empty)
set -euo pipefail
usage="usage: scripts/gen-lessons.sh N OUT"
n=${1:?$usage}
out=${2:?$usage}
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "gen-lessons: N must be a positive number" >&2; exit 2; }
# Never write into a folder that holds something else: OUT is meant to be thrown away.
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "gen-lessons: $out is not empty; remove it or choose another folder" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
src=$root/lessons
mkdir -p "$out"
cp -r "$src"/canvases "$src"/challenges "$src"/role-models "$src"/media "$src"/schema "$out"/

node - "$src" "$out" "$n" <<'JS'
const fs = require("fs");
const path = require("path");
const [src, out, count] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(path.join(src, "index.json"), "utf8"));
const write = (file, value) =>
  fs.writeFileSync(path.join(out, file), JSON.stringify(value, null, 2) + "\n");
const numbered = (text, k) =>
  typeof text === "string"
    ? `${text} ${k}`
    : Object.fromEntries(Object.entries(text).map(([lang, s]) => [lang, `${s} ${k}`]));
const ids = [];
for (let i = 0; i < Number(count); i++) {
  const from = index.lessons[i % index.lessons.length];
  const lesson = JSON.parse(fs.readFileSync(path.join(src, `${from}.json`), "utf8"));
  const k = i + 1;
  lesson.id = `${from}-${k}`;
  lesson.title = numbered(lesson.title, k);
  write(`${lesson.id}.json`, lesson);
  ids.push(lesson.id);
}
write("index.json", {
  $schema: index.$schema,
  lessons: ids,
  canvases: index.canvases,
  challenges: index.challenges,
  role_models: index.role_models,
});
JS

cargo run --quiet --manifest-path "$root/Cargo.toml" --bin spire-content -- index "$out"
