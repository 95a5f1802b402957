/* The real-workbook conformance corpus (test/data/corpus/): public workbooks from other
 * projects' test data, each with the values it must recalculate to, for test/corpus.test.ts.
 *
 *   node scripts/real-corpus.mjs import POI.git SHEETJS.git EXCELJS.git
 *       copies the workbooks chosen below out of bare git clones of apache/poi,
 *       SheetJS/test_files and exceljs/exceljs (`git clone --bare`), each project's
 *       licence beside its files, and writes test/data/corpus/manifest.json (where each
 *       file came from: repository, commit, path, SHA-256).
 *   node scripts/real-corpus.mjs expect [FILE…]
 *       writes FILE.expected.json beside each workbook: the value of every formula cell.
 *       Where Excel saved the file (docProps/app.xml's Application), Excel's cached
 *       values; otherwise, and for a cell Excel left without a value, LibreOffice's
 *       recalculation (soffice, headless, with a throw-away profile that recalculates
 *       every formula on load). Needs `soffice` on the PATH; run once, the output is
 *       committed, so CI needs no LibreOffice. The values are read by scripts/xlsx-values.cjs
 *       (not the engine's reader).
 *
 * Chosen: every workbook (.xlsx, .xlsm) of those test-data folders that has a formula and
 * is under 150 KB, less duplicates
 * (a fuzzer's copy of Tables.xlsx, 45540_classic_Header.xlsx beside its Footer twin).
 * SheetJS's files are those of the repository's root, which its README puts under the
 * Apache License 2.0 (its subfolders hold derivatives of files under other terms).
 */
import { createHash } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import prettier from "prettier";
import { readFormulaCells } from "./xlsx-values.cjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = path.join(root, "test", "data", "corpus");

const SOURCES = {
  poi: {
    repo: "apache/poi",
    folder: "test-data/spreadsheet/",
    licence: { LICENSE: "legal/LICENSE", NOTICE: "legal/NOTICE" },
  },
  sheetjs: { repo: "SheetJS/test_files", folder: "", licence: { LICENSE: "LICENSE", "README.md": "README.md" } },
  exceljs: { repo: "exceljs/exceljs", folder: "spec/integration/data/", licence: { LICENSE: "LICENSE" } },
};

