/* Builds the recalc conformance corpus: built-in formulas typical of loan and real-estate
 * models, with the values an independent engine (LibreOffice Calc, run headless) computes
 * for them, written to test/data/conformance-corpus.json for test/conformance.test.ts.
 *
 *   node scripts/conformance-corpus.mjs        (needs `soffice` on the PATH; dev-time only)
 *
 * The workbook has a data sheet (a small loan book, cash flows, dates, text that looks like
 * a formula or a number) and one formula a row. LibreOffice recalculates it on load (a
 * throw-away profile sets "always recalculate" for Excel files) and saves it as .xlsx; the
 * values it cached are read back with ExcelJS at full precision.
 *
 * Where Excel and LibreOffice differ, EXCEL below gives Excel's documented value with the
 * Microsoft page that documents it; the corpus keeps both (expected = Excel's). */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import JSZip from "jszip"; // ExcelJS's own zip library

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(root, "test", "data", "conformance-corpus.json");

/** The data sheet, "Data" (row 1 headers). */
const DATA = [
  ["Loan", "State", "Amount", "Rate", "Years", "Start", "NOI", "Type", "", "Flow", "Date", "", "Text"],
  ["L1", "TX", 4500000, 0.0685, 30, 45292, 405000, "Bank", "", -1000000, 45292, "", "=1+1"],
  ["L2", "CA", 2750000, 0.0725, 25, 45366, 260000, "CMBS", "", 120000, 45658, "", "12/31/2024"],
  ["L3", "NY", 6100000, 0.0599, 30, 45444, 520000, "Life", "", 130000, 46023, "", "TRUE"],
  ["L4", "TX", 1200000, 0.081, 20, 45505, 98000, "Bank", "", 140000, 46388, "", " padded "],
  ["L5", "FL", 3300000, 0.0675, 25, 45597, 301000, "Agency", "", 150000, 46753, "", "Deal: 123"],
  ["L6", "CA", 8800000, 0.0655, 30, 45658, 710000, "CMBS", "", 160000, 47119, "", "tx"],
  ["L7", "TX", 950000, 0.0899, 15, 45748, 91000, "Bridge", "", 900000, 47484, "", "1,250"],
  ["L8", "NV", 5200000, 0.0705, 30, 45809, 455000, "Bank", "", "", "", "", ""],
];

