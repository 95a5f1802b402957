// @ts-check
/* The https server: serves dist/ (and manifest.xml as /manifest.xml) read-only, bound to the
 * loopback address, with the headers Excel on the web needs (CORS and the private-network
 * preflight, for Office's hosts only).
 * While dist/ is being built it answers 503. */
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { DIST, HOST, MANIFEST } from "./common.mjs";

/** @typedef {import("./build.mjs").ServerState} ServerState */
/** @typedef {import("node:http").IncomingMessage} Request */
/** @typedef {import("node:http").ServerResponse<Request>} Response */

/** @type {Readonly<Record<string, string>>} */
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

/** @type {Readonly<Record<number, string>>} */
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
  // The CORS answer depends on the request's Origin (see corsHeaders).
  Vary: "Origin",
};

/**
 * The hosts of Office on the web, the only pages besides the add-in's own that read its
 * files (Excel on the web loads the add-in's pages and functions.json from them).
 */
const OFFICE_HOSTS = [".officeapps.live.com", ".office.com", ".office365.com", ".sharepoint.com", ".cloud.microsoft"];

/**
 * Whether a page of `origin` may read the server's files: an https origin on one of Office's
 * hosts. Any other page (a site the developer happens to visit) gets no CORS header, so its
 * scripts cannot read /engine/cli.js, the source maps or anything else served here.
 * @param {string | undefined} origin
 */
export function allowedOrigin(origin) {
  if (!origin) return false;
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.origin !== origin) return false;
  const host = url.hostname.toLowerCase();
  return OFFICE_HOSTS.some((suffix) => host.endsWith(suffix) || host === suffix.slice(1));
}

/**
 * The CORS headers for a request: its origin echoed when allowed, nothing otherwise.
 * @param {Request} req
 */
function corsHeaders(req) {
  const origin = req.headers.origin;
  return allowedOrigin(origin) ? { "Access-Control-Allow-Origin": /** @type {string} */ (origin) } : {};
}

/**
 * Maps a request path to a file it may serve, the index page, or an HTTP error status.
 * @param {string | undefined} rawUrl
 * @returns {{ status: number } | { index: true } | { file: string }}
 */
export function resolveRequest(rawUrl) {
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

/**
 * A plain-text status answer ("404 Not Found").
 * @param {Response} res
 * @param {number} status
 * @param {Record<string, string>} [extra] more headers
 */
function sendText(res, status, extra = {}) {
  const body = `${status} ${STATUS_TEXT[status] ?? ""}\n`;
  res.writeHead(status, {
    ...COMMON_HEADERS,
    ...corsHeaders(res.req),
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    ...extra,
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/** @param {number} port */
function indexPage(port) {
  const base = `https://localhost:${port}`;
  const links = ["preview.html", "taskpane.html", "functions.json", "functions.js", "functions.html", "manifest.xml"]
    .map((name) => `<li><a href="${base}/${name}">${name}</a></li>`)
    .join("");
  return (
    `<!doctype html><meta charset="utf-8"><title>LOAN add-in dev server</title>` +
    `<link rel="icon" type="image/png" href="/assets/icon-32.png">` +
    `<h1>LOAN add-in dev server</h1><ul>${links}</ul>`
  );
}

/**
 * Is this real (symlink-free) path one the server may send: manifest.xml or inside dist/?
 * @param {string} real
 */
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

/**
 * Answers one request: a file of dist/ (or manifest.xml), or an error status.
 * @param {Request} req
 * @param {Response} res
 * @param {ServerState} state
 */
function respond(req, res, state) {
  if (req.method === "OPTIONS") {
    // A CORS preflight: reads allowed to Office's hosts only. Office on the web is a public
    // site reaching this loopback server, so its browser asks for private-network access
    // too; that is granted to those hosts alone, and only when asked.
    if (!allowedOrigin(req.headers.origin)) return sendText(res, 403);
    res.writeHead(204, {
      ...COMMON_HEADERS,
      ...corsHeaders(req),
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "*",
      ...(req.headers["access-control-request-private-network"] === "true"
        ? { "Access-Control-Allow-Private-Network": "true" }
        : {}),
      "Access-Control-Max-Age": "600",
    });
    res.end();
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, { Allow: "GET, HEAD, OPTIONS" });
  if (!state.ready) return sendText(res, 503, { "Retry-After": "5" });
  const target = resolveRequest(req.url);
  if ("status" in target) return sendText(res, target.status);
  if ("index" in target) {
    const body = indexPage(state.port);
    res.writeHead(200, {
      ...COMMON_HEADERS,
      ...corsHeaders(req),
      "Content-Type": CONTENT_TYPES[".html"],
      "Content-Length": Buffer.byteLength(body),
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return;
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
    ...corsHeaders(req),
    "Content-Type": CONTENT_TYPES[path.extname(real).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": stat.size,
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  fs.createReadStream(real)
    .on("error", () => res.destroy())
    .pipe(res);
}

/**
 * The server over dist/; a request that throws gets a 500 (or a dropped connection).
 * @param {{ cert: Buffer, key: Buffer }} tls
 * @param {ServerState} state
 */
export function createServer(tls, state) {
  return https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    try {
      respond(req, res, state);
    } catch (error) {
      console.error(`Error answering ${req.method} ${req.url}: ${error instanceof Error ? error.stack : error}`);
      if (res.headersSent) res.destroy();
      else sendText(res, 500);
    }
  });
}

/**
 * Starts listening on HOST:port; rejects with the listen error (EADDRINUSE, EACCES...).
 * @param {https.Server} server
 * @param {number} port
 * @returns {Promise<void>}
 */
export function listen(server, port) {
  return new Promise((resolve, reject) => {
    /** @param {Error} error */
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
