/**
 * npm run check:metadata — converts force-app to metadata API format with the pinned Salesforce
 * CLI (offline) and fails when any source component is missing from the result, when a component
 * lacks its -meta.xml, when an LWC bundle has no compiled .js, or when TypeScript leaks into it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  DEFAULT_DIR,
  LWC_DIR,
  PROJECT_ROOT,
  listFiles,
  listLwcSources
} from '../build/projectFiles';
import {
  expectedComponents,
  missingComponents,
  missingMetaFiles,
  packageComponents
} from './metadataInventory';

const run = promisify(execFile);

/** Converts into a fresh folder outside the project: inside it, the CLI writes only package.xml. */
async function convert(): Promise<string> {
  const outputDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'adoption-convert-')), 'mdapi');
  const sf = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'sf');
  await run(
    sf,
    [
      'project',
      'convert',
      'source',
      '--source-dir',
      'force-app',
      '--output-dir',
      outputDir,
      '--json'
    ],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' }
    }
  );
  return outputDir;
}

/** Every TypeScript source must arrive as its compiled .js, and no .ts may deploy. */
async function lwcOutputProblems(outputDir: string): Promise<string[]> {
  const lwcDir = path.join(outputDir, 'lwc');
  const problems: string[] = [];
  for (const source of await listLwcSources()) {
    const [bundle, file] = path.relative(LWC_DIR, source).split(path.sep);
    const compiled = file.replace(/\.ts$/, '.js');
    if (!existsSync(path.join(lwcDir, bundle, compiled))) {
      problems.push(
        `lwc/${bundle}/${compiled} is missing from the converted bundle (run npm run build first)`
      );
    }
  }
  if (!existsSync(lwcDir)) return problems;
  for (const bundle of await readdir(lwcDir)) {
    const files = await readdir(path.join(lwcDir, bundle));
    for (const file of files.filter((name) => name.endsWith('.ts')))
      problems.push(`lwc/${bundle}/${file}: TypeScript source would deploy`);
  }
  return problems;
}

async function main(): Promise<void> {
  const started = Date.now();
  const sourceFiles = (await listFiles(DEFAULT_DIR, () => true)).map((file) =>
    path.relative(DEFAULT_DIR, file)
  );
  const { components, unknownFiles } = expectedComponents(sourceFiles);
  const outputDir = await convert();
  const converted = packageComponents(await readFile(path.join(outputDir, 'package.xml'), 'utf8'));
  const problems = [
    ...missingMetaFiles(sourceFiles).map((file) => `missing ${file}`),
    ...missingComponents(components, converted).map(
      (component) =>
        `${component.type} ${component.name} is in the source but not in the converted package`
    ),
    ...unknownFiles.map(
      (file) =>
        `${file}: folder not known to this check (add it to scripts/checks/metadataInventory.ts)`
    ),
    ...(await lwcOutputProblems(outputDir))
  ];
  await rm(path.dirname(outputDir), { recursive: true, force: true });
  for (const problem of problems) console.log(`FAIL ${problem}`);
  const byType = new Map<string, number>();
  for (const component of converted)
    byType.set(component.type, (byType.get(component.type) ?? 0) + 1);
  const summary = [...byType.entries()].map(([type, count]) => `${count} ${type}`).join(', ');
  console.log(
    `check:metadata: source ${components.length} components, converted ${converted.length} (${summary}), ${problems.length} problems, ${((Date.now() - started) / 1000).toFixed(1)}s`
  );
  if (problems.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(
    `check:metadata could not run: ${error instanceof Error ? error.message : String(error)}`
  );
  process.exitCode = 1;
});
