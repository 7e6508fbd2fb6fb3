/** Where the project's sources live, shared by the build and the checks. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKAGE_DIR = path.join(PROJECT_ROOT, 'force-app');
export const DEFAULT_DIR = path.join(PACKAGE_DIR, 'main', 'default');
export const LWC_DIR = path.join(DEFAULT_DIR, 'lwc');
export const CLASSES_DIR = path.join(DEFAULT_DIR, 'classes');
export const STATIC_RESOURCES_DIR = path.join(DEFAULT_DIR, 'staticresources');

export async function listFiles(dir: string, predicate: (file: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(predicate)
    .sort();
}

/** LWC TypeScript sources that deploy (not declarations, not tests). */
export function listLwcSources(): Promise<string[]> {
  return listFiles(
    LWC_DIR,
    (file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.includes(`${path.sep}__tests__${path.sep}`)
  );
}
