/**
 * The package's Apex over a generated demo org, ready to answer @AuraEnabled requests: the source
 * folder's classes (parsed once per folder) with the system library, and the demo org as the data
 * (org/demoApexOrg.ts).
 */
import path from 'node:path';
import type { DemoOrg } from '../../demo/model';
import type { ClassRegistry } from '../language/classes';
import { loadSourceFolder } from '../language/loader';
import { systemLibrary } from '../language/systemLibrary';
import { createDemoApexOrg } from '../org/demoApexOrg';
import type { DemoApexOrgOptions } from '../org/demoApexOrg';
import type { AuraRuntime } from './auraRequest';

/** This project's force-app. */
export const PACKAGE_DIR = path.join(__dirname, '..', '..', '..', 'force-app');

const registries = new Map<string, ClassRegistry>();

/** The classes of an SFDX package folder, parsed once. */
export function packageClasses(packageDir = PACKAGE_DIR): ClassRegistry {
  let registry = registries.get(packageDir);
  if (!registry) {
    registry = loadSourceFolder(packageDir);
    registries.set(packageDir, registry);
  }
  return registry;
}

export interface DemoRuntimeOptions extends Omit<DemoApexOrgOptions, 'sourceDir'> {
  /** The package folder; default this project's force-app. */
  packageDir?: string;
}

export function demoAuraRuntime(demo: DemoOrg, options: DemoRuntimeOptions = {}): AuraRuntime {
  const packageDir = options.packageDir ?? PACKAGE_DIR;
  return {
    registry: packageClasses(packageDir),
    library: systemLibrary,
    org: createDemoApexOrg(demo, {
      ...options,
      sourceDir: path.join(packageDir, 'main', 'default')
    }),
    timeZone: demo.timeZone
  };
}
