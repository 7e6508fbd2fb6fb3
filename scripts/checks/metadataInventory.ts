/**
 * What a source tree should deploy, and what a converted (metadata API) package.xml contains.
 * `sf project convert source` silently drops a component whose -meta.xml is missing, so the
 * metadata check compares these two lists instead of trusting the converter's exit code.
 */
import path from 'node:path';

export interface Component {
  type: string;
  name: string;
}

interface FolderType {
  type: string;
  /** The component a file is, or null when the file is part of another one. */
  name: (relative: string[]) => string | null;
  /** Components inside the folder's components, e.g. fields of an object, keyed by subfolder. */
  children?: Record<string, FolderType>;
}

/** Source folders and how a file in them names its component (null: the file is part of another one). */
const FOLDER_TYPES: Record<string, FolderType> = {
  classes: { type: 'ApexClass', name: ([file]) => stripSuffix(file, '.cls') },
  triggers: { type: 'ApexTrigger', name: ([file]) => stripSuffix(file, '.trigger') },
  lwc: {
    type: 'LightningComponentBundle',
    name: ([bundle, ...rest]) => (rest.length > 0 ? bundle : null)
  },
  staticresources: {
    type: 'StaticResource',
    name: ([file]) => (file.endsWith('-meta.xml') ? null : file.replace(/\.[^.]+$/, ''))
  },
  flexipages: { type: 'FlexiPage', name: ([file]) => stripSuffix(file, '.flexipage-meta.xml') },
  applications: {
    type: 'CustomApplication',
    name: ([file]) => stripSuffix(file, '.app-meta.xml')
  },
  tabs: { type: 'CustomTab', name: ([file]) => stripSuffix(file, '.tab-meta.xml') },
  permissionsets: {
    type: 'PermissionSet',
    name: ([file]) => stripSuffix(file, '.permissionset-meta.xml')
  },
  customPermissions: {
    type: 'CustomPermission',
    name: ([file]) => stripSuffix(file, '.customPermission-meta.xml')
  },
  labels: { type: 'CustomLabel', name: () => null },
  customMetadata: { type: 'CustomMetadata', name: ([file]) => stripSuffix(file, '.md-meta.xml') },
  objects: {
    type: 'CustomObject',
    name: ([object, kind]) => (kind === `${object}.object-meta.xml` ? object : null),
    children: {
      fields: {
        type: 'CustomField',
        name: ([object, , file]) => {
          const field = stripSuffix(file, '.field-meta.xml');
          return field === null ? null : `${object}.${field}`;
        }
      }
    }
  }
};

function stripSuffix(file: string, suffix: string): string | null {
  return file.endsWith(suffix) ? file.slice(0, -suffix.length) : null;
}

/** Files in the source tree that the converter ignores because .forceignore says so. */
function isIgnoredSource(relative: string[]): boolean {
  const file = relative[relative.length - 1];
  return (
    relative.includes('__tests__') ||
    file.endsWith('.ts') ||
    file === 'tsconfig.json' ||
    file === 'jsconfig.json'
  );
}

/** Expected components from the files under force-app/main/default (paths relative to it). */
export function expectedComponents(relativeFiles: string[]): {
  components: Component[];
  unknownFiles: string[];
} {
  const components = new Map<string, Component>();
  const unknownFiles: string[] = [];
  for (const relativeFile of relativeFiles) {
    const [folder, ...rest] = relativeFile.split(/[\\/]/);
    if (isIgnoredSource(rest)) continue;
    const folderType = FOLDER_TYPES[folder];
    if (!folderType) {
      unknownFiles.push(relativeFile);
      continue;
    }
    // <folder>/<component>/<child folder>/<file>: a child component (a custom field of an object).
    const childType = rest.length === 3 ? folderType.children?.[rest[1]] : undefined;
    const componentType = childType ?? folderType;
    const name = componentType.name(rest);
    if (name === null) continue;
    components.set(`${componentType.type}:${name}`, { type: componentType.type, name });
  }
  return { components: [...components.values()], unknownFiles };
}

/** Source components that need a -meta.xml beside them and lack one. */
export function missingMetaFiles(relativeFiles: string[]): string[] {
  const present = new Set(relativeFiles.map((file) => file.split(path.sep).join('/')));
  const missing: string[] = [];
  for (const file of present) {
    if (/^classes\/[^/]+\.cls$/.test(file) && !present.has(`${file}-meta.xml`))
      missing.push(`${file}-meta.xml`);
    const bundle = /^lwc\/([^/]+)\/[^/]+$/.exec(file)?.[1];
    if (bundle && !bundle.startsWith('__') && !present.has(`lwc/${bundle}/${bundle}.js-meta.xml`)) {
      missing.push(`lwc/${bundle}/${bundle}.js-meta.xml`);
    }
  }
  return [...new Set(missing)].sort();
}

/** Components listed in a package.xml. */
export function packageComponents(packageXml: string): Component[] {
  const components: Component[] = [];
  for (const typesBlock of packageXml.match(/<types>[\s\S]*?<\/types>/g) ?? []) {
    const type = /<name>([^<]+)<\/name>/.exec(typesBlock)?.[1];
    if (!type) continue;
    for (const [, member] of typesBlock.matchAll(/<members>([^<]+)<\/members>/g))
      components.push({ type, name: member });
  }
  return components;
}

export function missingComponents(expected: Component[], converted: Component[]): Component[] {
  const have = new Set(converted.map((component) => `${component.type}:${component.name}`));
  return expected.filter((component) => !have.has(`${component.type}:${component.name}`));
}
