/* The production add-in: `ADDIN_URL=https://loans.example.com/addin/ npm run build`, built
 * here once into a temporary folder (ADDIN_OUT) so the shared dist/ stays the development
 * build the other tests use; its manifest checked offline for that host, its pages for
 * Microsoft's CDN, no "localhost" anywhere; `npm run package`'s zip read back with JSZip (an
 * independent zip reader); ADDIN_URL's validation; and the development build unchanged. */
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { checkManifest, DEV_BASE } from "./manifest-check";

interface AddinHost {
  OFFICE_CDN: string;
  CDN_OFFICE_JS: string;
  CDN_CUSTOM_FUNCTIONS_RUNTIME: string;
  parseAddinUrl(raw: string): string;
  manifestVersion(version: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require("../scripts/addin-host.cjs") as AddinHost;

const root = path.resolve(__dirname, "..");
const webpackCli = require.resolve("webpack-cli/bin/cli.js");
const BASE = "https://loans.example.com/addin/";
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };

let out = "";
let work = "";

/** `webpack --mode production` of the add-in alone, with these environment variables. */
function build(env: Record<string, string>): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [webpackCli, "--mode", "production", "--config-name", "addin"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

/** Every file under `dir`, as paths relative to it with "/" separators. */
function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

function read(file: string): string {
  return fs.readFileSync(path.join(out, file), "utf8");
}

/** The src of each <script> of a (minified) page, in order. */
function scripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]);
}

/** The page's content security policy as directive → sources. */
function csp(html: string): Map<string, string[]> {
  const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/.exec(html);
  expect(meta).not.toBeNull();
  return new Map(
    (meta?.[1] ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== "")
      .map((d) => [d[0], d.slice(1)]),
  );
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "loan-deploy-"));
  out = path.join(work, "addin");
  // A used folder: what an earlier development build left must not be uploaded.
  fs.mkdirSync(path.join(out, "engine"), { recursive: true });
  for (const stale of ["engine/cli.js", "preview.js", "taskpane.js.map", "office-js.txt"])
    fs.writeFileSync(path.join(out, stale), "// stale\n");
  const run = build({ ADDIN_URL: BASE, ADDIN_OUT: out });
  if (run.status !== 0) throw new Error(`the production build failed:\n${String(run.stdout)}${String(run.stderr)}`);
});

afterAll(() => {
  if (work !== "") fs.rmSync(work, { recursive: true, force: true });
});

