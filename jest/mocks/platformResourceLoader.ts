/**
 * lightning/platformResourceLoader for jsdom: loadScript evaluates the real chart.js UMD build
 * (the same file the static resource ships) so components get a real Chart they can draw with.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const CHART_JS = path.join(
  __dirname,
  '..',
  '..',
  'node_modules',
  'chart.js',
  'dist',
  'chart.umd.min.js'
);

export const loadScript = jest.fn(async (): Promise<void> => {
  if (!(window as unknown as { Chart?: unknown }).Chart) {
    // Indirect eval runs the UMD build in the global scope, as a <script> tag would.
    (0, eval)(readFileSync(CHART_JS, 'utf8'));
  }
});

export const loadStyle = jest.fn(async (): Promise<void> => undefined);
