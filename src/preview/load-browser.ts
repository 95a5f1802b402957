/**
 * Loads the built add-in in a browser page: the same dist/functions.js and functions.json
 * Excel loads, from this origin. functions.js runs as an ordinary script after a
 * stand-in `CustomFunctions` global is installed, so its `associate` calls register the
 * functions here (no eval: the page's content security policy allows none).
 */
import {
  checkAddin,
  customFunctionsStandIn,
  type Addin,
  type AddinFunction,
  type FunctionsJson,
} from "../engine/addin";
import { PREVIEW_MSG as M } from "./messages";

export async function loadAddinInBrowser(base = "."): Promise<Addin> {
  const response = await fetch(`${base}/functions.json`);
  if (!response.ok) throw new Error(M.metadataFailed(response.status, response.statusText));
  const metadata = (await response.json()) as FunctionsJson;
  const functions = new Map<string, AddinFunction>();
  (window as unknown as { CustomFunctions: unknown }).CustomFunctions = customFunctionsStandIn(functions);
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = `${base}/functions.js`;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(M.scriptFailed()));
    document.head.appendChild(script);
  });
  const addin = { namespace: "LOAN", metadata, functions };
  checkAddin(addin);
  return addin;
}
