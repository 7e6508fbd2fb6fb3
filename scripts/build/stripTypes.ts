/**
 * Turns an LWC TypeScript source into the JavaScript the platform deploys. Babel only removes the
 * types: tsc would down-level the decorators, and the LWC compiler then rejects `@api`.
 */
import { transformAsync } from '@babel/core';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from './projectFiles';

export async function stripTypes(source: string, filename: string): Promise<string> {
  const result = await transformAsync(source, {
    filename,
    babelrc: false,
    configFile: false,
    sourceMaps: false,
    retainLines: true,
    presets: [
      ['@babel/preset-typescript', { allowDeclareFields: true, onlyRemoveTypeImports: true }]
    ],
    plugins: [['@babel/plugin-syntax-decorators', { version: '2023-11' }]]
  });
  if (!result?.code) throw new Error(`Babel produced no output for ${filename}`);
  return `${result.code}\n`;
}

/** chart.js's UMD build, which its `exports` map hides from require.resolve. */
export function chartJsDistribution(): string {
  const entry = createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve('chart.js');
  return path.join(
    entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)),
    'dist',
    'chart.umd.min.js'
  );
}