describe("ADDIN_URL=https://loans.example.com/addin/ npm run build", () => {
  it("holds only the files to upload (built into a used folder): the pages, scripts, stylesheet, icons and manifest", () => {
    const all = files(out);
    const allowed = [
      /^functions\.(html|js|json)$/,
      /^taskpane\.html$/,
      /^taskpane\.[0-9a-f]{8}\.(js|css)$/,
      /^(functions|taskpane\.[0-9a-f]{8})\.js\.LICENSE\.txt$/,
      /^assets\/icon-\d+\.png$/,
      /^manifest\.xml$/,
    ];
    expect(all.filter((f) => !allowed.some((re) => re.test(f)))).toEqual([]);
    for (const required of ["functions.html", "functions.js", "functions.json", "taskpane.html", "manifest.xml"]) {
      expect(all).toContain(required);
    }
    // No local Office.js, no preview (it carries HyperFormula), no source maps.
    expect(all.filter((f) => /office-js|preview|\.map$/.test(f))).toEqual([]);
  });

  it("runs the very code the bundle and engine tests check: functions.js, functions.json and the pane's script as in dist/", () => {
    // The shared dist/ is the development add-in built from the same sources (global setup).
    const dist = path.join(root, "dist");
    for (const file of ["functions.js", "functions.json"]) {
      expect([file, fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(dist, file)))]).toEqual([
        file,
        true,
      ]);
    }
    // The task pane's script differs only in the name of its licence file, on the first line.
    const pane = files(out).find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f)) ?? "";
    const body = (file: string): string =>
      fs.readFileSync(file, "utf8").replace(/^\/\*! For license information.*\n/, "");
    expect(body(path.join(out, pane))).toBe(body(path.join(dist, "taskpane.js")));
    expect(body(path.join(out, pane)).length).toBeGreaterThan(10000);
  });

  it("never contains localhost, in any file", () => {
    for (const file of files(out)) {
      expect([file, /localhost|127\.0\.0\.1/i.test(fs.readFileSync(path.join(out, file), "latin1"))]).toEqual([
        file,
        false,
      ]);
    }
  });

  it("has a manifest that passes the offline checks for its host, every URL naming a built file", () => {
    expect(checkManifest(read("manifest.xml"), path.join(out, "assets"), { base: BASE, filesDir: out })).toEqual([]);
  });

  it("has a manifest whose version follows package.json", () => {
    expect(read("manifest.xml")).toContain(`<Version>${pkg.version}.0</Version>`);
    expect(
      checkManifest(read("manifest.xml"), path.join(out, "assets"), { base: BASE, version: `${pkg.version}.0` }),
    ).toEqual([]);
  });

  it("has a manifest that names only the host, and is manifest.xml moved there", () => {
    const xml = read("manifest.xml");
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
    const withoutComment = (text: string): string => text.replace(/<!--[\s\S]*?-->\s*/, "");
    const dev = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
    expect(withoutComment(xml).split(BASE).join(DEV_BASE)).toBe(withoutComment(dev));
  });

  it("keeps the manifest's URLs stable: functions.json, functions.js and the pages by their plain names", () => {
    const xml = read("manifest.xml");
    for (const name of ["functions.js", "functions.json", "functions.html", "taskpane.html"]) {
      expect(xml).toContain(`"${BASE}${name}"`);
    }
  });

  it("loads Office.js from Microsoft's CDN in the task pane, then its own content-hashed script", () => {
    const html = read("taskpane.html");
    const [office, own, ...rest] = scripts(html);
    expect(office).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(office).toBe(host.CDN_OFFICE_JS);
    expect(own).toMatch(/^taskpane\.[0-9a-f]{8}\.js$/);
    expect(rest).toEqual([]);
    expect(fs.existsSync(path.join(out, own))).toBe(true);
    const css = /<link rel="?stylesheet"? href="?([^"\s>]+)/.exec(html)?.[1] ?? "";
    expect(css).toMatch(/^taskpane\.[0-9a-f]{8}\.css$/);
    // The stylesheet is copied as is: its name carries the SHA-256 of its source.
    const source = fs.readFileSync(path.join(root, "src", "taskpane", "taskpane.css"));
    expect(css).toBe(`taskpane.${crypto.createHash("sha256").update(source).digest("hex").slice(0, 8)}.css`);
  });

  it("loads the custom functions runtime from Microsoft's CDN, then functions.js with a version query", () => {
    const [runtime, own, ...rest] = scripts(read("functions.html"));
    expect(runtime).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js");
    expect(runtime).toBe(host.CDN_CUSTOM_FUNCTIONS_RUNTIME);
    expect(own).toMatch(/^functions\.js\?[0-9a-f]{16,}$/);
    expect(rest).toEqual([]);
  });

  it.each(["taskpane.html", "functions.html"])("%s allows scripts from itself and exactly Microsoft's CDN", (page) => {
    const policy = csp(read(page));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    const origins = [...policy.values()].flat().filter((source) => /^https?:/.test(source));
    expect(origins).toEqual([host.OFFICE_CDN]);
  });
});

describe("ADDIN_URL is checked", () => {
  it.each([
    ["http://loans.example.com/addin/", /must use https/],
    ["https://loans.example.com/addin", /must end with "\/"/],
    ["https://loans.example.com/addin/?v=1", /must not have a query/],
    ["https://loans.example.com/addin/#top", /must not have a fragment/],
    ["https://me:secret@loans.example.com/addin/", /user name or password/],
    ["loans.example.com/addin/", /is not an absolute URL/],
    ["https://localhost:3000/", /names this machine/],
    ["https://127.0.0.1/addin/", /names this machine/],
    ["https://loans.example.com/a&b/", /has characters in its path/],
  ])("%s is refused", (value, why) => {
    expect(() => host.parseAddinUrl(value)).toThrow(why);
    expect(() => host.parseAddinUrl(value)).toThrow(/for example ADDIN_URL=https:\/\/loans\.example\.com\/addin\//);
  });

  it.each([
    ["https://loans.example.com/addin/", "https://loans.example.com/addin/"],
    ["https://Loans.Example.COM/", "https://loans.example.com/"],
    ["  https://cdn.example.com:8443/tools/loan/  ", "https://cdn.example.com:8443/tools/loan/"],
  ])("%s is accepted as %s", (value, base) => {
    expect(host.parseAddinUrl(value)).toBe(base);
  });

  it("the build stops with the reason, and no stack trace, on a bad ADDIN_URL", () => {
    const run = build({ ADDIN_URL: "http://loans.example.com/addin", ADDIN_OUT: path.join(work, "never") });
    expect(run.status).not.toBe(0);
    expect(String(run.stderr) + String(run.stdout)).toMatch(
      /ADDIN_URL "http:\/\/loans\.example\.com\/addin" must use https/,
    );
    expect(String(run.stderr)).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(work, "never"))).toBe(false);
  });

  it("a package.json version the manifest cannot hold is refused", () => {
    expect(host.manifestVersion("1.2.3")).toBe("1.2.3.0");
    expect(() => host.manifestVersion("1.2.3-beta.1")).toThrow(/cannot be a manifest <Version>/);
    expect(() => host.manifestVersion("1.2")).toThrow(/cannot be a manifest <Version>/);
  });
});

