/**
 * The preview's HTTP server, on 127.0.0.1 only: the page, the component bundle, SLDS assets, the
 * chart.js static resource, and `/apex/<Class>.<method>`, answered by the TypeScript gateway or,
 * when given an `apex` backend, by it (the package's Apex in the local runtime: runtimeBackend.ts).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT, STATIC_RESOURCES_DIR } from '../build/projectFiles';
import { UserFacingError, callApex, isApexMethod } from '../gateway/controllers';
import type { GatewayContext } from '../gateway/loginActivityGateway';

const SLDS_ASSETS = path.join(
  PROJECT_ROOT,
  'node_modules',
  '@salesforce-ux',
  'design-system',
  'assets'
);
const MAX_BODY_BYTES = 64 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.html': 'text/html; charset=utf-8'
};

/** An answer to `/apex/<Class>.<method>`: the HTTP status and the JSON body. */
export interface ApexAnswer {
  status: number;
  body: unknown;
}

/** Answers one Apex call: 200 `{ result }`, else an error status with `{ message, … }`. */
export type ApexBackend = (
  qualifiedName: string,
  params: Record<string, unknown>
) => Promise<ApexAnswer>;

export interface PreviewServerOptions {
  bundleDir: string;
  context: GatewayContext;
  /** Answers the Apex calls instead of the gateway over `context`. */
  apex?: ApexBackend;
  /** Shown in the page header, e.g. "demo org: 500 users, seed 42". */
  sourceLabel: string;
  port: number;
}

export function pageHtml(sourceLabel: string): string {
  const label = sourceLabel.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Adoption Dashboard — preview</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
</head>
<body class="slds-scope" style="background: #f3f3f3">
<header class="slds-page-header slds-m-bottom_small" role="banner">
  <div class="slds-page-header__row"><div class="slds-page-header__col-title">
    <h1 class="slds-page-header__title">Adoption Dashboard</h1>
    <p class="slds-page-header__name-meta preview-source">Local preview · ${label}</p>
  </div></div>
</header>
<main id="main" class="slds-p-horizontal_small"></main>
<script type="module" src="/app.js"></script>
</body>
</html>
`;
}

/** A file under `root`, or undefined when the path escapes it or does not exist. */
function fileUnder(root: string, relative: string): string | undefined {
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (!file.startsWith(root + path.sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function sendFile(response: ServerResponse, file: string | undefined): void {
  if (!file) {
    sendJson(response, 404, { message: 'Not found' });
    return;
  }
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
  });
  createReadStream(file).pipe(response);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new UserFacingError('The request is too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserFacingError('Apex parameters must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** The TypeScript gateway as an Apex backend. */
export function gatewayBackend(context: GatewayContext): ApexBackend {
  return async (name, params) => {
    if (!isApexMethod(name)) {
      return { status: 404, body: { message: `No @AuraEnabled method ${name} in this package.` } };
    }
    return { status: 200, body: { result: await callApex(name, context, params) } };
  };
}

async function handleApex(
  request: IncomingMessage,
  response: ServerResponse,
  name: string,
  backend: ApexBackend
): Promise<void> {
  if (request.method !== 'POST') {
    sendJson(response, 404, { message: `No @AuraEnabled method ${name} in this package.` });
    return;
  }
  try {
    const answer = await backend(name, await readJsonBody(request));
    sendJson(response, answer.status, answer.body);
  } catch (error) {
    if (error instanceof UserFacingError || error instanceof SyntaxError) {
      sendJson(response, 400, { message: error.message });
    } else {
      console.error(`preview: ${name} failed:`, error);
      sendJson(response, 500, {
        message: `${name} failed on the preview server: ${error instanceof Error ? error.message : String(error)}`
      });
    }
  }
}

export function createPreviewServer(options: PreviewServerOptions): Server {
  const page = pageHtml(options.sourceLabel);
  const backend = options.apex ?? gatewayBackend(options.context);
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = decodeURIComponent(url.pathname);
    if (route === '/' || route === '/index.html') {
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html'] });
      response.end(page);
    } else if (route === '/favicon.ico') {
      response.writeHead(204);
      response.end();
    } else if (route.startsWith('/apex/')) {
      void handleApex(request, response, route.slice('/apex/'.length), backend);
    } else if (route.startsWith('/assets/')) {
      sendFile(response, fileUnder(SLDS_ASSETS, route.slice('/assets/'.length)));
    } else if (route.startsWith('/resource/')) {
      sendFile(response, fileUnder(STATIC_RESOURCES_DIR, `${route.slice('/resource/'.length)}.js`));
    } else {
      sendFile(response, fileUnder(options.bundleDir, route.slice(1)));
    }
  });
}

/** Listens on 127.0.0.1 (never another interface) and resolves with the URL. */
export function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${address.port}/`);
    });
  });
}
