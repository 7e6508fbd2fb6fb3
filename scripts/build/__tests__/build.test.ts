import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { transformSync } from '@lwc/compiler';
import {
  LWC_DIR,
  PROJECT_ROOT,
  findProjectRoot,
  isTypeScriptSource,
  listLwcSources
} from '../projectFiles';
import { chartJsDistribution, stripTypes } from '../stripTypes';

const component = `import { LightningElement, api, wire } from 'lwc';
import type { RankedEntry } from 'c/adoptionMetrics';
import getThing from '@salesforce/apex/ThingController.getThing';

interface Row { id: string }

export default class Thing extends LightningElement {
  @api rows: RankedEntry[] = [];
  @api declare label: string;
  private count: number = 0;

  @wire(getThing, { id: '$recordId' })
  wired(result: { data?: Row[] }): void {
    this.count = result.data?.length ?? 0;
  }
}
`;

describe('stripTypes', () => {
  it('removes types and type-only imports but keeps standard decorators as written', async () => {
    const js = await stripTypes(component, 'thing.ts');
    expect(js).not.toMatch(/interface Row|RankedEntry|: number|: string/);
    expect(js).toContain('@api');
    expect(js).toContain("@wire(getThing, { id: '$recordId' })");
    expect(js).not.toContain('_decorate');
  });

  it('emits code the LWC compiler accepts', async () => {
    const js = await stripTypes(component, 'thing.ts');
    const result = transformSync(js, 'thing.js', { namespace: 'c', name: 'thing' });
    expect(result.code).toContain('registerDecorators');
  });

  it('keeps retained line numbers so stack traces point at the .ts source', async () => {
    const js = await stripTypes(component, 'thing.ts');
    const line = (text: string, needle: string): number =>
      text.split('\n').findIndex((row) => row.includes(needle));
    expect(line(js, 'this.count = ')).toBe(line(component, 'this.count = '));
  });
});

describe('project files', () => {
  it('finds the project root from any folder inside it, and refuses outside it', () => {
    expect(findProjectRoot(path.join(PROJECT_ROOT, 'force-app', 'main'))).toBe(PROJECT_ROOT);
    expect(() => findProjectRoot(os.tmpdir())).toThrow('No sfdx-project.json at or above');
  });

  it('lists deployable LWC TypeScript, not tests or declarations', async () => {
    const sources = await listLwcSources();
    expect(sources).toContain(path.join(LWC_DIR, 'adoptionMetrics', 'adoptionMetrics.ts'));
    expect(sources.every(isTypeScriptSource)).toBe(true);
    expect(isTypeScriptSource(path.join(LWC_DIR, 'a', '__tests__', 'a.test.ts'))).toBe(false);
    expect(isTypeScriptSource(path.join(LWC_DIR, 'a', 'types.d.ts'))).toBe(false);
  });

  it('locates the chart.js UMD build for the static resource', () => {
    expect(chartJsDistribution().endsWith(path.join('chart.js', 'dist', 'chart.umd.min.js'))).toBe(
      true
    );
    expect(existsSync(chartJsDistribution())).toBe(true);
  });
});
