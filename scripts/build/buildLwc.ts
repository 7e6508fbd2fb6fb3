/**
 * npm run build: turns every LWC `.ts` source into the `.js` the platform deploys, next to it in its
 * bundle, by stripping types with Babel (tsc would down-level decorators, which the LWC compiler
 * rejects), and copies chart.js into its static resource. `--clean` removes what the build wrote.
 */
import { transformAsync } from '@babel/core';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listLwcSources, PROJECT_ROOT, STATIC_RESOURCES_DIR } from './projectFiles';

const require = createRequire(import.meta.url);
export const CHART_JS_RESOURCE = path.join(STATIC_RESOURCES_DIR, 'chartjs.js');

export function chartJsDistribution(): string {
  // chart.js's exports map hides both the UMD build and package.json, so walk up from its entry point.
  const entry = require.resolve('chart.js');
  return path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'dist', 'chart.umd.min.js');
}

export async function stripTypes(source: string, filename: string): Promise<string> {
  const result = await transformAsync(source, {
    filename,
    babelrc: false,
    configFile: false,
    sourceMaps: false,
    retainLines: true,
    presets: [['@babel/preset-typescript', { allowDeclareFields: true, onlyRemoveTypeImports: true }]],
    plugins: [['@babel/plugin-syntax-decorators', { version: '2023-11' }]]
  });
  if (!result?.code) throw new Error(`Babel produced no output for ${filename}`);
  return `${result.code}\n`;
}

async function build(): Promise<void> {
  const sources = await listLwcSources();
  await Promise.all(
    sources.map(async (tsFile) => {
      const js = await stripTypes(await readFile(tsFile, 'utf8'), tsFile);
      await writeFile(tsFile.replace(/\.ts$/, '.js'), js);
    })
  );
  await copyFile(chartJsDistribution(), CHART_JS_RESOURCE);
  console.log(`build: ${sources.length} TypeScript files → .js; chart.js → ${path.relative(PROJECT_ROOT, CHART_JS_RESOURCE)}`);
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
