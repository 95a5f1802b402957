/* scripts/start.mjs, for real: started with --no-build against the dist/ that the
 * global setup built, on a free port, it serves the add-in over https with a certificate
 * that the office-addin-dev-certs CA verifies, and serves nothing outside dist/. */
import * as fs from "fs";
import * as https from "https";
import { IncomingHttpHeaders } from "http";
import * as os from "os";
import * as path from "path";
import { freePort, startServer as start, stopServer as stop, waitFor, type Started } from "./dev-server";

const root = path.resolve(__dirname, "..");
/** office-addin-dev-certs' default folder, where start.mjs keeps the certificates. */
const caFile = path.join(os.homedir(), ".office-addin-dev-certs", "ca.crt");
const STARTUP_MS = 90_000;
const REQUEST_MS = 10_000;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** GET (or another method) over https, verifying the server against the dev CA (and the name "localhost"). */
function get(
  port: number,
  requestPath: string,
  ca: Buffer,
  method = "GET",
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        servername: "localhost",
        port,
        path: requestPath,
        method,
        headers,
        ca,
        agent: false,
        timeout: REQUEST_MS,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`GET ${requestPath} timed out`)));
    req.on("error", reject);
    req.end();
  });
}

describe("scripts/start.mjs --no-build", () => {
  let port = 0;
  let server: Started | undefined;
  let ca: Buffer;

  beforeAll(async () => {
    expect(fs.existsSync(path.join(root, "dist", "functions.json"))).toBe(true);
    port = await freePort();
    server = start(port);
    await waitFor(server, /listening on https:\/\/localhost:\d+/, STARTUP_MS);
    ca = fs.readFileSync(caFile);
  }, STARTUP_MS + 10_000);

  afterAll(async () => {
    await stop(server);
  });

  it("says where it listens", () => {
    expect(server?.output()).toContain(`listening on https://localhost:${port} (bound to 127.0.0.1`);
  });

  it("serves functions.json over https, verified by the dev CA", async () => {
    const reply = await get(port, "/functions.json", ca);
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/^application\/json/);
    const metadata = JSON.parse(reply.body) as { functions?: unknown[] };
    expect(Array.isArray(metadata.functions)).toBe(true);
    expect(metadata.functions?.length).toBeGreaterThan(0);
  });

  it("serves the task pane, the functions page and the icons with their content types", async () => {
    const expected: [string, RegExp][] = [
      ["/taskpane.html", /^text\/html/],
      ["/functions.html", /^text\/html/],
      ["/functions.js", /^text\/javascript/],
      ["/assets/icon-32.png", /^image\/png$/],
      ["/manifest.xml", /^text\/xml/],
    ];
    for (const [file, type] of expected) {
      const reply = await get(port, file, ca);
      expect([file, reply.status]).toEqual([file, 200]);
      expect(reply.headers["content-type"]).toMatch(type);
    }
  });

  it("refuses paths that leave dist/", async () => {
    for (const attempt of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/..%2fpackage.json",
      "/assets/..%2f..%2fpackage.json",
    ]) {
      const reply = await get(port, attempt, ca);
      expect([attempt, [403, 404].includes(reply.status)]).toEqual([attempt, true]);
      expect(reply.body).not.toContain("loan-recourse-addin");
    }
    expect((await get(port, "/no-such-file.js", ca)).status).toBe(404);
  });

  it("lets only Office's hosts read its files: no wildcard, private network only for them and only when asked", async () => {
    const plain = await get(port, "/functions.json", ca);
    expect(plain.headers["access-control-allow-origin"]).toBeUndefined();
    const evil = await get(port, "/functions.json", ca, "GET", { Origin: "https://evil.example.com" });
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
    const lookalike = await get(port, "/functions.json", ca, "GET", { Origin: "https://office.com.evil.example" });
    expect(lookalike.headers["access-control-allow-origin"]).toBeUndefined();
    const office = "https://excel.officeapps.live.com";
    const ok = await get(port, "/functions.json", ca, "GET", { Origin: office });
    expect(ok.headers["access-control-allow-origin"]).toBe(office);
    expect(ok.headers.vary).toBe("Origin");
    const preflight = { "Access-Control-Request-Method": "GET", "Access-Control-Request-Private-Network": "true" };
    const denied = await get(port, "/engine/cli.js", ca, "OPTIONS", {
      Origin: "https://evil.example.com",
      ...preflight,
    });
    expect(denied.status).toBe(403);
    expect(denied.headers["access-control-allow-private-network"]).toBeUndefined();
    expect(denied.headers["access-control-allow-origin"]).toBeUndefined();
    const granted = await get(port, "/functions.json", ca, "OPTIONS", { Origin: office, ...preflight });
    expect(granted.status).toBe(204);
    expect(granted.headers["access-control-allow-private-network"]).toBe("true");
    const noPna = await get(port, "/functions.json", ca, "OPTIONS", {
      Origin: office,
      "Access-Control-Request-Method": "GET",
    });
    expect(noPna.headers["access-control-allow-private-network"]).toBeUndefined();
  });

  it("reports a port that is already in use and exits", async () => {
    const second = start(port);
    try {
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(new RegExp(`port ${port} is already in use`));
    } finally {
      await stop(second);
    }
  });
});
