// Trunk's post_build hook (see Trunk.toml): seals the staged build before trunk moves it to
// dist/.
// 0. Splits three parts off the app's WebAssembly (marked in src/app/pages/mod.rs): the
//    pupil's pages beyond home, the catalogue and a lesson; the teacher's; StartUp
//    Dating's. Each is fetched when one of its pages is first opened.
// 1. Holds the app's WebAssembly back until boot.js has painted the page's frame. The
//    scripts that start the app (boot.js, wasm-bindgen's and the splitter's) and the
//    stylesheet are shipped minified.
// 2. Puts a strict Content-Security-Policy into index.html, with the hash of each inline
//    script trunk writes (its start-up module), so no other inline script can run.
// 3. Fills in sw.js: the list of every file to keep offline and a version that changes
//    whenever any of them changes, so each deploy is a new service worker.
// 4. Writes a brotli (.br) and a gzip (.gz) copy beside each of the app's own files, at
//    the strongest settings, for servers that send such copies as they are (README,
//    "Deploying"). Content files get none: they are edited on a deployed site.
// Usage: node scripts/postbuild.mjs [DIR] (DIR defaults to $TRUNK_STAGING_DIR).
import { createHash } from "node:crypto";
import { spawn, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, readdirSync, statSync, mkdtempSync, rmSync, renameSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { extname, join, relative, resolve, sep } from "node:path";
import { brotliCompress, constants as zlib } from "node:zlib";
import { promisify } from "node:util";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) fail("no directory: pass one or run as trunk's post_build hook");

const sha256 = (data, encoding) => createHash("sha256").update(data).digest(encoding);
// The value of an integrity attribute for a file as shipped.
const sri = (data) => `sha384-${createHash("sha384").update(data).digest("base64")}`;
function fail(why) {
  console.error(`postbuild: ${why}`);
  process.exit(1);
}

const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

