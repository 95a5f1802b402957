#!/usr/bin/env node
/* `npm start`: builds the add-in in development mode (and rebuilds on change), makes
 * sure the Office dev certificates exist, and serves dist/ on https://localhost:3000,
 * bound to 127.0.0.1 only. Prints where everything is, how to trust the certificate
 * authority and how to sideload manifest.xml. Ctrl-C stops it.
 *
 *   node scripts/start.mjs [--no-build] [--no-watch] [--port N] [--no-install-ca]
 *
 *   --no-build       serve dist/ as it is (`npm run dev-server`); builds once if dist/ is missing
 *   --no-watch       build once, do not rebuild when sources change
 *   --port N         listen on N instead of 3000 (manifest.xml expects 3000)
 *   --no-install-ca  on Windows and macOS, do not offer to add the CA to the user's trust store
 *
 * The certificates come from office-addin-dev-certs (CA + localhost certificate in
 * ~/.office-addin-dev-certs). Adding the CA to the system trust store is attempted only
 * where it needs no administrator rights (Windows current user, macOS login keychain);
 * on Linux, or when that fails, the server carries on and prints how to do it by hand. */
import crypto from "node:crypto";
import fs from "node:fs";
import https from "node:https";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const MANIFEST = path.join(ROOT, "manifest.xml");
const HOST = "127.0.0.1";
const DEFAULT_PORT = 3000;

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "text/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

// ------------------------------------------------------------------ arguments

function usage() {
  return (
    "Usage:\n" +
    fs
      .readFileSync(fileURLToPath(import.meta.url), "utf8")
      .split("\n")
      .filter((line) => /^ \* {3}/.test(line))
      .map((line) => line.slice(3))
      .join("\n")
  );
}

function parseArgs(argv) {
  const options = { build: true, watch: true, port: DEFAULT_PORT, installCa: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--no-build") options.build = false;
    else if (arg === "--no-watch") options.watch = false;
    else if (arg === "--no-install-ca") options.installCa = false;
    else if (arg === "--port" || arg.startsWith("--port=")) {
      const value = arg === "--port" ? argv[++i] : arg.slice("--port=".length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        fail(`--port needs a port number (1-65535), got "${value ?? ""}"`);
      options.port = port;
    } else if (arg === "--help" || arg === "-h") {
      console.log(usage());
      process.exit(0);
    } else fail(`unknown option ${arg}\n${usage()}`);
  }
  return options;
}

function fail(message) {
  console.error(`start: ${message}`);
  process.exit(1);
}

// ------------------------------------------------------------------ certificates

/** Why the certificate files cannot be used as they are, or undefined if they can. */
function certificateProblem(files) {
  for (const file of [files.ca, files.cert, files.key]) {
    if (!fs.existsSync(file)) return `${path.basename(file)} is missing`;
  }
  try {
    const ca = new crypto.X509Certificate(fs.readFileSync(files.ca));
    const cert = new crypto.X509Certificate(fs.readFileSync(files.cert));
    const key = crypto.createPrivateKey(fs.readFileSync(files.key));
    const tomorrow = Date.now() + 24 * 60 * 60 * 1000;
    if (Date.parse(ca.validTo) < tomorrow) return "the CA certificate expires within a day";
    if (Date.parse(cert.validTo) < tomorrow) return "the localhost certificate expires within a day";
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey))
      return "the localhost certificate was not issued by ca.crt";
    if (!cert.checkPrivateKey(key)) return "localhost.key does not match localhost.crt";
    if (cert.checkHost("localhost") === undefined) return "the certificate is not for localhost";
  } catch (error) {
    return `the certificate files cannot be read (${error.message})`;
  }
  return undefined;
}

/** Is this CA file among the ones update-ca-certificates / update-ca-trust pick up? */
function trustedOnLinux(caPem) {
  const dirs = [
    "/usr/local/share/ca-certificates",
    "/etc/ca-certificates/trust-source/anchors",
    "/etc/pki/ca-trust/source/anchors",
  ];
  const same = (file) => {
    try {
      return fs.readFileSync(file, "utf8").trim() === caPem.trim();
    } catch {
      return false;
    }
  };
  for (const dir of dirs) {
    let entries = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        try {
          if (fs.readdirSync(full).some((name) => same(path.join(full, name)))) return true;
        } catch {
          /* unreadable: not ours */
        }
      } else if (same(full)) return true;
    }
  }
  return false;
}

