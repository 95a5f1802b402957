// @ts-check
/* The development certificates: office-addin-dev-certs' CA and localhost certificate in its
 * default folder (~/.office-addin-dev-certs), checked, generated when missing or unusable, and
 * added to the user's trust store where that needs no administrator rights (Windows current
 * user, macOS login keychain). Never calls anything that needs sudo. */
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { errorMessage } from "./common.mjs";

const require = createRequire(import.meta.url);

/**
 * @typedef {{ dir: string, ca: string, cert: string, key: string }} CertificateFiles
 * @typedef {"yes" | "no" | "unknown"} Trusted
 * @typedef {CertificateFiles & {
 *   trusted: Trusted,
 *   validTo: string,
 *   tls: { ca: string, cert: Buffer, key: Buffer },
 * }} Certificates
 */

/**
 * Why the certificate files cannot be used as they are, or undefined if they can.
 * @param {CertificateFiles} files
 * @returns {string | undefined}
 */
export function certificateProblem(files) {
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
    return `the certificate files cannot be read (${errorMessage(error)})`;
  }
  return undefined;
}

/**
 * Is this CA among the ones update-ca-certificates / update-ca-trust pick up?
 * @param {string} caPem
 */
export function trustedOnLinux(caPem) {
  const dirs = [
    "/usr/local/share/ca-certificates",
    "/etc/ca-certificates/trust-source/anchors",
    "/etc/pki/ca-trust/source/anchors",
  ];
  /** @param {string} file */
  const same = (file) => {
    try {
      return fs.readFileSync(file, "utf8").trim() === caPem.trim();
    } catch {
      return false;
    }
  };
  for (const dir of dirs) {
    /** @type {fs.Dirent[]} */
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

/**
 * Makes sure the dev CA and localhost certificate exist and are valid, generating them into
 * office-addin-dev-certs' default folder if not; on Windows and macOS offers the CA to the
 * user's trust store unless `installCa` is false (or under CI).
 * @param {{ installCa: boolean }} options
 * @returns {Promise<Certificates>}
 */
export async function ensureCertificates(options) {
  /** @type {typeof import("office-addin-dev-certs")} */
  const devCerts = require("office-addin-dev-certs");
  /** @type {typeof import("office-addin-dev-certs/lib/defaults.js")} */
  const defaults = require("office-addin-dev-certs/lib/defaults");
  /** @type {CertificateFiles} */
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
  /** @type {Trusted} */
  let trusted = "unknown";
  if (process.platform === "linux") {
    trusted = trustedOnLinux(pem) ? "yes" : "no";
  } else if ((process.platform === "win32" || process.platform === "darwin") && options.installCa && !process.env.CI) {
    try {
      if (!devCerts.isCaCertificateInstalled()) await devCerts.installCaCertificate(files.ca, false);
      trusted = "yes";
    } catch (error) {
      console.warn(`Could not add the CA to your trust store (${errorMessage(error).split("\n")[0]}); carrying on.`);
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
