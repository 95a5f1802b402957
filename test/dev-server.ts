/**
 * Runs scripts/start.mjs (the dev server) for a test: on a free port, against the dist/
 * the global setup built, stopped again afterwards. Shared by the server and browser tests.
 */
import { ChildProcess, spawn } from "child_process";
import * as net from "net";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const script = path.join(root, "scripts", "start.mjs");

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address() as net.AddressInfo;
      probe.close(() => resolve(address.port));
    });
  });
}

export function startServer(port: number): Started {
  const child = spawn(process.execPath, [script, "--no-build", "--no-install-ca", "--port", String(port)], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** Resolves once `pattern` appears in the output; rejects if the process exits or time runs out. */
export function waitFor(started: Started, pattern: RegExp, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`no ${pattern} within ${ms} ms; output:\n${started.output()}`)),
      ms,
    );
    const poll = setInterval(() => {
      if (pattern.test(started.output())) finish();
    }, 50);
    const onExit = (code: number | null): void =>
      finish(new Error(`exited (${code}) before ${pattern}; output:\n${started.output()}`));
    started.child.once("exit", onExit);
    function finish(error?: Error): void {
      clearTimeout(timer);
      clearInterval(poll);
      started.child.off("exit", onExit);
      if (error) reject(error);
      else resolve();
    }
  });
}

export async function stopServer(started: Started | undefined): Promise<void> {
  if (started === undefined || started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill("SIGTERM");
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000).unref());
  if ((await Promise.race([started.exited, timeout])) === "timeout") started.child.kill("SIGKILL");
}