/** [category, formula] pairs; D = the data sheet. */
const amounts = "Data!$C$2:$C$9";
const states = "Data!$B$2:$B$9";
const rates = "Data!$D$2:$D$9";
const nois = "Data!$G$2:$G$9";
const types = "Data!$H$2:$H$9";
const flows = "Data!$J$2:$J$8";
const dates = "Data!$K$2:$K$8";
const CASES = [
  // logic with literals
  ["logic", "IF(TRUE,1,2)"],
  ["logic", "IF(FALSE,1,2)"],
  ["logic", "AND(TRUE,1>0)"],
  ["logic", "OR(FALSE,Data!C2>5000000)"],
  ["logic", "NOT(TRUE)"],
  ["logic", "XOR(TRUE,FALSE)"],
  ["logic", "TRUE+TRUE"],
  ["logic", 'IF(Data!G2/Data!C2>=0.09,"OK","Low")'],
  ["logic", 'IFS(Data!D2>0.08,"high",Data!D2>0.06,"mid",TRUE,"low")'],
  ["logic", 'SWITCH(Data!B3,"TX",1,"CA",2,0)'],
  ["logic", "IF(AND(Data!D2<0.07,Data!E2=30),TRUE,FALSE)"],
  ["logic", "TRUE=1"],
  ["logic", '"a"="A"'],
  ["logic", 'IF(Data!N9,"x","blank")'],
  ["logic", 'COUNTIF(Data!$B$2:$B$9,"TX")>2'],
  ["logic", 'IF(Data!C2,"yes","no")'],
  ["logic", "N(TRUE)"],
  ["logic", '--(Data!B2="TX")'],
  // lookups
  ["lookup", `VLOOKUP("L3",Data!$A$2:$H$9,3,FALSE)`],
  ["lookup", `VLOOKUP("l5",Data!$A$2:$H$9,8,FALSE)`],
  ["lookup", `VLOOKUP(0.07,{0,"A";0.065,"B";0.07,"C";0.08,"D"},2,TRUE)`],
  ["lookup", `VLOOKUP(0.0701,{0,"A";0.065,"B";0.07,"C";0.08,"D"},2)`],
  ["lookup", `HLOOKUP("Rate",Data!$A$1:$H$9,3,FALSE)`],
  ["lookup", `INDEX(${amounts},MATCH("L6",Data!$A$2:$A$9,0))`],
  ["lookup", `MATCH("NY",${states},0)`],
  ["lookup", `MATCH(3000000,{0,1000000,2500000,5000000},1)`],
  ["lookup", `INDEX(Data!$A$1:$H$9,4,2)`],
  ["lookup", `XLOOKUP("L8",Data!$A$2:$A$9,${rates})`],
  ["lookup", `XLOOKUP("ZZ",Data!$A$2:$A$9,${rates},"none")`],
  ["lookup", `LOOKUP(2,{1,2,3},{"a","b","c"})`],
  ["lookup", `CHOOSE(2,"Bank","CMBS","Life")`],
  ["lookup", `VLOOKUP("L?",Data!$A$2:$C$9,3,FALSE)`],
  ["lookup", `MATCH("*ridge",${types},0)`],
  ["lookup", `COUNTA(Data!$A$2:$A$9)`],
  ["lookup", `ROWS(Data!$A$2:$H$9)*COLUMNS(Data!$A$2:$H$9)`],
  ["lookup", `INDEX(${rates},3)`],
  // conditional sums and counts
  ["conditional", `SUMIF(${states},"TX",${amounts})`],
  ["conditional", `SUMIF(${amounts},">3000000")`],
  ["conditional", `SUMIFS(${amounts},${states},"TX",${rates},">0.07")`],
  ["conditional", `COUNTIF(${states},"TX")`],
  ["conditional", `COUNTIF(${states},"tx")`],
  ["conditional", `COUNTIFS(${types},"Bank",${amounts},">=1200000")`],
  ["conditional", `AVERAGEIF(${types},"CMBS",${rates})`],
  ["conditional", `AVERAGEIFS(${nois},${states},"<>TX")`],
  ["conditional", `SUMPRODUCT((${states}="TX")*${amounts})`],
  ["conditional", `SUMPRODUCT(${amounts},${rates})/SUM(${amounts})`],
  ["conditional", `SUMPRODUCT(--(${states}="CA"),${nois})`],
  ["conditional", `SUMPRODUCT((${types}="Bank")*(${rates}>0.07))`],
  ["conditional", `MAXIFS(${amounts},${states},"TX")`],
  ["conditional", `MINIFS(${rates},${types},"Bank")`],
  ["conditional", `COUNTIF(${amounts},"<"&AVERAGE(${amounts}))`],
  ["conditional", `SUMIF(${types},"*a*",${amounts})`],
  ["conditional", `COUNTIF(${states},"<>TX")`],
  ["conditional", `SUM(IF(${states}="TX",${nois},0))`],
  ["conditional", `COUNTBLANK(Data!$J$2:$J$9)`],
  // financial
  ["financial", "PMT(0.0685/12,360,-4500000)"],
  ["financial", "PMT(0.0685/12,360,4500000)*12"],
  ["financial", "PMT(0,120,-120000)"],
  ["financial", "PMT(0.06/12,360,-1000000,200000)"],
  ["financial", "PMT(0.06/12,360,-1000000,0,1)"],
  ["financial", "IPMT(0.0685/12,1,360,-4500000)"],
  ["financial", "IPMT(0.0685/12,84,360,-4500000)"],
  ["financial", "PPMT(0.0685/12,1,360,-4500000)"],
  ["financial", "PPMT(0.0685/12,360,360,-4500000)"],
  ["financial", "FV(0.0685/12,84,-29486.66,4500000)"],
  ["financial", "-FV(0.0685/12,84,PMT(0.0685/12,360,4500000),4500000)"],
  ["financial", "FV(0.05,10,0,-1000)"],
  ["financial", "PV(0.0725/12,300,-19876.45)"],
  ["financial", "PV(0.08,5,-100000,-1000000)"],
  ["financial", "NPER(0.0685/12,-29486.66,4500000)"],
  ["financial", "NPER(0.06/12,-5000,500000,-100000)"],
  ["financial", "RATE(360,-29486.66,4500000)*12"],
  ["financial", "RATE(60,-2000,100000,0)"],
  ["financial", "RATE(10,0,-1000,2000)"],
  ["financial", `NPV(0.08,Data!$J$3:$J$8)+Data!J2`],
  ["financial", "NPV(0.1,-100,50,60,70)"],
  ["financial", `IRR(${flows})`],
  ["financial", "IRR({-100,30,40,50})"],
  ["financial", "IRR({-100,30,40,50},0.2)"],
  ["financial", `XIRR(${flows},${dates})`],
  ["financial", `XNPV(0.08,${flows},${dates})`],
  ["financial", "XIRR({-1000,300,400,500},{45292,45474,45658,46023})"],
  ["financial", "CUMIPMT(0.0685/12,360,4500000,1,12,0)"],
  ["financial", "CUMPRINC(0.0685/12,360,4500000,1,84,0)"],
  ["financial", "EFFECT(0.0685,12)"],
  ["financial", "NOMINAL(0.07,12)"],
  ["financial", "SLN(1000000,100000,27.5)"],
  ["financial", "DB(1000000,100000,10,1)"],
  ["financial", "DDB(1000000,100000,10,2)"],
  ["financial", "MIRR({-1000000,120000,130000,140000,1200000},0.07,0.05)"],
  ["financial", "PDURATION(0.05,1000,2000)"],
  ["financial", "RRI(10,1000,2000)"],
  ["financial", "ISPMT(0.0685/12,1,360,4500000)"],
  ["financial", `Data!G2/(PMT(Data!D2/12,Data!E2*12,-Data!C2)*12)`],
  ["financial", `Data!C3/Data!G3*0.1`],
  // dates
  ["date", "DATE(2024,1,31)"],
  ["date", "DATE(2024,14,1)"],
  ["date", "DATE(2024,2,30)"],
  ["date", "EDATE(DATE(2024,1,31),1)"],
  ["date", "EDATE(Data!F2,84)"],
  ["date", "EOMONTH(DATE(2024,1,15),0)"],
  ["date", "EOMONTH(DATE(2024,1,15),-2)"],
  ["date", "YEAR(Data!F3)"],
  ["date", "MONTH(Data!F3)"],
  ["date", "DAY(Data!F3)"],
  ["date", "WEEKDAY(DATE(2024,1,1))"],
  ["date", "WEEKDAY(DATE(2024,1,1),2)"],
  ["date", `DATEDIF(DATE(2020,1,15),DATE(2024,3,1),"y")`],
  ["date", `DATEDIF(DATE(2020,1,15),DATE(2024,3,1),"Y")`],
  ["date", `DATEDIF(DATE(2020,1,15),DATE(2024,3,1),"m")`],
  ["date", `DATEDIF(DATE(2020,1,15),DATE(2024,3,1),"d")`],
  ["date", `DATEDIF(DATE(2020,1,15),DATE(2024,3,1),"ym")`],
  ["date", `DATEDIF(DATE(2020,1,15),DATE(2024,3,1),"yd")`],
  ["date", "YEARFRAC(DATE(2024,1,1),DATE(2031,1,1))"],
  ["date", "YEARFRAC(DATE(2024,1,31),DATE(2024,7,15),1)"],
  ["date", "YEARFRAC(DATE(2024,1,31),DATE(2024,7,15),3)"],
  ["date", "DAYS(DATE(2031,1,1),DATE(2024,1,1))"],
  ["date", "DAYS360(DATE(2024,1,31),DATE(2024,3,31))"],
  ["date", "NETWORKDAYS(DATE(2024,1,1),DATE(2024,1,31))"],
  ["date", "WORKDAY(DATE(2024,1,5),10)"],
  ["date", "DATE(2024,1,1)+90"],
  ["date", 'DATEVALUE("2024-03-15")'],
  ["date", "ISOWEEKNUM(DATE(2024,12,30))"],
  ["date", "WEEKNUM(DATE(2024,3,15))"],
  ["date", "DATE(1900,3,1)"],
  ["date", "EDATE(Data!F2,12*Data!E2)-Data!F2"],
  ["date", "TIME(12,30,0)"],
  // rounding and math
  ["rounding", "ROUND(29486.6649,2)"],
  ["rounding", "ROUND(2.675,2)"],
  ["rounding", "ROUND(1.005,2)"],
  ["rounding", "ROUND(-2.5,0)"],
  ["rounding", "ROUND(1234567,-3)"],
  ["rounding", "ROUNDUP(0.1+0.2,1)"],
  ["rounding", "ROUNDUP(-1.21,1)"],
  ["rounding", "ROUNDDOWN(4091975.8299,-3)"],
  ["rounding", "ROUNDDOWN(-1.29,1)"],
  ["rounding", "INT(-3.5)"],
  ["rounding", "INT(3.99)"],
  ["rounding", "TRUNC(-3.5)"],
  ["rounding", "TRUNC(3.14159,2)"],
  ["rounding", "MROUND(1234,50)"],
  ["rounding", "CEILING(4.2,0.5)"],
  ["rounding", "FLOOR(4.7,0.5)"],
  ["rounding", "CEILING.MATH(-4.2)"],
  ["rounding", "FLOOR.MATH(-4.2)"],
  ["rounding", "MOD(-7,3)"],
  ["rounding", "MOD(7.5,2)"],
  ["rounding", "ABS(-180000)"],
  ["rounding", "MAX(0,Data!C2-Data!C3)"],
  ["rounding", `MIN(${amounts})`],
  ["rounding", `AVERAGE(${rates})`],
  ["rounding", `MEDIAN(${amounts})`],
  ["rounding", "POWER(1+0.0685/12,360)"],
  ["rounding", "(1+0.0685/12)^-360"],
  ["rounding", "SQRT(2)"],
  ["rounding", "LN(1.0685)"],
  ["rounding", "EXP(0.0685)"],
  ["rounding", "LOG10(1000000)"],
  ["rounding", `SUM(${amounts})`],
  ["rounding", `PRODUCT(1.05,1.03,1.04)`],
  ["rounding", `STDEV(${rates})`],
  ["rounding", "0.1+0.2"],
  ["rounding", "-2^2"],
  ["rounding", "2^3^2"],
  ["rounding", "10%*500"],
  ["rounding", "SIGN(-5)"],
  ["rounding", `LARGE(${amounts},2)`],
  ["rounding", `SMALL(${rates},1)`],
  ["rounding", `RANK(Data!C4,${amounts})`],
  ["rounding", `PERCENTILE(${amounts},0.9)`],
  // text
  ["text", `TEXT(0.0685,"0.00%")`],
  ["text", `TEXT(0.5,"0%")`],
  ["text", `TEXT(1234567.891,"#,##0.00")`],
  ["text", `TEXT(1234567.891,"$#,##0")`],
  ["text", `TEXT(-1234.5,"#,##0.00;(#,##0.00)")`],
  ["text", `TEXT(0,"#,##0;(#,##0);""-""")`],
  ["text", `TEXT(45292,"yyyy-mm-dd")`],
  ["text", `TEXT(45292,"mmm d, yyyy")`],
  ["text", `TEXT(45292,"mmmm yyyy")`],
  ["text", `TEXT(45292,"dddd")`],
  ["text", `TEXT(45292,"mm/dd/yy")`],
  ["text", `TEXT(1.35,"0.00x")`],
  ["text", `TEXT(12345678,"#,##0.0,,""M""")`],
  ["text", `TEXT(4500000,"$#,##0,""K""")`],
  ["text", `TEXT(7,"000")`],
  ["text", `TEXT(-5,"0.0")`],
  ["text", `TEXT(0.25,"h:mm AM/PM")`],
  ["text", `"DSCR "&TEXT(1.35,"0.00")&"x"`],
  ["text", `"Loan "&Data!A2&" in "&Data!B2`],
  ["text", `CONCATENATE("Rate: ",TEXT(Data!D2,"0.00%"))`],
  ["text", `LEFT(Data!H3,2)`],
  ["text", `RIGHT("Non-recourse",7)`],
  ["text", `MID("Non-recourse",5,3)`],
  ["text", `LEN(Data!M5)`],
  ["text", `TRIM(Data!M5)`],
  ["text", `UPPER(Data!M7)`],
  ["text", `LOWER("CMBS")`],
  ["text", `PROPER("non recourse loan")`],
  ["text", `SUBSTITUTE("4,500,000",",","")`],
  ["text", `VALUE(SUBSTITUTE(Data!M8,",",""))`],
  ["text", `FIND("-","Non-recourse")`],
  ["text", `SEARCH("RECOURSE","Non-recourse")`],
  ["text", `REPT("*",3)`],
  ["text", `EXACT("TX",Data!M7)`],
  ["text", `ISTEXT(Data!M2)`],
  ["text", `ISTEXT(Data!M3)`],
  ["text", `ISTEXT(Data!M4)`],
  ["text", `LEN(Data!M2)`],
  ["text", `Data!M2&""`],
  ["text", `ISNUMBER(Data!M8)`],
  ["text", `TEXTJOIN(", ",TRUE,Data!B2:B5)`],
  ["text", `"Amount: "&1500000`],
  ["text", `VALUE("1.5")*2`],
  ["text", `FIXED(1234.567,1)`],
  ["text", `DOLLAR(1234.567)`],
  // errors
  ["error", "1/0"],
  ["error", "IFERROR(1/0,0)"],
  ["error", `IFERROR(VLOOKUP("ZZ",Data!$A$2:$C$9,3,FALSE),"not found")`],
  ["error", `VLOOKUP("ZZ",Data!$A$2:$C$9,3,FALSE)`],
  ["error", 'IFNA(NA(),"n/a")'],
  ["error", "ISERROR(1/0)"],
  ["error", 'ISNA(MATCH("ZZ",Data!$B$2:$B$9,0))'],
  ["error", "SQRT(-1)"],
  ["error", '"abc"*2'],
  ["error", "ERROR.TYPE(1/0)"],
  ["error", 'IFERROR(Data!G2/0,"n/m")'],
  ["error", "ISBLANK(Data!N9)"],
  ["error", "ISNUMBER(Data!C2)"],
  ["error", "ISLOGICAL(TRUE)"],
  ["error", "IRR({1,2,3})"],
  ["error", 'DATE(2024,1,1)-"x"'],
  ["error", "NA()"],
];

