/* An offline check of the add-in only (XML) manifest: what Microsoft's online validator
 * would reject (schema element order, required elements, URL and version shapes), plus this
 * project's own rules (every URL under the one folder the add-in is served from, icons that
 * exist, the LOAN namespace, the JavaScript-only custom functions runtime). It checks the
 * development manifest (manifest.xml, https://localhost:3000/) and a production one
 * (dist/manifest.xml for ADDIN_URL) alike. `checkManifest` returns the problems found, one
 * sentence each; an empty list means the manifest passed. */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

/** Where `npm start` serves the add-in; every URL in manifest.xml is under it. */
export const DEV_BASE = "https://localhost:3000/";
export const NAMESPACE = "LOAN";
/** Dynamic arrays and the rest of what the functions use need at least this. */
export const MIN_CUSTOM_FUNCTIONS_RUNTIME = "1.2";
export const MAX_RESID_LENGTH = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;

/** The custom functions' three files, relative to the add-in's folder. */
export const CUSTOM_FUNCTION_FILES: Readonly<Record<string, string>> = {
  Script: "functions.js",
  Page: "functions.html",
  Metadata: "functions.json",
};

/** The manifest schema's VersionType: two to four numbers of at most five digits. */
const VERSION_PATTERN = /^\d{1,5}(\.\d{1,5}){1,3}$/;

export interface ManifestOptions {
  /** The folder the add-in is served from, ending in "/": every URL must be under it. */
  base?: string;
  /** The built files (dist/): when given, every URL must name a file there. */
  filesDir?: string;
  /** When given, <Version> must be exactly this. */
  version?: string;
}

/** Child order the schema requires (optional elements included); others are errors. */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];
const VERSION_OVERRIDES_ORDER = [
  "Description",
  "Requirements",
  "Hosts",
  "Resources",
  "WebApplicationInfo",
  "EquivalentAddins",
];
const HOST_ORDER = ["AllFormFactors", "DesktopFormFactor"];
const CUSTOM_FUNCTIONS_ORDER = ["Script", "Page", "Metadata", "Namespace"];

/** Child order (entries in one inner list may mix) and required children of the other
 * elements this manifest uses, from the manifest reference (learn.microsoft.com/javascript/api/manifest). */
const ELEMENT_RULES: Readonly<Record<string, { order: readonly (string | readonly string[])[]; required: string[] }>> =
  {
    DefaultSettings: { order: ["SourceLocation", "RequestedWidth", "RequestedHeight"], required: ["SourceLocation"] },
    DesktopFormFactor: { order: ["GetStarted", "FunctionFile", "ExtensionPoint"], required: [] },
    GetStarted: { order: ["Title", "Description", "LearnMoreUrl"], required: ["Title", "Description"] },
    Group: {
      order: ["Label", "Tooltip", "Icon", ["Control", "OfficeControl"], "OverriddenByRibbonApi"],
      required: ["Label", "Icon"],
    },
    Control: {
      order: ["Label", "Supertip", "Icon", "Action", "Enabled", "OverriddenByRibbonApi"],
      required: ["Label", "Supertip", "Icon", "Action"],
    },
    Supertip: { order: ["Title", "Description"], required: ["Title", "Description"] },
    Resources: { order: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"], required: [] },
  };

type ResourceKind = "bt:Images" | "bt:Urls" | "bt:ShortStrings" | "bt:LongStrings";
const RESOURCE_KINDS: readonly ResourceKind[] = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];

/** Which resource collection an element's resid must point into. */
const REFERENCE_KIND: Readonly<Record<string, ResourceKind>> = {
  "bt:Image": "bt:Images",
  SourceLocation: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  FunctionFile: "bt:Urls",
  Namespace: "bt:ShortStrings",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Description: "bt:LongStrings",
};

/** Elements of the base manifest whose DefaultValue is a URL. */
const BASE_URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]);
const BASE_ICON_SIZES: Readonly<Record<string, number>> = { IconUrl: 32, HighResolutionIconUrl: 64 };

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

interface Resource {
  id: string;
  kind: ResourceKind;
  value: string;
  /** DefaultValue and every Override's Value. */
  values: string[];
}

type Ordered = Record<string, unknown>[];

function toNodes(items: Ordered): { nodes: XmlNode[]; text: string } {
  const nodes: XmlNode[] = [];
  let text = "";
  for (const item of items) {
    const name = Object.keys(item).find((key) => key !== ":@");
    if (name === undefined) continue;
    if (name === "#text") {
      text += String(item[name]);
      continue;
    }
    if (name.startsWith("?")) continue;
    const inner = toNodes(item[name] as Ordered);
    const attrs = (item[":@"] ?? {}) as Record<string, string>;
    nodes.push({ name, attrs, children: inner.nodes, text: inner.text });
  }
  return { nodes, text };
}

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node?.children.filter((c) => c.name === name) ?? [];
}