const SELECTION = {
  poi: [
    "0-www-crossref-org.lib.rivier.edu_education-files_suffix-generator.xlsm",
    "45540_classic_Footer.xlsx",
    "45544.xlsx",
    "46536.xlsx",
    "47026.xlsm",
    "47737.xlsx",
    "47804.xlsx",
    "47813.xlsx",
    "48539.xlsx",
    "48703.xlsx",
    "49156.xlsx",
    "49783.xlsx",
    "49872.xlsx",
    "49966.xlsx",
    "50096.xlsx",
    "50755_workday_formula_example.xlsx",
    "51710.xlsx",
    "51850.xlsx",
    "51998.xlsx",
    "52575_main.xlsx",
    "53101.xlsx",
    "53105.xlsx",
    "54206.xlsx",
    "54436.xlsx",
    "54524.xlsx",
    "55906-MultiSheetRefs.xlsx",
    "55926.xlsx",
    "55927.xlsx",
    "56315.xlsx",
    "56420.xlsx",
    "56502.xlsx",
    "56574.xlsx",
    "56644.xlsx",
    "56688_1.xlsx",
    "56688_2.xlsx",
    "56688_3.xlsx",
    "56688_4.xlsx",
    "56737.xlsx",
    "56822-Countifs.xlsx",
    "57181.xlsm",
    "57196.xlsx",
    "57535.xlsx",
    "57798.xlsx",
    "58106.xlsx",
    "58648.xlsx",
    "59106.xlsx",
    "59132.xlsx",
    "59736.xlsx",
    "60509.xlsx",
    "60512.xlsm",
    "61063.xlsx",
    "61495-test.xlsm",
    "61652.xlsx",
    "61869.xlsx",
    "62834.xlsx",
    "63934.xlsx",
    "66365.xlsx",
    "Booleans.xlsx",
    "DataTableCities.xlsx",
    "DataValidationEvaluations.xlsx",
    "DateFormatNumberTests.xlsx",
    "DateFormatTests.xlsx",
    "ElapsedFormatTests.xlsx",
    "ExcelTables.xlsx",
    "ForShifting.xlsx",
    "FormatChoiceTests.xlsx",
    "FormatConditionTests.xlsx",
    "FormatKM.xlsx",
    "FormulaEvalTestData_Copy.xlsx",
    "FormulaSheetRange.xlsx",
    "GeneralFormatTests.xlsx",
    "HsGetVal.xlsx",
    "InlineStrings.xlsx",
    "Intersection-52111-xssf.xlsx",
    "MatrixFormulaEvalTestData.xlsx",
    "NewStyleConditionalFormattings.xlsx",
    "NewlineInFormulas.xlsx",
    "NumberFormatApproxTests.xlsx",
    "NumberFormatTests.xlsx",
    "SampleSS.strict.xlsx",
    "SampleSS.xlsx",
    "SimpleNormal.xlsx",
    "SimpleStrict.xlsx",
    "StructuredReferences.xlsx",
    "Tables.xlsx",
    "TestShiftRowSharedFormula.xlsx",
    "TextFormatTests.xlsx",
    "VLookupFullColumn.xlsx",
    "ValueFunctionOfBlank.xlsx",
    "WithConditionalFormatting.xlsx",
    "WithThreeCharts.xlsx",
    "WithTwoCharts.xlsx",
    "XSSFSheet.copyRows.xlsx",
    "atp.xlsx",
    "bug60858.xlsx",
    "bug65306.xlsx",
    "bug65464.xlsx",
    "bug66215.xlsx",
    "bug67784.xlsx",
    "clone_sheet.xlsx",
    "conditional_formatting_cell_is.xlsx",
    "customIndexedColors.xlsx",
    "dataValidationTableRange.xlsx",
    "evaluate_formula_with_structured_table_references.xlsx",
    "formula-eval.xlsx",
    "link-external-workbook-b.xlsx",
    "ref-56737.xlsx",
    "ref2-56737.xlsx",
    "sample-beta.xlsx",
    "sample.strict.xlsx",
    "sample.xlsx",
    "shared_formulas.xlsx",
    "simple-monthly-budget.xlsx",
    "simple-table-named-range.xlsx",
    "table-sample.xlsx",
    "tableStyle.xlsx",
    "testNames.xlsm",
    "testSharedFormulasRangeSetBlankBug.xlsx",
    "testSharedFormulasSetBlank.xlsx",
    "test_conditional_formatting.xlsx",
    "tile-range-test.xlsx",
    "xlookup.xlsx",
  ],
  sheetjs: [
    "Attendance.xlsx",
    "ErrorTypes.xlsx",
    "LONumbers-2010.xlsx",
    "LONumbers-2011.xlsx",
    "LONumbers.xlsx",
    "cell_style_simple.xlsx",
    "comments_stress_test.xlsx",
    "defined_names_simple.xlsx",
    "formula_stress_test.xlsx",
    "formulae_test_simple.xlsx",
    "metadata_2019.xlsx",
    "named_ranges_2011.xlsx",
    "number_format.xlsm",
    "number_format_russian.xlsm",
    "numfmt_1_russian.xlsm",
    "pivot_table_named_range.xlsx",
    "sheet_visibility.xlsx",
    "sheet_visibility_strict.xlsx",
    "threaded_comments_none.xlsx",
    "xlsx-stream-d-date-cell.xlsx",
  ],
  exceljs: [
    "bogus-defined-name.xlsx",
    "fibonacci.xlsx",
    "formulas.xlsx",
    "gold.xlsx",
    "test-issue-1364.xlsx",
    "test-issue-877.xlsx",
  ],
};

/**
 * Workbooks whose cached values Excel did not compute from the cells as they are (a
 * program changed a cell after Excel saved the file): their expected values are
 * LibreOffice's, and why is recorded in the expected file.
 */
const STALE = {
  "poi/61495-test.xlsm":
    "TEST!A1 and A2 were set by Apache POI after Excel saved the file (its bug 61495): the cached TEXT results show the old values",
};

/**
 * Cells whose LibreOffice value is not Excel's, with Excel's value and why (only where
 * Excel did not save the file, so there is no cached value of Excel's to take).
 */
const CORRECTIONS = {
  "poi/47737.xlsx": {
    Request: {
      N12: {
        value: "",
        why: "=L12 where L12 holds an empty text (a shared string with no characters): Excel gives that text; LibreOffice reads an empty shared string as a blank cell and gives 0",
      },
    },
  },
};

const sha256 = (buf) => createHash("sha256").update(buf).digest("hex");
const git = (dir, ...args) => execFileSync("git", ["--git-dir", dir, ...args], { maxBuffer: 1 << 30 });