describe("npm run package", () => {
  const script = path.join(root, "scripts", "package.mjs");
  const runPackage = (dir: string, args: string[]): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, [script, ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ADDIN_OUT: dir },
    });

  it("zips the production build with its manifest, and nothing of dist/engine/", async () => {
    // A build of `npm run build` also has the command-line engine beside the add-in.
    fs.mkdirSync(path.join(out, "engine"), { recursive: true });
    fs.writeFileSync(path.join(out, "engine", "cli.js"), "// the engine\n");
    const zipFile = path.join(work, "addin.zip");
    const run = runPackage(out, ["-o", zipFile]);
    fs.rmSync(path.join(out, "engine"), { recursive: true });
    expect(run.status).toBe(0);
    expect(String(run.stdout)).toContain(`for ${BASE}`);
    const archive = await JSZip.loadAsync(fs.readFileSync(zipFile));
    const names = Object.values(archive.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(names).toEqual(files(out));
    expect(names).toContain("manifest.xml");
    for (const name of names) {
      const data = await archive.file(name)?.async("nodebuffer");
      expect([name, data?.equals(fs.readFileSync(path.join(out, name)))]).toEqual([name, true]);
    }
  });

  it("refuses a folder that holds no production build", () => {
    const empty = path.join(work, "empty");
    fs.mkdirSync(empty, { recursive: true });
    const run = runPackage(empty, ["-o", path.join(work, "no.zip")]);
    expect(run.status).toBe(2);
    expect(String(run.stderr)).toMatch(/holds no production build.*\n.*ADDIN_URL=https:\/\/host\/path\/ npm run build/);
    expect(fs.existsSync(path.join(work, "no.zip"))).toBe(false);
  });

  it("refuses a development manifest", () => {
    const dev = path.join(work, "dev");
    fs.mkdirSync(dev, { recursive: true });
    fs.copyFileSync(path.join(root, "manifest.xml"), path.join(dev, "manifest.xml"));
    const run = runPackage(dev, ["-o", path.join(work, "dev.zip")]);
    expect(run.status).toBe(2);
    expect(String(run.stderr)).toMatch(/names localhost: it is not a production build/);
  });
});

describe("without ADDIN_URL the build stays the offline development add-in (the shared dist/)", () => {
  const dist = path.join(root, "dist");

  it("loads Office.js and the runtime from its own origin, with a policy allowing no other", () => {
    const taskpane = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const functions = fs.readFileSync(path.join(dist, "functions.html"), "utf8");
    expect(scripts(taskpane)).toEqual(["office-js/office.js", "taskpane.js"]);
    expect(scripts(functions)).toEqual(["office-js/custom-functions-runtime.js", "functions.js"]);
    for (const page of [taskpane, functions]) {
      expect(csp(page).get("script-src")).toEqual(["'self'"]);
      expect([...csp(page).values()].flat().filter((source) => /^https?:/.test(source))).toEqual([]);
    }
    expect(fs.existsSync(path.join(dist, "office-js", "office.js"))).toBe(true);
    expect(fs.existsSync(path.join(dist, "office-js", "custom-functions-runtime.js"))).toBe(true);
  });

  it("keeps the preview and writes no manifest.xml into dist/ (npm start serves manifest.xml itself)", () => {
    expect(fs.existsSync(path.join(dist, "preview.html"))).toBe(true);
    expect(fs.existsSync(path.join(dist, "manifest.xml"))).toBe(false);
  });
});
