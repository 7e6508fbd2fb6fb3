/**
 * Loads an SFDX source folder's Apex: every `classes/*.cls` under it with the apiVersion of its
 * `.cls-meta.xml` (a class without one is an error, as in a deployment).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ApexClass, ClassRegistry } from './classes';
import { ApexSourceError } from './errors';
import { parseApexFile } from './parseDeclarations';

function classFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...classFiles(path));
    else if (entry.endsWith('.cls')) found.push(path);
  }
  return found.sort();
}

export function apiVersionOf(metaXml: string, file: string): number {
  const match = /<apiVersion>\s*([\d.]+)\s*<\/apiVersion>/.exec(metaXml);
  if (!match) throw new ApexSourceError(`${file}-meta.xml has no apiVersion`);
  return Number(match[1]);
}

/** Parses one class's source (tests and tools that hold source in memory). */
export function loadClass(file: string, source: string, apiVersion: number): ApexClass {
  return new ApexClass(parseApexFile(file, source), null, apiVersion);
}

export function loadSourceFolder(dir: string): ClassRegistry {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new ApexSourceError(`Source folder not found: ${dir}`);
  const classes = classFiles(dir).map((path) => {
    const meta = `${path}-meta.xml`;
    const name = relative(dir, path);
    if (!existsSync(meta)) throw new ApexSourceError(`${name} has no ${name}-meta.xml`);
    return loadClass(
      path.split('/').pop() ?? name,
      readFileSync(path, 'utf8'),
      apiVersionOf(readFileSync(meta, 'utf8'), name)
    );
  });
  return new ClassRegistry(classes);
}