/** Makes sure the dev CA and localhost certificate exist and are valid; generates them
 * into office-addin-dev-certs' default folder if not. Never calls anything needing sudo. */
async function ensureCertificates(options) {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const files = {
    dir: defaults.certificateDirectory,
    ca: defaults.caCertificatePath,
    cert: defaults.localhostCertificatePath,
    key: defaults.localhostKeyPath,
  };
  const problem = certificateProblem(files);
  if (problem !== undefined) {
    console.log(`Creating development certificates in ${files.dir} (${problem})...`);
    // generateCertificates() writes nothing if ca.crt is already there: start clean.
    for (const file of [files.ca, files.cert, files.key]) fs.rmSync(file, { force: true });
    await devCerts.generateCertificates();
    const still = certificateProblem(files);
    if (still !== undefined) throw new Error(`the generated certificates are not usable: ${still}`);
  }
  const pem = fs.readFileSync(files.ca, "utf8");
  let trusted = "unknown";
  if (process.platform === "linux") {
    trusted = trustedOnLinux(pem) ? "yes" : "no";
  } else if ((process.platform === "win32" || process.platform === "darwin") && options.installCa && !process.env.CI) {
    try {
      if (!devCerts.isCaCertificateInstalled()) await devCerts.installCaCertificate(files.ca, false);
      trusted = "yes";
    } catch (error) {
      console.warn(
        `Could not add the CA to your trust store (${String(error?.message ?? error).split("\n")[0]}); carrying on.`,
      );
      trusted = "no";
    }
  }
  return {
    ...files,
    trusted,
    validTo: new crypto.X509Certificate(fs.readFileSync(files.cert)).validTo,
    tls: { ca: pem, cert: fs.readFileSync(files.cert), key: fs.readFileSync(files.key) },
  };
}

// ------------------------------------------------------------------ build

/** One development build of dist/ with the project's webpack.config.js, exactly what
 * `webpack --mode development` does. Resolves to true if it succeeded. */
