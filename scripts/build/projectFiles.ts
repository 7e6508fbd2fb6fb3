/** Where the project's sources live, shared by the build and the checks. */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The nearest folder at or above `start` holding sfdx-project.json (npm scripts run at the root). */
export function findProjectRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'sfdx-project.json'))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`No sfdx-project.json at or above ${start}: run this from the project.`);
  }
}

export const PROJECT_ROOT = findProjectRoot(process.cwd());
export const PACKAGE_DIR = path.join(PROJECT_ROOT, 'force-app');
export const DEFAULT_DIR = path.join(PACKAGE_DIR, 'main', 'default');
export const LWC_DIR = path.join(DEFAULT_DIR, 'lwc');
export const CLASSES_DIR = path.join(DEFAULT_DIR, 'classes');
export const STATIC_RESOURCES_DIR = path.join(DEFAULT_DIR, 'staticresources');

export async function listFiles(
  dir: string,
  predicate: (file: string) => boolean
): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(predicate)
    .sort();
}

export function isTypeScriptSource(file: string): boolean {
  return (
    file.endsWith('.ts') &&
    !file.endsWith('.d.ts') &&
    !file.includes(`${path.sep}__tests__${path.sep}`)
  );
}

/** LWC TypeScript sources that deploy (not declarations, not tests). */
export function listLwcSources(): Promise<string[]> {
  return listFiles(LWC_DIR, isTypeScriptSource);
}