/** Formulas Excel stores as array formulas (entered with Ctrl+Shift+Enter, or dynamic in Excel 365). */
const ARRAY = new Set([`SUM(IF(${states}="TX",${nois},0))`]);

/** Functions newer than Excel 2007, stored in files with the _xlfn. prefix (as Excel writes them). */
const XLFN =
  /\b(XOR|IFS|SWITCH|XLOOKUP|MAXIFS|MINIFS|PDURATION|RRI|DAYS|ISOWEEKNUM|CEILING\.MATH|FLOOR\.MATH|TEXTJOIN|IFNA|CONCAT)\(/g;

/** Where Excel's documented value differs from LibreOffice's: Excel's value and the page that documents it. */
const EXCEL = {
  "TRUE=1": {
    value: false,
    source:
      "https://support.microsoft.com/en-us/office/sort-data-in-a-range-or-table-62d0b95d-2a90-4610-a6ae-2e545c4a4654 (Excel orders numbers, then text, then logical values: a logical value never equals a number; LibreOffice treats TRUE as 1)",
  },
  '--(Data!B2="TX")': {
    value: 1,
    source:
      "https://support.microsoft.com/en-us/office/calculation-operators-and-precedence-in-excel-48be406d-4975-4d31-b2b8-7af9e0e2878a (negation gives a number; LibreOffice computes 1 too but saves it with a boolean format, read back as TRUE)",
  },
  [`XLOOKUP("L8",Data!$A$2:$A$9,${rates})`]: {
    value: 0.0705,
    source:
      "https://support.microsoft.com/en-us/office/xlookup-function-b7fd680e-6d10-43e6-84f9-88eae8bf5929 (exact match by default: L8's rate; LibreOffice 7.4 has no XLOOKUP, #NAME?)",
  },
  [`XLOOKUP("ZZ",Data!$A$2:$A$9,${rates},"none")`]: {
    value: "none",
    source:
      "https://support.microsoft.com/en-us/office/xlookup-function-b7fd680e-6d10-43e6-84f9-88eae8bf5929 (if_not_found is returned when no match is found; LibreOffice 7.4 has no XLOOKUP)",
  },
  "SQRT(-1)": {
    value: { error: "#NUM!" },
    source:
      "https://support.microsoft.com/en-us/office/sqrt-function-654975c2-05c4-4831-9a24-2c65e4040fdf (If number is negative, SQRT returns the #NUM! error value)",
  },
  "IRR({1,2,3})": {
    value: { error: "#NUM!" },
    source:
      "https://support.microsoft.com/en-us/office/irr-function-64925eaa-9988-495b-b290-3ad0c163c1bc (Values must contain at least one positive value and one negative value; if IRR can't find a result, #NUM!)",
  },
};

function recalcWithLibreOffice(file, outDir) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  const user = path.join(profile, "user");
  fs.mkdirSync(user, { recursive: true });
  // Always recalculate Excel 2007+ files on load (0 = always), whatever the file caches.
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const run = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--calc",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      file,
    ],
    { encoding: "utf8", timeout: 180000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`soffice failed (${run.status}): ${run.stderr}`);
  const version = spawnSync("soffice", ["--version"], { encoding: "utf8" }).stdout.trim();
  return version;
}

