#!/usr/bin/env node
// @ts-check
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
 * on Linux, or when that fails, the server carries on and prints how to do it by hand.
 *
 * The parts, one concern a file: start/certificates.mjs, start/build.mjs, start/server.mjs
 * (paths shared in start/common.mjs). Plain JavaScript, so `npm start` needs no compile step
 * on Node 20; `// @ts-check` and tsconfig.scripts.json type-check it in `npm run lint`. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "./start/build.mjs";
import { ensureCertificates } from "./start/certificates.mjs";
import { DEFAULT_PORT, DIST, errorMessage, HOST, MANIFEST, ROOT } from "./start/common.mjs";
import { createServer, listen } from "./start/server.mjs";

/** @typedef {{ build: boolean, watch: boolean, port: number, installCa: boolean }} Options */

// ------------------------------------------------------------------ arguments

/** The options part of the comment above. */
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

/**
 * @param {string[]} argv
 * @returns {Options}
 */
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

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`start: ${message}`);
  process.exit(1);
}

// ------------------------------------------------------------------ messages

/**
 * Where everything is, how to trust the CA, how to sideload.
 * @param {number} port
 * @param {import("./start/certificates.mjs").Certificates} certs
 */
function banner(port, certs) {
  const base = `https://localhost:${port}`;
  const home = os.homedir();
  /** @param {string} p */
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
  const caFile = short(certs.ca);
  lines.push(
    "Trust the CA once (browsers and Excel refuse the add-in otherwise):",
    `  Linux         sudo cp ${caFile} /usr/local/share/ca-certificates/office-addin-dev-ca.crt` +
      " && sudo update-ca-certificates",
    `                Chrome/Edge: certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i ${caFile}`,
    `                (or open ${base}/ once and accept the warning; Firefox: Settings > Certificates > Import)`,
    "  Windows/Mac   npx office-addin-dev-certs install",
    "Sideload manifest.xml into Excel:",
    "  on the web    Home > Add-ins > More Add-ins > Upload My Add-in, then choose manifest.xml",
    "  Windows       npm run start:desktop, or put manifest.xml in a shared folder added as a Trusted Add-in Catalog",
    "  Mac           npm run start:desktop, or copy manifest.xml to " +
      "~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
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

  /** @type {import("./start/certificates.mjs").Certificates} */
  let certs;
  try {
    certs = await ensureCertificates(options);
  } catch (error) {
    fail(`could not create the development certificates: ${errorMessage(error)}`);
  }

  const state = { ready: !mustBuild, port: options.port };
  const server = createServer(certs.tls, state);
  try {
    await listen(server, options.port);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === "EADDRINUSE") {
      fail(
        `port ${options.port} is already in use (is another \`npm start\` or dev server running?).\n` +
          `  Stop it (npm run stop:desktop stops one started by start:desktop), or free the port, then try again.\n` +
          `  To run a second server anyway: npm start -- --port 3001 (manifest.xml expects ${DEFAULT_PORT}).`,
      );
    }
    if (code === "EACCES") fail(`not allowed to listen on port ${options.port}; choose another with --port`);
    fail(`cannot listen on ${HOST}:${options.port}: ${errorMessage(error)}`);
  }

  let stopWatching = async () => {};
  let stopping = false;
  /** @param {NodeJS.Signals} signal */
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
      fail(errorMessage(error));
    }
    state.ready = true;
  }
  console.log(banner(options.port, certs));
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
