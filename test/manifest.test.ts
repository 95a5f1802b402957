/* manifest.xml, checked offline (Microsoft's validator needs the network: `npm run
 * validate`). The checker is tested too: each mutation of the real manifest below must
 * produce the one problem it was made to cause. The production manifest (ADDIN_URL) is
 * checked in test/deploy.test.ts. */
import * as fs from "fs";
import * as path from "path";
import { checkManifest } from "./manifest-check";

const root = path.resolve(__dirname, "..");
const assets = path.join(root, "assets");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

/** The manifest with `from` replaced by `to` (exactly once, so a typo here fails loudly). */
function mutate(from: string | RegExp, to: string): string {
  const count =
    typeof from === "string" ? manifest.split(from).length - 1 : (manifest.match(new RegExp(from, "g")) ?? []).length;
  if (count !== 1) throw new Error(`mutation target ${String(from)} occurs ${count} times in manifest.xml`);
  return manifest.replace(from, to);
}

describe("manifest.xml", () => {
  it("has no problems", () => {
    expect(checkManifest(manifest, assets)).toEqual([]);
  });

  it("declares the add-in this project builds", () => {
    expect(manifest).toContain('<DisplayName DefaultValue="Recourse vs Non-recourse"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1\.3"\/>/);
    expect(manifest).not.toMatch(/Name="SharedRuntime"/);
    expect(manifest).toContain('<OfficeTab id="TabHome">');
  });

  it("has the version of package.json (major.minor.patch.0)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    expect(checkManifest(manifest, assets, { version: `${pkg.version}.0` })).toEqual([]);
  });

  it("uses icons at every size the assets folder provides", () => {
    for (const size of [16, 32, 64, 80]) {
      expect(fs.existsSync(path.join(assets, `icon-${size}.png`))).toBe(true);
      expect(manifest).toContain(`https://localhost:3000/assets/icon-${size}.png`);
    }
  });
});