function buildOnce(label) {
  const webpack = require("webpack");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const compiler = webpack(makeConfig({ WEBPACK_BUNDLE: true, WEBPACK_BUILD: true }, { mode: "development" }));
  const started = Date.now();
  return new Promise((resolve) => {
    compiler.run((error, stats) => {
      compiler.close(() => {
        if (error || stats.hasErrors()) {
          console.error(`Build failed:\n${error ? error.message : stats.toString("errors-only")}`);
          resolve(false);
          return;
        }
        if (stats.hasWarnings()) console.warn(stats.toString("errors-warnings"));
        console.log(`${label} dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        resolve(true);
      });
    });
  });
}

/** Builds dist/ once; with `watch`, rebuilds it whenever src/ or assets/ change. Each
 * rebuild is a fresh compiler: webpack's own watch mode reuses html-webpack-plugin's
 * child compilation, which then emits a stale functions.json beside the new one and
 * fails ("Multiple assets emit different content to the same filename"). While a
 * rebuild runs, `state.ready` is false and the server answers 503. Resolves to a
 * function that stops watching; rejects if the first build fails. */
async function build(watch, state) {
  console.log(`Building dist/ (development${watch ? ", rebuilt when src/ or assets/ change" : ""})...`);
  if (!(await buildOnce("Built"))) throw new Error("the build failed");
  if (!watch) return async () => {};

  let timer;
  let running = false;
  let again = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    state.ready = false;
    await buildOnce(`Rebuilt (${new Date().toLocaleTimeString()})`);
    state.ready = true;
    running = false;
    if (again) {
      again = false;
      void rebuild();
    }
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 300);
  };
  const watchers = [];
  try {
    watchers.push(fs.watch(path.join(ROOT, "src"), { recursive: true }, changed));
    watchers.push(fs.watch(path.join(ROOT, "assets"), changed));
  } catch (error) {
    console.warn(`Not watching for changes (${error.message}); restart to rebuild.`);
  }
  return async () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}

// ------------------------------------------------------------------ server

/** Maps a request path to a file it may serve, or to an HTTP error status. */
function resolveRequest(rawUrl) {
  const pathname = (rawUrl ?? "/").split(/[?#]/, 1)[0];
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (!decoded.startsWith("/") || decoded.includes("\0") || decoded.includes("\\")) return { status: 400 };
  if (decoded.split("/").includes("..")) return { status: 403 };
  if (decoded === "/") return { index: true };
  if (decoded === "/manifest.xml") return { file: MANIFEST };
  const file = path.resolve(DIST, `.${decoded}`);
  if (!file.startsWith(DIST + path.sep)) return { status: 403 };
  return { file };
}

const STATUS_TEXT = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

const COMMON_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  // Excel on the web fetches the add-in's files from its own origin.
  "Access-Control-Allow-Origin": "*",
};

function sendText(res, status, extra = {}) {
  const body = `${status} ${STATUS_TEXT[status] ?? ""}\n`;
  res.writeHead(status, {
    ...COMMON_HEADERS,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    ...extra,
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

function indexPage(port) {
  const base = `https://localhost:${port}`;
  const links = ["taskpane.html", "functions.json", "functions.js", "functions.html", "manifest.xml"]
    .map((name) => `<li><a href="${base}/${name}">${name}</a></li>`)
    .join("");
  return `<!doctype html><meta charset="utf-8"><title>LOAN add-in dev server</title><h1>LOAN add-in dev server</h1><ul>${links}</ul>`;
}

/** Is this real (symlink-free) path one the server may send: manifest.xml or inside dist/? */
function servable(real) {
  try {
    if (real === fs.realpathSync(MANIFEST)) return true;
  } catch {
    /* no manifest.xml: fall through */
  }
  try {
    return real.startsWith(fs.realpathSync(DIST) + path.sep);
  } catch {
    return false;
  }
}

/** Answers one request: a file of dist/ (or manifest.xml), or an error status. */
function respond(req, res, state) {
  if (req.method === "OPTIONS") {
    // A CORS (or private-network) preflight from Excel on the web: allow reads.
    res.writeHead(204, {
      ...COMMON_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "*",
      ...(req.headers["access-control-request-private-network"] === "true"
        ? { "Access-Control-Allow-Private-Network": "true" }
        : {}),
      "Access-Control-Max-Age": "600",
    });
    return res.end();
  }
  if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, { Allow: "GET, HEAD, OPTIONS" });
  if (!state.ready) return sendText(res, 503, { "Retry-After": "5" });
  const target = resolveRequest(req.url);
  if (target.status !== undefined) return sendText(res, target.status);
  if (target.index) {
    const body = indexPage(state.port);
    res.writeHead(200, {
      ...COMMON_HEADERS,
      "Content-Type": CONTENT_TYPES[".html"],
      "Content-Length": Buffer.byteLength(body),
    });
    return res.end(req.method === "HEAD" ? undefined : body);
  }
  let stat;
  let real;
  try {
    real = fs.realpathSync(target.file);
    stat = fs.statSync(real);
  } catch {
    return sendText(res, 404);
  }
  if (!stat.isFile()) return sendText(res, 404);
  if (!servable(real)) return sendText(res, 403);
  res.writeHead(200, {
    ...COMMON_HEADERS,
    "Content-Type": CONTENT_TYPES[path.extname(real).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": stat.size,
  });
  if (req.method === "HEAD") return res.end();
  fs.createReadStream(real)
    .on("error", () => res.destroy())
    .pipe(res);
}

function createServer(tls, state) {
  return https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    try {
      respond(req, res, state);
    } catch (error) {
      console.error(`Error answering ${req.method} ${req.url}: ${error?.stack ?? error}`);
      if (res.headersSent) res.destroy();
      else sendText(res, 500);
    }
  });
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off("listening", onListening);
      reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, HOST);
  });
}

// ------------------------------------------------------------------ messages

function banner(port, certs) {
  const base = `https://localhost:${port}`;
  const home = os.homedir();
  const short = (p) => (p.startsWith(home + path.sep) ? `~${p.slice(home.length)}` : p);
  const trust = {
    yes: "in the system trust store",
    no: "not in the system trust store yet",
    unknown: "trust not checked",
  }[certs.trusted];
  const lines = [
    `LOAN add-in dev server listening on ${base} (bound to ${HOST}; Ctrl-C stops it)`,
    `  PREVIEW       ${base}/preview.html  <- open this to try the add-in without Excel`,
    `  task pane     ${base}/taskpane.html`,
    `  functions     ${base}/functions.json  (+ functions.js, functions.html)`,
    `  manifest      ${base}/manifest.xml  (file: ${MANIFEST})`,
    `  certificates  ${certs.dir}: ca.crt (${trust}), localhost.crt, localhost.key; valid until ${certs.validTo}`,
  ];
  if (port !== DEFAULT_PORT)
    lines.push(
      `  note          manifest.xml points at port ${DEFAULT_PORT}; Excel will not find this server on port ${port}`,
    );
  lines.push(
    "Trust the CA once (browsers and Excel refuse the add-in otherwise):",
    `  Linux         sudo cp ${short(certs.ca)} /usr/local/share/ca-certificates/office-addin-dev-ca.crt && sudo update-ca-certificates`,
    `                Chrome/Edge: certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${short(certs.ca)}`,
    `                (or open ${base}/ once and accept the warning; Firefox: Settings > Certificates > Import)`,
    "  Windows/Mac   npx office-addin-dev-certs install",
    "Sideload manifest.xml into Excel:",
    "  on the web    Home > Add-ins > More Add-ins > Upload My Add-in, then choose manifest.xml",
    "  Windows       npm run start:desktop, or put manifest.xml in a shared folder added as a Trusted Add-in Catalog",
    "  Mac           npm run start:desktop, or copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
  );
  return lines.join("\n");
}

// ------------------------------------------------------------------ main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  process.chdir(ROOT); // webpack.config.js names its entries relative to the project root
  const distBuilt = fs.existsSync(path.join(DIST, "functions.json")) && fs.existsSync(path.join(DIST, "taskpane.html"));
  if (!options.build && !distBuilt) console.log("dist/ is not built yet: building it once despite --no-build.");
  const mustBuild = options.build || !distBuilt;

  let certs;
  try {
    certs = await ensureCertificates(options);
  } catch (error) {
    fail(`could not create the development certificates: ${error.message}`);
  }

  const state = { ready: !mustBuild, port: options.port };
  const server = createServer(certs.tls, state);
  try {
    await listen(server, options.port);
  } catch (error) {
    if (error.code === "EADDRINUSE") {
      fail(
        `port ${options.port} is already in use (is another \`npm start\` or dev server running?).\n` +
          `  Stop it (npm run stop:desktop stops one started by start:desktop), or free the port, then try again.\n` +
          `  To run a second server anyway: npm start -- --port 3001 (manifest.xml expects ${DEFAULT_PORT}).`,
      );
    }
    if (error.code === "EACCES") fail(`not allowed to listen on port ${options.port}; choose another with --port`);
    fail(`cannot listen on ${HOST}:${options.port}: ${error.message}`);
  }

  let stopWatching = async () => {};
  let stopping = false;
  const stop = (signal) => {
    if (stopping) process.exit(130); // a second Ctrl-C: do not wait
    stopping = true;
    console.log(`\n${signal === "SIGINT" ? "Ctrl-C" : signal}: stopping the dev server.`);
    setTimeout(() => process.exit(0), 3000).unref();
    server.close();
    server.closeAllConnections();
    stopWatching().finally(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  if (mustBuild) {
    try {
      stopWatching = await build(options.build && options.watch, state);
    } catch (error) {
      server.close();
      fail(error.message);
    }
    state.ready = true;
  }
  console.log(banner(options.port, certs));
}

main().catch((error) => fail(error.stack ?? String(error)));
