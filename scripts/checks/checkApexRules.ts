/**
 * npm run check:apex-rules — the house rules of STYLE.md that no off-the-shelf analyzer checks, over
 * force-app's Apex classes: no variable named like a type or hiding a constant, an explicit access
 * mode on every query, LoginHistory read in system mode with a stated reason, and no aggregate
 * query in a SOQL for loop. Rules and their reasons: apexNamingRules.ts and apexQueryRules.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CLASSES_DIR, DEFAULT_DIR, PROJECT_ROOT, listFiles } from '../build/projectFiles';
import { checkApexRules, formatRuleFinding } from './apexRules';
import { addCustomObjects, loadStandardObjects } from './schemaSources';

const STANDARD_OBJECTS = path.join(PROJECT_ROOT, 'config', 'schema', 'standard-objects.json');

async function main(): Promise<void> {
  const started = Date.now();
  const files = await listFiles(CLASSES_DIR, (file) => file.endsWith('.cls'));
  const sources = await Promise.all(
    files.map(async (file) => ({
      file: path.relative(PROJECT_ROOT, file),
      source: await readFile(file, 'utf8')
    }))
  );
  const schema = await addCustomObjects(
    await loadStandardObjects(STANDARD_OBJECTS),
    path.join(DEFAULT_DIR, 'objects')
  );
  const findings = checkApexRules(sources, Object.keys(schema));
  for (const finding of findings) console.log(`FAIL ${formatRuleFinding(finding)}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `check:apex-rules: ${files.length} classes, ${findings.length} findings (type-shadowing, field-shadowing, access-mode, login-history-system-mode, aggregate-for-loop), ${seconds}s`
  );
  if (findings.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(
    `check:apex-rules could not run: ${error instanceof Error ? error.stack : String(error)}`
  );
  process.exitCode = 1;
});
