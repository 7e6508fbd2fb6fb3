/**
 * npm run check:schema — every SOQL statement in the Apex classes and the TypeScript sources names
 * fields that exist on their objects, with the filter/group/sort capabilities its clauses need.
 * Dynamic-SOQL templates are checked once per sample of soqlTemplateSamples.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CLASSES_DIR,
  DEFAULT_DIR,
  PACKAGE_DIR,
  PROJECT_ROOT,
  isTypeScriptSource,
  listFiles
} from '../build/projectFiles';
import { addCustomObjects, loadStandardObjects } from './schemaSources';
import { checkSoql } from './soqlSchema';
import { apexSoql, typeScriptSoql } from './soqlSources';
import type { SoqlStatement } from './soqlSources';
import { SOQL_TEMPLATE_SAMPLES } from './soqlTemplateSamples';
import { expandTemplates } from './templateStatements';

const STANDARD_OBJECTS = path.join(PROJECT_ROOT, 'config', 'schema', 'standard-objects.json');

async function collectStatements(): Promise<SoqlStatement[]> {
  const apexFiles = await listFiles(CLASSES_DIR, (file) => file.endsWith('.cls'));
  const tsFiles = [
    ...(await listFiles(PACKAGE_DIR, isTypeScriptSource)),
    ...(await listFiles(path.join(PROJECT_ROOT, 'scripts'), isTypeScriptSource))
  ];
  const relative = (file: string): string => path.relative(PROJECT_ROOT, file);
  const apex = await Promise.all(
    apexFiles.map(async (file) => apexSoql(await readFile(file, 'utf8'), relative(file)))
  );
  const typeScript = await Promise.all(
    tsFiles.map(async (file) => typeScriptSoql(await readFile(file, 'utf8'), relative(file)))
  );
  return [...apex.flat(), ...typeScript.flat()];
}

async function main(): Promise<void> {
  const started = Date.now();
  const schema = await addCustomObjects(
    await loadStandardObjects(STANDARD_OBJECTS),
    path.join(DEFAULT_DIR, 'objects')
  );
  const { statements, problems: templateProblems } = expandTemplates(
    await collectStatements(),
    SOQL_TEMPLATE_SAMPLES
  );
  let problemCount = templateProblems.length;
  for (const problem of templateProblems) console.log(`FAIL ${problem}`);
  for (const statement of statements) {
    for (const problem of checkSoql(statement.soql, schema)) {
      problemCount += 1;
      console.log(
        `FAIL ${statement.file}:${statement.line} ${problem}\n     ${statement.soql.replace(/\s+/g, ' ')}`
      );
    }
  }
  const files = new Set(statements.map((statement) => statement.file)).size;
  console.log(
    `check:schema: ${statements.length} SOQL statements in ${files} files, ${problemCount} problems, ${((Date.now() - started) / 1000).toFixed(1)}s`
  );
  if (problemCount > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(
    `check:schema could not run: ${error instanceof Error ? error.stack : String(error)}`
  );
  process.exitCode = 1;
});
