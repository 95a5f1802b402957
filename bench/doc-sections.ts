/**
 * docs/benchmarks.md is written by three benchmarks: bench/bench.ts writes the file
 * (per-call times, bundle size), bench/engine-bench.ts owns one section of it, between
 * the marker comments below, and bench/recalc-scale.mjs another. Each keeps the others'
 * parts, so running one alone never loses the others' last results.
 */
import * as fs from "fs";
import * as path from "path";

export const ENGINE_START = "<!-- engine:start -->";
export const ENGINE_END = "<!-- engine:end -->";

const ENGINE_BLOCK = new RegExp(`${escape(ENGINE_START)}[\\s\\S]*?${escape(ENGINE_END)}`);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The engine section of a file's text (markers included), if it has one. */
export function engineSection(text: string): string | undefined {
  return ENGINE_BLOCK.exec(text)?.[0];
}

/** The section bench/recalc-scale.mjs writes (loan recalc beside LibreOffice). */
const SCALE_BLOCK = /<!-- recalc-scale:start -->[\s\S]*?<!-- recalc-scale:end -->/;

/** Writes the whole file `md` (bench.ts), carrying over the engine and recalc-scale sections the file already has. */
export function writeKeepingEngineSection(file: string, md: string): void {
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const kept = [engineSection(previous), SCALE_BLOCK.exec(previous)?.[0]].filter((x) => x !== undefined);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, kept.length ? `${md.trimEnd()}\n\n${kept.join("\n\n")}\n` : md);
}

/**
 * Replaces the engine section of the file with `body` (engine-bench.ts): in place when the
 * markers exist, appended at the end otherwise; the rest of the file is left as it is.
 */
export function writeEngineSection(file: string, body: string): void {
  const block = `${ENGINE_START}\n${body.trim()}\n${ENGINE_END}`;
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const next = engineSection(previous)
    ? previous.replace(ENGINE_BLOCK, () => block)
    : `${previous.trimEnd()}\n\n${block}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next);
}
