import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { referenceDescribe } from '../../gateway/describe';
import { memorySettingsStore } from '../../gateway/gatewayContext';
import type { GatewayContext } from '../../gateway/gatewayContext';
import type { QueryRunner } from '../../gateway/queryRunner';
import type { SelectorQueries } from '../../gateway/selectorQueries';
import { createPreviewServer, listen, pageHtml } from '../server';

const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'preview-bundle-'));
writeFileSync(path.join(bundleDir, 'app.js'), 'console.log("app");');

const failingRunner: QueryRunner = {
  query: () => Promise.reject(new Error('engine exploded'))
};
const context: GatewayContext = {
  runner: failingRunner,
  queries: {
    'UserSelector.VIEWER_TEMPLATE': 'SELECT Id FROM User WHERE Id = :viewerId'
  } as SelectorQueries,
  asOf: new Date('2026-11-23T12:00:00Z'),
  timeZone: 'UTC',
  viewerId: '005V',
  permissions: new Set(),
  settings: memorySettingsStore({}),
  describe: referenceDescribe({})
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createPreviewServer({ bundleDir, context, sourceLabel: 'demo <org>', port: 0 });
  base = await listen(server, 0);
});

afterAll(() => server.close());

const post = (route: string, body: string): Promise<Response> =>
  fetch(new URL(route, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body
  });

describe('preview server', () => {
  it('listens on the loopback address only', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with the escaped source label and SLDS', async () => {
    const response = await fetch(base);
    const html = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('Local preview · demo &#60;org&#62;');
    expect(html).toContain('/assets/styles/salesforce-lightning-design-system.min.css');
    expect(pageHtml('x')).toContain('<script type="module" src="/app.js">');
  });

  it('serves the bundle and SLDS assets, and nothing outside them', async () => {
    expect(await (await fetch(new URL('/app.js', base))).text()).toBe('console.log("app");');
    const css = await fetch(
      new URL('/assets/styles/salesforce-lightning-design-system.min.css', base)
    );
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await fetch(new URL('/assets/%2e%2e/%2e%2e/%2e%2e/package.json', base))).status).toBe(
      404
    );
    expect((await fetch(new URL('/nothing-here.js', base))).status).toBe(404);
    expect((await fetch(new URL('/favicon.ico', base))).status).toBe(204);
  });

  it('answers a bad period with the Apex message and status 400', async () => {
    const response = await post(
      '/apex/LoginActivityController.getLoginLeaderboard',
      '{"periodDays":14}'
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Choose a period of 7, 30 or 90 days.' });
  });

  it('rejects malformed parameters and unknown methods clearly', async () => {
    expect(
      (await post('/apex/LoginActivityController.getLoginLeaderboard', '{not json')).status
    ).toBe(400);
    const list = await post('/apex/LoginActivityController.getLoginLeaderboard', '[1]');
    expect(await list.json()).toEqual({ message: 'Apex parameters must be a JSON object.' });
    const unknown = await post('/apex/Secret.delete', '{}');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      message: 'No @AuraEnabled method Secret.delete in this package.'
    });
    expect(
      (await fetch(new URL('/apex/LoginActivityController.getLoginSummary', base))).status
    ).toBe(404);
  });

  it('reports a failing query as a server error naming the method', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await post('/apex/LoginActivityController.getLoginSummary', '');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      message:
        'LoginActivityController.getLoginSummary failed on the preview server: engine exploded'
    });
  });

  it('refuses oversized request bodies', async () => {
    const response = await post(
      '/apex/LoginActivityController.getLoginLeaderboard',
      JSON.stringify({ pad: 'x'.repeat(70_000) })
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'The request is too large.' });
  });
});

describe('preview server with an Apex backend', () => {
  it('answers /apex/ calls with the backend status and body instead of the gateway', async () => {
    const calls: [string, Record<string, unknown>][] = [];
    const apexServer = createPreviewServer({
      bundleDir,
      context,
      apex: async (name, params) => {
        calls.push([name, params]);
        return name.endsWith('.refuse')
          ? { status: 400, body: { message: 'No.' } }
          : { status: 200, body: { result: { echoed: params } } };
      },
      sourceLabel: 'runtime',
      port: 0
    });
    const url = await listen(apexServer, 0);
    try {
      const ok = await fetch(new URL('/apex/AnyController.getThing', url), {
        method: 'POST',
        body: '{"periodDays":14}'
      });
      expect(await ok.json()).toEqual({ result: { echoed: { periodDays: 14 } } });
      const refused = await fetch(new URL('/apex/AnyController.refuse', url), { method: 'POST' });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ message: 'No.' });
      expect(calls.map(([name]) => name)).toEqual([
        'AnyController.getThing',
        'AnyController.refuse'
      ]);
    } finally {
      apexServer.close();
    }
  });
});