describe("checkManifest rejects", () => {
  const cases: [string, string, RegExp][] = [
    ["malformed XML", mutate("</Hosts>\n  <Requirements>", "<Requirements>"), /^not well-formed XML/],
    [
      "an http URL",
      mutate('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'),
      /functions\.js is not https/,
    ],
    [
      "a URL on another origin",
      mutate(
        '"https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>',
        '"https://example.com/taskpane.html"/>\n  </DefaultSettings>',
      ),
      /example\.com\/taskpane\.html is not under https:\/\/localhost:3000\//,
    ],
    [
      "a URL on another port",
      mutate('SupportUrl DefaultValue="https://localhost:3000/', 'SupportUrl DefaultValue="https://localhost:3001/'),
      /SupportUrl.*is not under https:\/\/localhost:3000\//,
    ],
    [
      "a relative URL",
      mutate('"https://localhost:3000/functions.html"', '"functions.html"'),
      /"functions\.html" is not an absolute URL/,
    ],
    [
      "an undefined resid",
      mutate('<Label resid="LoanGroup.Label"/>', '<Label resid="LoanGroup.Caption"/>'),
      /resid "LoanGroup\.Caption" \(used by <Label>\) is not defined/,
    ],
    [
      "a resid defined twice",
      mutate(
        '<bt:String id="LoanGroup.Label" DefaultValue="Loans"/>',
        '<bt:String id="LoanGroup.Label" DefaultValue="Loans"/><bt:String id="LoanGroup.Label" DefaultValue="Again"/>',
      ),
      /resid "LoanGroup\.Label" is defined 2 times/,
    ],
    [
      "a resid longer than 32 characters",
      manifest.split("TaskpaneButton.Tooltip").join("TaskpaneButton.Tooltip.Is.Too.Long.Now"),
      /resid "TaskpaneButton\.Tooltip\.Is\.Too\.Long\.Now" is longer than 32/,
    ],
    [
      "a resid of the wrong kind",
      mutate('<Label resid="TaskpaneButton.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>'),
      /resid "TaskpaneButton\.Tooltip" \(used by <Label>\) must be in <bt:ShortStrings>/,
    ],
    [
      "an unused resource",
      mutate("</bt:Urls>", '<bt:Url id="Spare.Url" DefaultValue="https://localhost:3000/spare.html"/></bt:Urls>'),
      /resid "Spare\.Url" is defined in <Resources> but never used/,
    ],
    [
      "an icon with no file in assets/",
      mutate(
        'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
        'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-81.png"',
      ),
      /icon https:\/\/localhost:3000\/assets\/icon-81\.png has no file icon-81\.png/,
    ],
    [
      "an icon of the wrong size",
      mutate(
        'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
        'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"',
      ),
      /icon icon-32\.png is 32x32 px but is used at 16x16/,
    ],
    [
      "an icon outside assets/",
      mutate(
        '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
        '<IconUrl DefaultValue="https://localhost:3000/icon-32.png"/>',
      ),
      /icon https:\/\/localhost:3000\/icon-32\.png is not a PNG under/,
    ],
    [
      "another namespace",
      mutate('DefaultValue="LOAN"', 'DefaultValue="LOANS"'),
      /namespace is "LOANS", expected "LOAN"/,
    ],
    [
      "an old CustomFunctionsRuntime",
      mutate('MinVersion="1.3"', 'MinVersion="1.1"'),
      /CustomFunctionsRuntime MinVersion is 1\.1, expected at least 1\.2/,
    ],
    [
      "a missing CustomFunctionsRuntime",
      mutate('<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>', '<Set Name="ExcelApi" MinVersion="1.3"/>'),
      /CustomFunctionsRuntime requirement set is missing/,
    ],
    [
      "the shared runtime",
      mutate(
        '<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>',
        '<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/><Set Name="SharedRuntime" MinVersion="1.1"/>',
      ),
      /SharedRuntime requirement is declared/,
    ],
    [
      "a script that is not functions.js",
      mutate('"https://localhost:3000/functions.js"', '"https://localhost:3000/taskpane.js"'),
      /<Script> must point to https:\/\/localhost:3000\/functions\.js, found https:\/\/localhost:3000\/taskpane\.js/,
    ],
    [
      "metadata that is not functions.json",
      mutate('"https://localhost:3000/functions.json"', '"https://localhost:3000/metadata.json"'),
      /<Metadata> must point to https:\/\/localhost:3000\/functions\.json/,
    ],
    [
      "page and metadata swapped",
      mutate(
        '<SourceLocation resid="Functions.Page.Url"/>',
        '<SourceLocation resid="Functions.Metadata.Url"/>',
      ).replace(
        '<SourceLocation resid="Functions.Metadata.Url"/>\n            </Metadata>',
        '<SourceLocation resid="Functions.Page.Url"/>\n            </Metadata>',
      ),
      /<Page> must point to https:\/\/localhost:3000\/functions\.html/,
    ],
    ["an Id that is not a GUID", mutate(/<Id>[^<]+<\/Id>/, "<Id>loan-addin</Id>"), /Id "loan-addin" is not a GUID/],
    [
      "elements out of schema order",
      mutate("  <Permissions>ReadWriteDocument</Permissions>\n", "").replace(
        "<Requirements>",
        "<Permissions>ReadWriteDocument</Permissions>\n  <Requirements>",
      ),
      /<Requirements> is out of order in <OfficeApp>: it must come before <Permissions>/,
    ],
    [
      "a URL with a query",
      mutate('"https://localhost:3000/functions.json"', '"https://localhost:3000/functions.json?v=2"'),
      /functions\.json\?v=2 has a query or fragment/,
    ],
    [
      "a URL with credentials",
      mutate('"https://localhost:3000/functions.json"', '"https://me:pw@localhost:3000/functions.json"'),
      /functions\.json has credentials in it/,
    ],
    [
      "a Version that is not n.n.n.n",
      mutate("<Version>0.1.0.0</Version>", "<Version>0.1-beta</Version>"),
      /<Version> "0\.1-beta" is not/,
    ],
    ["a missing Version", mutate(/ *<Version>[^<]+<\/Version>\n/, ""), /<Version> is missing from <OfficeApp>/],
    [
      "a button's elements out of order",
      mutate('<Label resid="TaskpaneButton.Label"/>\n                  <Supertip>', "<Supertip>").replace(
        "</Supertip>",
        '</Supertip>\n                  <Label resid="TaskpaneButton.Label"/>',
      ),
      /<Label> is out of order in <Control>: it must come before <Supertip>/,
    ],
    [
      "a button without its action",
      manifest.replace(/<Action xsi:type="ShowTaskpane">[\s\S]*?<\/Action>/, ""),
      /<Action> is missing from <Control id="LoanTaskpaneButton">/,
    ],
    [
      "resources out of order",
      manifest.replace(/( *<bt:Images>[\s\S]*?<\/bt:Images>\n)( *<bt:Urls>[\s\S]*?<\/bt:Urls>\n)/, "$2$1"),
      /<bt:Images> is out of order in <Resources>: it must come before <bt:Urls>/,
    ],
    [
      "a Get Started without its title",
      mutate('<Title resid="GetStarted.Title"/>', ""),
      /<Title> is missing from <GetStarted>/,
    ],
    [
      "a task pane button that opens another page",
      mutate(
        '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
        '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/functions.html"/>',
      ),
      /ShowTaskpane action opens https:\/\/localhost:3000\/functions\.html/,
    ],
  ];

  it.each(cases)("%s", (_name, xml, problem) => {
    const problems = checkManifest(xml, assets);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });

  it("a manifest that is not an OfficeApp", () => {
    expect(checkManifest('<?xml version="1.0"?><Manifest/>', assets)).toEqual([
      "the root element must be <OfficeApp>, found <Manifest>",
    ]);
  });
});
