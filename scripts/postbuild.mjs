// Trunk's post_build hook (see Trunk.toml): seals the staged build before trunk moves it to
// dist/.
// 1. Holds the app's WebAssembly back until boot.js has painted the page's frame.
// 2. Puts a strict Content-Security-Policy into index.html, with the hash of each inline
//    script trunk writes (its start-up module), so no other inline script can run.
// 3. Fills in sw.js: the list of every file to keep offline and a version that changes
//    whenever any of them changes, so each deploy is a new service worker.
// Usage: node scripts/postbuild.mjs [DIR] (DIR defaults to $TRUNK_STAGING_DIR).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) fail("no directory: pass one or run as trunk's post_build hook");

const sha256 = (data, encoding) => createHash("sha256").update(data).digest(encoding);
function fail(why) {
  console.error(`postbuild: ${why}`);
  process.exit(1);
}

const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

// ----- 1. the WebAssembly after the frame ------------------------------------------------
// boot.js draws the page's frame and says when it is on screen (window.spireFrame); the
// app's code is fetched after that, so the words a pupil reads first do not share the
// network with the megabyte of WebAssembly. So: no preload of the wasm in the head, and
// trunk's start-up script waits for the frame before it fetches and starts the app.
const preload = /\s*<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/;
if (!preload.test(html)) fail("no preload of the wasm found: has trunk's output changed?");
html = html.replace(preload, "");
const start = "const wasm = await init(";
if (html.split(start).length !== 2) fail(`trunk's start-up script has no single "${start}"`);
html = html.replace(start, `await window.spireFrame;\n${start}`);
// The wasm's bytes whole rather than streamed: a streamed module is decoded on the main
// thread as its bytes arrive, and on a fast school network that is one long task (130 ms
// under 4x CPU for this app) that blocks typing; bytes handed over whole are decoded on a
// background thread. Functions are compiled when first called either way, so streaming
// saved no compile time.
const wasmPath = /module_or_path: ('[^']*_bg\.wasm')/;
if (!wasmPath.test(html)) fail("trunk's start-up script names no wasm: has its output changed?");
html = html.replace(wasmPath, "module_or_path: fetch($1).then((r) => r.arrayBuffer())");

// ----- 2. the Content-Security-Policy ----------------------------------------------------
if (html.includes('http-equiv="Content-Security-Policy"')) fail("index.html already has a CSP");
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) fail("no inline start-up script found: has trunk's output changed?");
const hashes = inline.map((body) => `'sha256-${sha256(body, "base64")}'`);
const policy = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the page compile WebAssembly and nothing else.
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  // Only the app's stylesheet: no <style> element and no style attribute. The app sets a
  // note's colour or a board's grid as style properties (CSSOM), which the policy allows.
  "style-src 'self'",
  // Photos, drawings and recordings are shown from blob: URLs made on the device.
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
const charset = '<meta charset="utf-8">';
if (!html.includes(charset)) fail(`index.html has no ${charset}`);
html = html.replace(charset, `${charset}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(indexPath, html);

// ----- 3. the service worker's file list and version -------------------------------------
function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(dir)
  .map((path) => relative(dir, path).split(sep).join("/"))
  // The worker itself, and the JSON schemas for content authors, which the app never reads.
  .filter((file) => file !== "sw.js" && !file.startsWith("lessons/schema/"))
  .sort();
const version = sha256(
  files.map((file) => `${file} ${sha256(readFileSync(join(dir, file)), "hex")}`).join("\n"),
  "hex"
).slice(0, 16);
const swPath = join(dir, "sw.js");
let sw = readFileSync(swPath, "utf8");
const before = sw;
sw = sw
  .replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(["./", ...files])};`);
if (sw === before || !sw.includes(version)) fail("sw.js has no VERSION/FILES lines to fill in");
writeFileSync(swPath, sw);
console.log(`postbuild: CSP with ${hashes.length} script hash(es); sw.js ${version}, ${files.length + 1} files`);
