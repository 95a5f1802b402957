// @ts-check
/* What the parts of `npm start` share: where the files are, where the server listens. */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** What the server serves: the build output. */
export const DIST = path.join(ROOT, "dist");
/** The development manifest, served as /manifest.xml. */
export const MANIFEST = path.join(ROOT, "manifest.xml");
/** Bound to the loopback address only. */
export const HOST = "127.0.0.1";
/** The port manifest.xml names. */
export const DEFAULT_PORT = 3000;

/**
 * An error's message, whatever was thrown.
 * @param {unknown} error
 */
export function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