async function writeJson(file, value) {
  const text = await prettier.format(JSON.stringify(value), { parser: "json", printWidth: 120 });
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

async function importFiles(dirs) {
  const manifest = [];
  for (const [i, source] of Object.keys(SOURCES).entries()) {
    const dir = dirs[i];
    if (!dir)
      throw new Error(
        `import needs the git folders of ${Object.values(SOURCES)
          .map((s) => s.repo)
          .join(", ")}`,
      );
    const { repo, folder, licence } = SOURCES[source];
    const commit = git(dir, "rev-parse", "HEAD").toString().trim();
    const out = path.join(CORPUS, source);
    fs.mkdirSync(out, { recursive: true });
    for (const [name, from] of Object.entries(licence))
      fs.writeFileSync(path.join(out, name), git(dir, "show", `HEAD:${from}`));
    for (const name of SELECTION[source]) {
      const bytes = git(dir, "show", `HEAD:${folder}${name}`);
      fs.writeFileSync(path.join(out, name), bytes);
      manifest.push({
        file: `${source}/${name}`,
        repo,
        commit,
        path: `${folder}${name}`,
        bytes: bytes.length,
        sha256: sha256(bytes),
      });
    }
  }
  await writeJson(path.join(CORPUS, "manifest.json"), manifest);
  console.log(`${manifest.length} workbooks in ${path.relative(root, CORPUS)}`);
}

/** LibreOffice's recalculation of each file: a folder of .xlsx files it saved. */
function recalcWithLibreOffice(files) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "real-corpus-"));
  const user = path.join(work, "profile", "user");
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
  const inDir = path.join(work, "in");
  const outDir = path.join(work, "out");
  fs.mkdirSync(inDir);
  fs.mkdirSync(outDir);
  const names = files.map((f, i) => {
    const name = `${i}${path.extname(f)}`;
    fs.copyFileSync(f, path.join(inDir, name));
    return name;
  });
  const run = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${path.join(work, "profile")}`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...names,
    ],
    { cwd: inDir, encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (run.error) throw new Error(`soffice could not run (${run.error.message}); install LibreOffice`);
  const version = spawnSync("soffice", ["--version"], { encoding: "utf8" }).stdout.trim();
  return {
    version,
    out: (i) => path.join(outDir, `${i}.xlsx`),
    cleanup: () => fs.rmSync(work, { recursive: true, force: true }),
  };
}

const json = (v) => (v === undefined ? null : v);

async function expect(only) {
  const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, "manifest.json"), "utf8"));
  const entries = manifest.filter((m) => only.length === 0 || only.some((o) => m.file.includes(o)));
  const files = entries.map((m) => path.join(CORPUS, m.file));
  const lo = recalcWithLibreOffice(files);
  try {
    for (const [i, m] of entries.entries()) {
      const own = await readFormulaCells(fs.readFileSync(files[i]));
      const loFile = lo.out(i);
      const theirs = fs.existsSync(loFile) ? await readFormulaCells(fs.readFileSync(loFile)) : undefined;
      const stale = STALE[m.file];
      const excel = /^Microsoft/.test(own.application) && !stale;
      const corrections = CORRECTIONS[m.file] ?? {};
      const sheets = {};
      const libreOfficeDiffers = {};
      const fromLibreOffice = {};
      let cells = 0;
      for (const sheet of own.sheets) {
        const other = theirs?.sheets.find((s) => s.name === sheet.name);
        const values = {};
        for (const [addr, c] of sheet.cells) {
          cells++;
          const loValue = other?.cells.get(addr)?.value;
          const fix = corrections[sheet.name]?.[addr];
          let value;
          if (fix) value = fix.value;
          else if (excel && c.value !== null) value = c.value;
          else {
            value = json(loValue);
            if (excel) (fromLibreOffice[sheet.name] ??= []).push(addr);
          }
          values[addr] = value;
          if (excel && c.value !== null && loValue !== undefined && JSON.stringify(loValue) !== JSON.stringify(c.value))
            (libreOfficeDiffers[sheet.name] ??= {})[addr] = json(loValue);
        }
        sheets[sheet.name] = values;
      }
      const out = {
        file: m.file,
        application: own.application || "(none)",
        expected: excel ? "Excel's cached values" : `LibreOffice's recalculation (${lo.version})`,
        ...(stale ? { stale } : {}),
        ...(Object.keys(corrections).length ? { corrections } : {}),
        ...(Object.keys(fromLibreOffice).length ? { fromLibreOffice } : {}),
        iteration:
          own.calc.iterate === "1" || own.calc.iterate === "true"
            ? { delta: Number(own.calc.iterateDelta ?? 0.001) }
            : undefined,
        cells,
        sheets,
        ...(excel ? { libreOffice: lo.version, libreOfficeDiffers } : {}),
      };
      await writeJson(`${files[i]}.expected.json`, out);
      console.log(`${m.file}: ${cells} formula cells, ${out.expected}`);
    }
  } finally {
    lo.cleanup();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === "import") await importFiles(rest);
else if (command === "expect") await expect(rest);
else {
  console.error("usage: node scripts/real-corpus.mjs import POI.git SHEETJS.git EXCELJS.git | expect [FILE…]");
  process.exit(2);
}
