import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection } from 'jsforce';
import { DEFAULT_API_VERSION, connectToOrg, jsforceHttp } from '../connection';
import type { JsforceConnection, OrgHttp } from '../connection';
import { OrgApiError } from '../orgErrors';

const TOKEN = '00D000000000001!token';
let server: Server;
let instanceUrl: string;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const sendJson = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      sendJson(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    } else if (path === '/services/data/v65.0/ok') {
      sendJson(200, { done: true }, { 'Sforce-Locator': 'MTAwMDA=' });
    } else if (path === '/services/data/v65.0/csv') {
      response.writeHead(200, { 'Content-Type': 'text/csv' });
      response.end('"Id"\n"005A"\n');
    } else if (path === '/services/data/v65.0/limited') {
      sendJson(
        429,
        [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'ConcurrentRequests Limit exceeded.' }],
        { 'Retry-After': '3' }
      );
    } else if (path === '/services/data/v65.0/unavailable') {
      response.writeHead(503, { 'Content-Type': 'text/html' });
      response.end('<html><body>Down for maintenance</body></html>');
    } else if (path === '/services/data/v65.0/oauth') {
      sendJson(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
    } else if (path === '/services/data/v65.0/echo' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () =>
        sendJson(200, { body, contentType: request.headers['content-type'] })
      );
    } else {
      sendJson(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  instanceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function http(accessToken = TOKEN, url = instanceUrl): OrgHttp {
  const connection = new Connection({ instanceUrl: url, accessToken, version: '65.0' });
  return jsforceHttp(connection as unknown as JsforceConnection);
}

describe('jsforceHttp', () => {
  it('returns status, lower-cased headers and the raw body', async () => {
    const reply = await http().send({ method: 'GET', url: '/services/data/v65.0/ok' });
    expect(reply.status).toBe(200);
    expect(reply.headers['sforce-locator']).toBe('MTAwMDA=');
    expect(JSON.parse(reply.body)).toEqual({ done: true });
  });

  it('leaves CSV unparsed for the CSV reader', async () => {
    const reply = await http().send({ method: 'GET', url: '/services/data/v65.0/csv' });
    expect(reply.body).toBe('"Id"\n"005A"\n');
  });

  it('posts a JSON body', async () => {
    const reply = await http().send({
      method: 'POST',
      url: '/services/data/v65.0/echo',
      body: '{"operation":"query"}',
      headers: { 'content-type': 'application/json' }
    });
    expect(JSON.parse(reply.body)).toEqual({
      body: '{"operation":"query"}',
      contentType: 'application/json'
    });
  });

  it('reports a 429 with its code and Retry-After, after one request (jsforce does not retry)', async () => {
    const failing = http().send({ method: 'GET', url: '/services/data/v65.0/limited' });
    await expect(failing).rejects.toBeInstanceOf(OrgApiError);
    await expect(failing).rejects.toMatchObject({
      status: 429,
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'ConcurrentRequests Limit exceeded.',
      retryAfterMs: 3000
    });
    expect(hits.get('/services/data/v65.0/limited')).toBe(1);
  });

  it('reports an HTML error page by its status', async () => {
    await expect(
      http().send({ method: 'GET', url: '/services/data/v65.0/unavailable' })
    ).rejects.toMatchObject({
      status: 503,
      errorCode: 'ERROR_HTTP_503',
      message: '<html><body>Down for maintenance</body></html>'
    });
    expect(hits.get('/services/data/v65.0/unavailable')).toBe(1);
  });

  it('reads OAuth-style error bodies', async () => {
    await expect(
      http().send({ method: 'GET', url: '/services/data/v65.0/oauth' })
    ).rejects.toMatchObject({
      status: 400,
      errorCode: 'invalid_grant',
      message: 'expired access/refresh token'
    });
  });

  it('reports an invalid session as INVALID_SESSION_ID', async () => {
    await expect(
      http('expired').send({ method: 'GET', url: '/services/data/v65.0/ok' })
    ).rejects.toMatchObject({ status: 401, errorCode: 'INVALID_SESSION_ID' });
  });

  it('reports a refused connection by its socket code, with no status', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      http(TOKEN, `http://127.0.0.1:${port}`).send({
        method: 'GET',
        url: '/services/data/v65.0/ok'
      })
    ).rejects.toMatchObject({ status: undefined, errorCode: 'ECONNREFUSED' });
  });
});

describe('connectToOrg', () => {
  it('connects with an instance URL and a token, by its origin', async () => {
    const org = await connectToOrg({
      instanceUrl: `${instanceUrl}/lightning/page`,
      accessToken: TOKEN
    });
    expect(org.description).toBe(`org ${instanceUrl}`);
    expect(org.apiVersion).toBe(DEFAULT_API_VERSION);
    expect(org.alias).toBeUndefined();
    const reply = await org.http.send({ method: 'GET', url: '/services/data/v65.0/ok' });
    expect(reply.status).toBe(200);
  });

  it('refuses what is not an org', async () => {
    await expect(connectToOrg({ instanceUrl: 'acme', accessToken: TOKEN })).rejects.toThrow(
      'Not a URL: --instance-url "acme" (e.g. https://acme.my.salesforce.com).'
    );
    await expect(connectToOrg({ instanceUrl: 'ftp://acme', accessToken: TOKEN })).rejects.toThrow(
      '--instance-url must be an https:// URL, not "ftp://acme".'
    );
    await expect(connectToOrg({ instanceUrl })).rejects.toThrow(
      'Name an org: --target-org <alias>, or --instance-url <url> with the access token in SF_ACCESS_TOKEN.'
    );
    await expect(
      connectToOrg({ instanceUrl, accessToken: TOKEN, apiVersion: 'v65' })
    ).rejects.toThrow('Not a Salesforce API version: "v65" (expected e.g. 65.0).');
  });
});