// ----- 0. the WebAssembly split by page ----------------------------------------------------
// Trunk has run wasm-bindgen and wasm-opt on the whole module, with no hook in between
// (trunk-rs/trunk#1022). The splitter needs cargo's own output, linked with
// --emit-relocs (.cargo/config.toml), so it is redone here from that output:
// wasm-split-cli, then wasm-bindgen on the main part, then wasm-opt on every part.
// The parts get names with a hash of their bytes, so a new version never meets an old part
// in a cache.
async function splitWasm() {
  const stem = readdirSync(dir).find((f) => f.endsWith("_bg.wasm"))?.slice(0, -"_bg.wasm".length);
  if (!stem || !readdirSync(dir).includes(`${stem}.js`)) fail("no <name>.js and <name>_bg.wasm from trunk");
  const source = resolve(process.env.TRUNK_SOURCE_DIR || ".");
  const target = resolve(source, process.env.CARGO_TARGET_DIR || "target");
  const profile = process.env.TRUNK_PROFILE === "debug" ? "debug" : "release";
  const input = join(target, "wasm32-unknown-unknown", profile, "spire.wasm");
  const work = mkdtempSync(join(tmpdir(), "spire-split-"));
  try {
    await run("wasm-split-cli", [input, work, "--out-name", stem, "--target", "web"]);
    await run("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports",
      "--out-dir", join(work, "bindgen"), "--out-name", stem, join(work, `${stem}.wasm`)]);
    const parts = readdirSync(work).filter((f) => f.endsWith(".wasm") && f !== `${stem}.wasm`);
    if (parts.length === 0) fail("the splitter made no parts: is a page marked with #[wasm_split]?");
    // The main part with trunk's flags (index.html), the parts with the same level.
    const jobs = [[join(work, "bindgen", `${stem}_bg.wasm`), join(dir, `${stem}_bg.wasm`), ["--low-memory-unused"]]];
    let link = readFileSync(join(work, "__wasm_split.js"), "utf8");
    // Each part's bytes whole rather than streamed, for the reason given at step 1 below
    // for the main part: a streamed part is decoded on the main thread as it arrives. And
    // each is compiled as soon as its bytes are here, while the files it needs are still
    // coming: the splitter's loader compiles a part only once those are instantiated.
    const streamed = /src\.catch\(\(\) => \{\}\);(\s*)return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);/g;
    if (!link.match(streamed)) fail("the splitter's loader has changed: no instantiateStreaming");
    link = link.replace(streamed, "const compiled = compileWhole(src);$1return async (imports) => compiled.then((module) => WebAssembly.instantiate(module, imports));");
    if (link.includes("instantiateStreaming")) fail("the splitter's loader streams a part this step did not change");
    link += `
function compileWhole(src) {
    const compiled = src.then(wholeBytes).then((bytes) => WebAssembly.compile(bytes));
    compiled.catch(() => {});
    return compiled;
}
function wholeBytes(response) {
    if (!response.ok) throw new Error(\`\${response.url}: \${response.status}\`);
    return response.arrayBuffer();
}
`;
    for (const part of parts) {
      const bytes = readFileSync(join(work, part));
      const named = `${part.slice(0, -5)}-${sha256(bytes, "hex").slice(0, 16)}.wasm`;
      if (!link.includes(`"./${part}"`)) fail(`the splitter's loader does not name ${part}`);
      link = link.replaceAll(`"./${part}"`, `"./${named}"`);
      jobs.push([join(work, part), join(dir, named), []]);
    }
    await optimise(jobs);
    const loader = await minify(link, true);
    let js = readFileSync(join(work, "bindgen", `${stem}.js`), "utf8");
    // Only the imports: the module's import object keeps the name the wasm asks for.
    if (!js.includes('from "./__wasm_split.js"')) fail("the main part does not import the splitter's loader");
    js = await minify(js.replaceAll('from "./__wasm_split.js"', 'from "./__spire_loader.js"'), true);
    // Trunk named the main module and its script by a hash of trunk's own output, which
    // this step replaces; they are named again by a hash of what is shipped, so a cache that
    // keeps hashed files for good (README, "Deploying") never holds an old file under a new
    // build's name.
    const mainWasm = join(dir, `${stem}_bg.wasm`);
    const shippedStem = `spire-${createHash("sha256").update(readFileSync(mainWasm)).update(js).update(loader).digest("hex").slice(0, 16)}`;
    // Only the files' names: the wasm's imports keep the module names it was built with.
    const renamed = (text) =>
      text.replaceAll(`${stem}.js`, `${shippedStem}.js`).replaceAll(`${stem}_bg.wasm`, `${shippedStem}_bg.wasm`);
    const shippedLoader = renamed(loader);
    const linkName = `wasm-split-${sha256(shippedLoader, "hex").slice(0, 16)}.js`;
    writeFileSync(join(dir, linkName), shippedLoader);
    js = renamed(js.replaceAll('"./__spire_loader.js"', `"./${linkName}"`));
    renameSync(mainWasm, join(dir, `${shippedStem}_bg.wasm`));
    rmSync(join(dir, `${stem}.js`));
    writeFileSync(join(dir, `${shippedStem}.js`), js);
    if (html.split(stem).length < 3) fail(`index.html names ${stem} fewer than twice`);
    html = renamed(html);
    if (html.includes(stem)) fail(`index.html names ${stem} other than as its script and wasm`);
    // Trunk's preload of the main script carries the hash of trunk's own script.
    const integrity = new RegExp(`(href="\\./${shippedStem}\\.js"[^>]*integrity=")sha384-[^"]*(")`);
    if (!integrity.test(html)) fail(`index.html has no preload of ${stem}.js with an integrity`);
    html = html.replace(integrity, `$1${sri(js)}$2`);
    writeFileSync(join(dir, "wasm-split.json"), JSON.stringify(partsByPage(link), null, 1));
    return parts.length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Runs a tool of the build; a failure stops the build with its name.
function run(cmd, args) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", (e) => fail(`${cmd}: ${e.message}; run scripts/setup.sh for the tools`));
    child.on("exit", (code) => (code === 0 ? done() : fail(`${cmd} ${args.join(" ")}: exit ${code}`)));
  });
}