function* walk(node: XmlNode, parent?: XmlNode): Generator<{ node: XmlNode; parent: XmlNode | undefined }> {
  yield { node, parent };
  for (const c of node.children) yield* walk(c, node);
}

function describe(node: XmlNode): string {
  const key = node.attrs.id ?? node.attrs.resid;
  return key === undefined
    ? `<${node.name}>`
    : `<${node.name} ${node.attrs.id !== undefined ? "id" : "resid"}="${key}">`;
}

function checkOrder(
  node: XmlNode | undefined,
  order: readonly (string | readonly string[])[],
  problems: string[],
): void {
  if (node === undefined) return;
  let last = -1;
  let lastName = "";
  for (const c of node.children) {
    const at = order.findIndex((entry) => (typeof entry === "string" ? entry === c.name : entry.includes(c.name)));
    if (at < 0) {
      problems.push(`unexpected element <${c.name}> in <${node.name}>`);
    } else if (at < last) {
      problems.push(`<${c.name}> is out of order in <${node.name}>: it must come before <${lastName}>`);
    } else {
      last = at;
      lastName = c.name;
    }
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Width and height of a PNG file, or undefined if it is not one. */
function pngSize(file: string): { width: number; height: number } | undefined {
  const head = Buffer.alloc(24);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 24, 0);
  } finally {
    fs.closeSync(fd);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!head.subarray(0, 8).equals(signature) || head.toString("ascii", 12, 16) !== "IHDR") return undefined;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The problems with `xml` as this add-in's manifest; [] when there are none. Icon URLs
 * are looked up as files in `assetsDir` (BASE/assets/NAME.png → assetsDir/NAME.png). */
export function checkManifest(xml: string, assetsDir: string, options: ManifestOptions = {}): string[] {
  const base = options.base ?? DEV_BASE;
  const problems: string[] = [];

  // 1. Well-formed XML.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`];
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const roots = toNodes(parser.parse(xml) as Ordered).nodes;
  const root = roots[0];
  if (roots.length !== 1 || root === undefined || root.name !== "OfficeApp") {
    return [`the root element must be <OfficeApp>, found ${roots.map((r) => `<${r.name}>`).join(", ") || "nothing"}`];
  }
  if (root.attrs["xsi:type"] !== "TaskPaneApp") {
    problems.push(`OfficeApp xsi:type is "${root.attrs["xsi:type"] ?? ""}", expected "TaskPaneApp"`);
  }
  checkOrder(root, OFFICE_APP_ORDER, problems);
  for (const { node } of walk(root)) {
    const rules = ELEMENT_RULES[node.name];
    if (rules === undefined || node.attrs.resid !== undefined) continue; // a resid reference, not the element
    checkOrder(node, rules.order, problems);
    for (const required of rules.required) {
      if (child(node, required) === undefined) problems.push(`<${required}> is missing from ${describe(node)}`);
    }
  }

  // 2. Identity and base settings.
  const id = child(root, "Id")?.text ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    problems.push(`Id "${id}" is not a GUID`);
  }
  const version = child(root, "Version")?.text;
  if (version !== undefined && !VERSION_PATTERN.test(version)) {
    problems.push(`<Version> "${version}" is not two to four numbers (n.n.n.n)`);
  } else if (version !== undefined && options.version !== undefined && version !== options.version) {
    problems.push(`<Version> is ${version}, expected ${options.version}`);
  }
  for (const required of [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "DefaultSettings",
    "Permissions",
  ]) {
    if (child(root, required) === undefined) problems.push(`<${required}> is missing from <OfficeApp>`);
  }
  const hostNames = children(child(root, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (!hostNames.includes("Workbook")) problems.push(`<Hosts> does not declare <Host Name="Workbook"/>`);

  // 3. Requirements: the JavaScript-only custom functions runtime, no shared runtime.
  const sets = children(child(child(root, "Requirements"), "Sets"), "Set");
  const cfr = sets.find((s) => s.attrs.Name === "CustomFunctionsRuntime");
  if (cfr === undefined) {
    problems.push(`the CustomFunctionsRuntime requirement set is missing from <Requirements>`);
  } else if (compareVersions(cfr.attrs.MinVersion ?? "1.1", MIN_CUSTOM_FUNCTIONS_RUNTIME) < 0) {
    problems.push(
      `CustomFunctionsRuntime MinVersion is ${cfr.attrs.MinVersion ?? "(none)"}, expected at least ${MIN_CUSTOM_FUNCTIONS_RUNTIME}`,
    );
  }
  for (const { node } of walk(root)) {
    if ((node.name === "Set" || node.name === "bt:Set") && node.attrs.Name === "SharedRuntime") {
      problems.push(
        `the SharedRuntime requirement is declared, but the custom functions use the JavaScript-only runtime`,
      );
    }
  }

  // 4. Resources: each id defined once, short enough, of the kind its users expect.
  const overrides = child(root, "VersionOverrides");
  checkOrder(overrides, VERSION_OVERRIDES_ORDER, problems);
  const resourcesNode = child(overrides, "Resources");
  if (overrides === undefined || resourcesNode === undefined) {
    problems.push(`<VersionOverrides> with <Resources> is missing`);
  }
  const resources = new Map<string, Resource[]>();
  for (const kind of RESOURCE_KINDS) {
    for (const entry of child(resourcesNode, kind)?.children ?? []) {
      const rid = entry.attrs.id;
      if (rid === undefined) {
        problems.push(`${describe(entry)} in <${kind}> has no id`);
        continue;
      }
      const value = entry.attrs.DefaultValue ?? "";
      const values = [value, ...children(entry, "bt:Override").map((o) => o.attrs.Value ?? "")];
      resources.set(rid, [...(resources.get(rid) ?? []), { id: rid, kind, value, values }]);
      if (kind === "bt:ShortStrings" && values.some((v) => v.length > MAX_SHORT_STRING)) {
        problems.push(`short string "${rid}" is longer than ${MAX_SHORT_STRING} characters`);
      }
      if (kind === "bt:LongStrings" && values.some((v) => v.length > MAX_LONG_STRING)) {
        problems.push(`long string "${rid}" is longer than ${MAX_LONG_STRING} characters`);
      }
    }
  }
  for (const [rid, defs] of resources) {
    if (defs.length > 1) problems.push(`resid "${rid}" is defined ${defs.length} times in <Resources>`);
    if (rid.length > MAX_RESID_LENGTH) problems.push(`resid "${rid}" is longer than ${MAX_RESID_LENGTH} characters`);
  }
  const used = new Set<string>();
  for (const { node } of walk(root)) {
    const rid = node.attrs.resid;
    if (rid === undefined) continue;
    used.add(rid);
    if (rid.length > MAX_RESID_LENGTH) problems.push(`resid "${rid}" is longer than ${MAX_RESID_LENGTH} characters`);
    const defs = resources.get(rid);
    if (defs === undefined) {
      problems.push(`resid "${rid}" (used by <${node.name}>) is not defined in <Resources>`);
      continue;
    }
    const expected = REFERENCE_KIND[node.name];
    if (expected !== undefined && defs[0].kind !== expected) {
      problems.push(`resid "${rid}" (used by <${node.name}>) must be in <${expected}>, but is in <${defs[0].kind}>`);
    }
  }
  for (const rid of resources.keys()) {
    if (!used.has(rid)) problems.push(`resid "${rid}" is defined in <Resources> but never used`);
  }
  const resolve = (rid: string | undefined): Resource | undefined =>
    rid === undefined ? undefined : resources.get(rid)?.[0];

  // 5. URLs: absolute, https, all on one origin.
  const urlSlots: { value: string; where: string }[] = [];
  for (const { node, parent } of walk(root)) {
    const base = BASE_URL_ELEMENTS.has(node.name) && node.attrs.DefaultValue !== undefined;
    const resource =
      (node.name === "bt:Url" || node.name === "bt:Image") &&
      parent !== undefined &&
      RESOURCE_KINDS.includes(parent.name as ResourceKind);
    if (base || resource) {
      urlSlots.push({ value: node.attrs.DefaultValue ?? "", where: describe(node) });
      for (const o of children(node, "bt:Override"))
        urlSlots.push({ value: o.attrs.Value ?? "", where: `${describe(node)} override` });
      for (const o of children(node, "Override"))
        urlSlots.push({ value: o.attrs.Value ?? "", where: `${describe(node)} override` });
    } else {
      // Anything else that looks like a URL (AppDomain, a stray attribute) obeys the same rules.
      for (const [name, value] of Object.entries(node.attrs)) {
        if (!name.startsWith("xmlns") && /^[a-z][a-z0-9+.-]*:\/\//i.test(value))
          urlSlots.push({ value, where: describe(node) });
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(node.text)) urlSlots.push({ value: node.text, where: describe(node) });
    }
  }
  for (const { value, where } of urlSlots) {
    const url = parseUrl(value);
    if (url === undefined) problems.push(`${where}: "${value}" is not an absolute URL`);
    else if (url.protocol !== "https:") problems.push(`${where}: ${value} is not https`);
    else if (url.username !== "" || url.password !== "") problems.push(`${where}: ${value} has credentials in it`);
    else if (value.includes("?") || value.includes("#")) problems.push(`${where}: ${value} has a query or fragment`);
    else if (!value.startsWith(base)) problems.push(`${where}: ${value} is not under ${base}`);
    else if (options.filesDir !== undefined) {
      const relative = decodeURIComponent(value.slice(base.length));
      const file = path.join(options.filesDir, ...relative.split("/"));
      if (relative === "" || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        problems.push(`${where}: ${value} names no file of the build (${relative || "a folder"})`);
      }
    }
  }

  // 6. Icons: each maps to a PNG in assets/ of the size it is used at.
  const checkIcon = (value: string, where: string, size: number | undefined): void => {
    if (parseUrl(value) === undefined || !value.startsWith(base)) return; // reported above
    const match = /^assets\/([A-Za-z0-9._-]+\.png)$/.exec(value.slice(base.length));
    if (match === null) {
      problems.push(`${where}: icon ${value} is not a PNG under ${base}assets/`);
      return;
    }
    const file = path.join(assetsDir, match[1]);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      problems.push(`${where}: icon ${value} has no file ${match[1]} in assets/`);
      return;
    }
    const dims = pngSize(file);
    if (dims === undefined) problems.push(`${where}: assets/${match[1]} is not a PNG file`);
    else if (size !== undefined && (dims.width !== size || dims.height !== size)) {
      problems.push(`${where}: icon ${match[1]} is ${dims.width}x${dims.height} px but is used at ${size}x${size}`);
    }
  };
  for (const [name, size] of Object.entries(BASE_ICON_SIZES)) {
    const node = child(root, name);
    if (node !== undefined) checkIcon(node.attrs.DefaultValue ?? "", describe(node), size);
  }
  for (const image of children(child(resourcesNode, "bt:Images"), "bt:Image")) {
    for (const value of resolve(image.attrs.id)?.values ?? []) checkIcon(value, describe(image), undefined);
  }
  for (const { node } of walk(root)) {
    if (node.name !== "bt:Image" || node.attrs.resid === undefined) continue;
    const image = resolve(node.attrs.resid);
    if (image === undefined || image.kind !== "bt:Images") continue; // reported above
    const size = Number(node.attrs.size);
    for (const value of image.values) checkIcon(value, `${describe(node)} size="${node.attrs.size ?? ""}"`, size);
  }

  // 7. Custom functions: the JavaScript-only runtime's script, page, metadata and namespace.
  const hosts = children(child(overrides, "Hosts"), "Host");
  const workbook = hosts.find((h) => h.attrs["xsi:type"] === "Workbook");
  if (workbook === undefined) {
    problems.push(`<VersionOverrides> has no <Host xsi:type="Workbook">`);
  }
  checkOrder(workbook, HOST_ORDER, problems);
  const customFunctions = children(child(workbook, "AllFormFactors"), "ExtensionPoint").find(
    (e) => e.attrs["xsi:type"] === "CustomFunctions",
  );
  if (customFunctions === undefined) {
    problems.push(`no <ExtensionPoint xsi:type="CustomFunctions"> under <AllFormFactors>`);
  } else {
    checkOrder(customFunctions, CUSTOM_FUNCTIONS_ORDER, problems);
    for (const [element, file] of Object.entries(CUSTOM_FUNCTION_FILES)) {
      const expected = base + file;
      const rid = child(child(customFunctions, element), "SourceLocation")?.attrs.resid;
      const actual = resolve(rid)?.value;
      if (actual !== expected) {
        problems.push(`custom functions <${element}> must point to ${expected}, found ${actual ?? "nothing"}`);
      }
    }
    const namespace = resolve(child(customFunctions, "Namespace")?.attrs.resid);
    if (namespace?.kind !== "bt:ShortStrings" || namespace.value !== NAMESPACE) {
      problems.push(`the custom functions namespace is "${namespace?.value ?? ""}", expected "${NAMESPACE}"`);
    }
  }

  // 8. The task pane: the base manifest and the ribbon button open taskpane.html.
  const taskpane = `${base}taskpane.html`;
  const defaultPage = child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue;
  if (defaultPage !== taskpane)
    problems.push(`<DefaultSettings> SourceLocation must be ${taskpane}, found ${defaultPage ?? "nothing"}`);
  const showTaskpane = [...walk(root)]
    .map((w) => w.node)
    .filter((n) => n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane");
  if (showTaskpane.length === 0)
    problems.push(`no ribbon button shows the task pane (<Action xsi:type="ShowTaskpane">)`);
  for (const action of showTaskpane) {
    const target = resolve(child(action, "SourceLocation")?.attrs.resid)?.value;
    if (target !== taskpane)
      problems.push(`the ShowTaskpane action opens ${target ?? "nothing"}, expected ${taskpane}`);
  }

  return [...new Set(problems)];
}
