/**
 * Builds the preview's browser bundle from the real components: the emitted `.js` of each bundle
 * in force-app (so `npm run build` must run first, exactly as before a deploy), compiled by the LWC
 * compiler, with lightning-base-components for `lightning-*` tags. Platform modules that only
 * exist inside Salesforce are replaced by small shims in ./client.
 */
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { rollup } from 'rollup';
import type { Plugin } from 'rollup';
import { LWC_DIR, PROJECT_ROOT } from '../build/projectFiles';
import { stripTypes } from '../build/stripTypes';

const CLIENT_DIR = path.join(PROJECT_ROOT, 'scripts', 'preview', 'client');
const APEX_PREFIX = '@salesforce/apex/';
const RESOURCE_PREFIX = '@salesforce/resourceUrl/';

/** Where the browser fetches a static resource; the server maps it to force-app/…/staticresources. */
export function resourceUrl(name: string): string {
  return `/resource/${name}`;
}

function platformShims(): Plugin {
  return {
    name: 'adoption-platform-shims',
    resolveId(source) {
      if (source.startsWith(APEX_PREFIX)) return `\0apex:${source.slice(APEX_PREFIX.length)}`;
      if (source.startsWith(RESOURCE_PREFIX))
        return `\0resource:${source.slice(RESOURCE_PREFIX.length)}`;
      if (source === 'lightning/platformResourceLoader')
        return path.join(CLIENT_DIR, 'platformResourceLoader.ts');
      if (source === 'lightning/navigation') return path.join(CLIENT_DIR, 'navigation.ts');
      return null;
    },
    load(id) {
      if (id.startsWith('\0apex:')) {
        const transport = JSON.stringify(path.join(CLIENT_DIR, 'apexTransport.ts'));
        return `import { apexMethod } from ${transport};\nexport default apexMethod(${JSON.stringify(id.slice(6))});\n`;
      }
      if (id.startsWith('\0resource:'))
        return `export default ${JSON.stringify(resourceUrl(id.slice(10)))};\n`;
      return null;
    },
    async transform(code, id) {
      return id.startsWith(CLIENT_DIR) && id.endsWith('.ts')
        ? { code: await stripTypes(code, id), map: null }
        : null;
    }
  };
}

/** SFDX bundles have no namespace folder, so each one is mapped to `c/<bundle>` explicitly. */
async function componentModules(): Promise<{ name: string; path: string }[]> {
  const entries = await readdir(LWC_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('__'))
    .map((entry) => ({
      name: `c/${entry.name}`,
      path: path.join(LWC_DIR, entry.name, `${entry.name}.js`)
    }));
}

export interface BundleResult {
  outputDir: string;
  seconds: number;
}

export async function bundlePreview(outputDir: string): Promise<BundleResult> {
  const started = Date.now();
  const bundle = await rollup({
    input: path.join(CLIENT_DIR, 'main.ts'),
    plugins: [
      platformShims(),
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify('production'),
          'import.meta.env.SSR': 'false'
        }
      }),
      lwc({
        rootDir: LWC_DIR,
        modules: [...(await componentModules()), { npm: 'lightning-base-components' }],
        enableDynamicComponents: true,
        // lightning-combobox attaches ElementInternals, which synthetic shadow refuses without this.
        enableSyntheticElementInternals: true
      }),
      nodeResolve()
    ],
    onwarn(warning, warn) {
      // lightning-base-components uses `this` at module level in a few vendored libraries, and its
      // templates draw LWC compiler warnings (LWC1057, LWC1137, LWC1145, LWC1149) about code that is
      // not ours and that the platform ships as is.
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
      if (/\bLWC\d{4}\b/.test(warning.message) && warning.id?.includes('lightning-base-components'))
        return;
      warn(warning);
    }
  });
  await bundle.write({
    dir: outputDir,
    format: 'esm',
    entryFileNames: 'app.js',
    chunkFileNames: 'chunks/[name]-[hash].js'
  });
  await bundle.close();
  return { outputDir, seconds: (Date.now() - started) / 1000 };
}

export async function readBundleFile(outputDir: string, relative: string): Promise<Buffer> {
  const file = path.resolve(outputDir, relative);
  if (!file.startsWith(path.resolve(outputDir) + path.sep))
    throw new Error(`Outside the bundle: ${relative}`);
  return readFile(file);
}