// A script as it is shipped: terser (npm, pinned in package.json) without comments and
// with short local names, which roughly halves what each script sends after gzip. Names
// other code uses stay: a module's exports, a classic script's globals, every property.
async function minify(code, module) {
  const terser = await npmTool("terser");
  const out = await terser.minify(code, { module, ecma: module ? 2020 : 5, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) fail("terser returned nothing");
  return out.code;
}

// A build tool from npm (package.json), or a failure that says how to get it.
async function npmTool(name) {
  try {
    return await import(name);
  } catch (e) {
    return fail(`${name}: ${e.message}; run scripts/setup.sh for the tools`);
  }
}

// wasm-opt on every part, as many at once as there are cores.
async function optimise(jobs) {
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [from, to, extra] = job;
      await run("wasm-opt", ["-Oz", ...extra, from, "-o", to]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
}

// Which files each part of the app needs, from the splitter's loader: for `make bench`'s
// count of a page's first load.
function partsByPage(link) {
  const chunks = {};
  for (const m of link.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    chunks[m[1]] = m[2];
  }
  const parts = {};
  for (const m of link.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(([\s\S]*?), \[([^\]]*)\]\)\);/g)) {
    const own = m[2].match(/"\.\/([^"]+)"/);
    const deps = m[3].split(",").map((d) => d.trim()).filter(Boolean).map((d) => chunks[d]);
    if (deps.includes(undefined)) fail(`the splitter's loader names an unknown chunk for ${m[1]}`);
    parts[m[1]] = [...deps, ...(own ? [own[1]] : [])];
  }
  if (Object.keys(parts).length === 0) fail("no parts found in the splitter's loader");
  return parts;
}

const partCount = await splitWasm();

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

// boot.js is on the way to the first paint: shipped minified (see `minify`). The service
// worker is not (step 3 fills in its lines, and it is fetched after the page has started).
const bootPath = join(dir, "boot.js");
writeFileSync(bootPath, await minify(readFileSync(bootPath, "utf8"), false));

// The stylesheet blocks the first paint: shipped minified too (csso, npm, pinned; without
// its restructuring, which may move rules, so the cascade stays as written), under a name
// that hashes what is shipped, with the integrity trunk gave it brought up to date.
const cssLink = /<link rel="stylesheet" href="\.\/(style-[0-9a-f]+\.css)" integrity="sha384-[^"]*"\s*\/?>/;
const cssMatch = html.match(cssLink);
if (!cssMatch) fail("index.html links no style-<hash>.css with an integrity: has trunk's output changed?");
const css = (await npmTool("csso")).minify(readFileSync(join(dir, cssMatch[1]), "utf8"), { restructure: false }).css;
const cssName = `style-${sha256(css, "hex").slice(0, 16)}.css`;
rmSync(join(dir, cssMatch[1]));
writeFileSync(join(dir, cssName), css);
html = html.replace(cssLink, `<link rel="stylesheet" href="./${cssName}" integrity="${sri(css)}"/>`);

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
  .filter((file) => file !== "sw.js" && file !== "wasm-split.json" && !file.startsWith("lessons/schema/"))
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

// ----- 4. compressed copies for servers that send them as they are -----------------------
// A server compresses on the fly at a fast setting (nginx's default gzip level is 1); a
// copy made here once is smaller: brotli at quality 11 sends about a quarter less than
// gzip -9 for this app. Only the app's own files, which a new build replaces whole; a
// content file edited on the site must never be shadowed by an old copy of itself. A copy
// is kept only where it is smaller than its file.
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".wasm", ".svg", ".webmanifest"]);
const compress = promisify(brotliCompress);
// The service worker's list (step 3) has every file but the worker itself.
const own = [...files, "sw.js"]
  .filter((file) => !file.startsWith("lessons/") && COMPRESSIBLE.has(extname(file)))
  .map((file) => join(dir, file));
let copies = 0;
await Promise.all(
  own.map(async (path) => {
    const body = readFileSync(path);
    const br = await compress(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    // gzip itself: at -9 it beats node's zlib by a few KB on the wasm. -n: no name or time
    // in the copy, so the same build writes the same bytes.
    const gz = execFileSync("gzip", ["-9", "-n", "-c", path], { maxBuffer: 1 << 28 });
    for (const [copy, ext] of [[br, ".br"], [gz, ".gz"]]) {
      if (copy.length >= body.length) continue;
      writeFileSync(path + ext, copy);
      copies += 1;
    }
  })
);

console.log(`postbuild: wasm in ${partCount + 1} parts; CSP with ${hashes.length} script hash(es); sw.js ${version}, ${files.length + 1} files; ${copies} compressed copies`);