const unescape = (t) =>
  t
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/**
 * The cached values of one sheet, read from its XML (ExcelJS drops cached results of 0 and
 * FALSE): numbers at full precision, text, booleans and errors, by address.
 */
async function cachedValues(file, part) {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file(part).async("string");
  const shared = zip.file("xl/sharedStrings.xml")
    ? [...(await zip.file("xl/sharedStrings.xml").async("string")).matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
        unescape([...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join("")),
      )
    : [];
  const out = new Map();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
    const type = /t="([a-z]+)"/.exec(m[2])?.[1] ?? "n";
    const v = /<v>(.*?)<\/v>/s.exec(m[3] ?? "")?.[1];
    if (v === undefined) continue;
    const text = unescape(v);
    if (type === "n") out.set(m[1], Number(text));
    else if (type === "b") out.set(m[1], text === "1");
    else if (type === "e") out.set(m[1], { error: text });
    else if (type === "s") out.set(m[1], shared[Number(text)]);
    else out.set(m[1], text);
  }
  return out;
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "conformance-"));
  const input = path.join(work, "corpus.xlsx");
  const book = new ExcelJS.Workbook();
  const data = book.addWorksheet("Data");
  DATA.forEach((row, r) => row.forEach((v, c) => v !== "" && (data.getCell(r + 1, c + 1).value = v)));
  const sheet = book.addWorksheet("Corpus");
  CASES.forEach(([, typed], i) => {
    const formula = typed.replace(XLFN, "_xlfn.$1(");
    const cell = sheet.getCell(i + 1, 1);
    cell.value = ARRAY.has(typed) ? { formula, shareType: "array", ref: cell.address } : { formula };
  });
  await book.xlsx.writeFile(input);
  const outDir = path.join(work, "out");
  fs.mkdirSync(outDir);
  const version = recalcWithLibreOffice(input, outDir);
  const values = await cachedValues(path.join(outDir, "corpus.xlsx"), "xl/worksheets/sheet2.xml");
  const cases = CASES.map(([category, formula], i) => {
    const libreOffice = values.get(`A${i + 1}`) ?? null;
    const id = `${category}-${String(i + 1).padStart(3, "0")}`;
    const excel = EXCEL[formula];
    return {
      id,
      category,
      formula,
      expected: excel ? excel.value : libreOffice,
      ...(excel ? { libreOffice, excelSource: excel.source } : {}),
    };
  });
  const missing = cases.filter((c) => c.expected === null);
  if (missing.length) console.warn(`no value for: ${missing.map((c) => c.formula).join("; ")}`);
  const json = {
    about:
      "Built-in formulas of loan and real-estate models with values computed by LibreOffice Calc (headless, recalculated on load) by scripts/conformance-corpus.mjs; where Excel's documented value differs, expected is Excel's and libreOffice keeps LibreOffice's. Do not edit by hand.",
    libreOffice: version,
    data: DATA,
    cases,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  const tmp = `${OUT}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(json, null, 1)}\n`);
  fs.renameSync(tmp, OUT);
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`${cases.length} formulas → ${path.relative(root, OUT)} (${version})`);
}

await main();
