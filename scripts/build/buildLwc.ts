/**
 * npm run build: writes every LWC `.ts` source as the `.js` the platform deploys, next to it in
 * its bundle, and copies chart.js into its static resource. `--clean` removes what the build wrote.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT, STATIC_RESOURCES_DIR, listLwcSources } from './projectFiles';
import { chartJsDistribution, stripTypes } from './stripTypes';

const CHART_JS_RESOURCE = path.join(STATIC_RESOURCES_DIR, 'chartjs.js');

async function build(): Promise<void> {
  const sources = await listLwcSources();
  await Promise.all(
    sources.map(async (tsFile) => {
      const js = await stripTypes(await readFile(tsFile, 'utf8'), tsFile);
      await writeFile(tsFile.replace(/\.ts$/, '.js'), js);
    })
  );
  await copyFile(chartJsDistribution(), CHART_JS_RESOURCE);
  console.log(
    `build: ${sources.length} TypeScript files → .js; chart.js → ${path.relative(PROJECT_ROOT, CHART_JS_RESOURCE)}`
  );
}

async function clean(): Promise<void> {
  const sources = await listLwcSources();
  await Promise.all(sources.map((tsFile) => rm(tsFile.replace(/\.ts$/, '.js'), { force: true })));
  await rm(CHART_JS_RESOURCE, { force: true });
  console.log(`clean: removed ${sources.length} emitted .js files and the chart.js copy`);
}

const run = process.argv.includes('--clean') ? clean : build;
run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
