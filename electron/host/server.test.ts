import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHostServer, type RunningServer } from './http';
import { startHost } from './server';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// node:http rather than fetch, because fetch forbids setting Host and may add Origin itself.
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('loopback host (HTTP layer)', () => {
  let host: RunningServer;
  const calls: Array<[string, unknown]> = [];
  const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

  beforeAll(async () => {
    const staticDir = mkdtempSync(path.join(tmpdir(), 'rc-host-'));
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    host = await createHostServer({
      staticDir,
      maxBodyBytes: 1000,
      call: async (method, payload) => {
        calls.push([method, payload]);
        return method === 'cases.get'
          ? { ok: false, error: { code: 'invalid_request', message: 'ref: must look like RC-000123' } }
          : { ok: true, value: { echoed: payload } };
      },
    });
  });
  afterAll(() => host.close());

  it('binds to 127.0.0.1 and hands out a 32-byte token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32);
  });

  it('answers a call with the right token', async () => {
    const answer = await send(`${host.url}/api/settings.get`, { headers: auth(), body: '{}' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { echoed: {} } });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a missing or wrong token with 401', async () => {
    const missing = await send(`${host.url}/api/settings.get`, { body: '{}' });
    const wrong = await send(`${host.url}/api/settings.get`, {
      headers: { Authorization: `Bearer ${host.token.slice(0, -1)}x` },
      body: '{}',
    });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
  });

  it('refuses a foreign Origin with 403 but accepts its own', async () => {
    const foreign = await send(`${host.url}/api/settings.get`, {
      headers: { ...auth(), Origin: 'https://evil.example' },
      body: '{}',
    });
    const own = await send(`${host.url}/api/settings.get`, {
      headers: { ...auth(), Origin: host.url },
      body: '{}',
    });
    expect([foreign.status, own.status]).toEqual([403, 200]);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const answer = await send(`${host.url}/api/settings.get`, {
      headers: { ...auth(), Host: 'evil.example' },
      body: '{}',
    });
    expect(answer.status).toBe(421);
  });

  it('refuses unknown methods, non-POST, non-JSON and oversized bodies', async () => {
    const before = calls.length;
    const unknown = await send(`${host.url}/api/cases.drop`, { headers: auth(), body: '{}' });
    const proto = await send(`${host.url}/api/toString`, { headers: auth(), body: '{}' });
    const get = await send(`${host.url}/api/settings.get`, { method: 'GET', headers: auth() });
    const notJson = await send(`${host.url}/api/settings.get`, { headers: auth(), body: '{nope' });
    const big = await send(`${host.url}/api/settings.get`, { headers: auth(), body: 'x'.repeat(5000) });
    // A malformed escape must be a 400, not an exception that takes the host down.
    const malformed = await send(`${host.url}/api/%E0%A4%A`, { headers: auth(), body: '{}' });
    expect([unknown.status, proto.status, get.status, notJson.status, big.status, malformed.status]).toEqual([
      400, 400, 405, 400, 413, 400,
    ]);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(calls.length).toBe(before);
  });

  it('maps a failed result to its HTTP status and keeps the envelope', async () => {
    const answer = await send(`${host.url}/api/cases.get`, { headers: auth(), body: '{"ref":"x"}' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await send(`${host.url}/`, { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const escape = await send(`${host.url}/%2e%2e/%2e%2e/etc/passwd`, { method: 'GET' });
    expect(escape.status).toBe(404);
  });
});

describe('startHost (real store)', () => {
  let host: RunningServer;
  const dir = mkdtempSync(path.join(tmpdir(), 'rc-host-db-'));
  beforeAll(async () => {
    host = await startHost({ dbFile: path.join(dir, 'cases.sqlite'), staticDir: dir });
  });
  afterAll(() => host.close());
  const post = (method: string, body: unknown) =>
    fetch(`${host.url}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('serves the handler table on 127.0.0.1', async () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    const answer = await post('settings.get', {});
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ ok: true, value: { language: expect.any(String) } });
  });

  it('answers a payload that breaks the schema with invalid_request', async () => {
    const answer = await post('cases.get', { ref: 'nope' });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('refuses a call without the token', async () => {
    const answer = await fetch(`${host.url}/api/settings.get`, { method: 'POST', body: '{}' });
    expect(answer.status).toBe(401);
  });
});

describe('requests the client aborts', () => {
  it('are logged with one line each, not a stack', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(
        args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '),
      );
    });
    const host = await createHostServer({ call: async () => ({ ok: true, value: null }) });
    try {
      const { port } = new URL(host.url);
      const ABORTED = 20;
      await Promise.all(
        Array.from(
          { length: ABORTED },
          () =>
            new Promise<void>((resolve) => {
              const socket = connect(Number(port), '127.0.0.1', () => {
                socket.write(
                  `POST /api/cases.list HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
                    `Authorization: Bearer ${host.token}\r\nContent-Length: 1000\r\n\r\n{"partial":`,
                );
                setTimeout(() => socket.destroy(), 20);
              });
              socket.on('close', () => resolve());
            }),
        ),
      );
      await expect.poll(() => lines.length).toBe(ABORTED);
      for (const line of lines) {
        expect(line).not.toContain('\n');
        expect(line).toMatch(/aborted by the client/);
      }
    } finally {
      spy.mockRestore();
      await host.close();
    }
  });
});
