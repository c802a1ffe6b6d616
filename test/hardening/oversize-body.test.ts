import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../api/config';
import { openDatabase } from '../../api/db/client';
import { createToken } from '../../api/editors/tokens';
import { startServer } from '../../api/server';
import { preparedDatabaseUrl } from './prepared-db';
import { tally } from './tally';

const url = await preparedDatabaseUrl();

type Answer = { status: number; code?: string; connection: string | null } | { failed: string };

/** What a client saw: the status and error code, or how the request failed (e.g. UND_ERR_SOCKET). */
async function answer(request: Promise<{ status: number; headers: Headers; text(): Promise<string> }>) {
  try {
    const res = await request;
    const text = await res.text();
    const code = text.startsWith('{')
      ? (JSON.parse(text) as { error?: { code: string } }).error?.code
      : undefined;
    return { status: res.status, code, connection: res.headers.get('connection') } satisfies Answer;
  } catch (error) {
    const e = error as { code?: string; cause?: { code?: string; message?: string }; message: string };
    return { failed: e.cause?.code ?? e.code ?? e.cause?.message ?? e.message } satisfies Answer;
  }
}

/**
 * A real listening server (Node's HTTP parser, @hono/node-server), not app.request: a body over the
 * limit must get its 413 to every client, and the client's next request on the same keep-alive
 * connection must be answered too.
 */
describe('a body over the limit, on a real server with keep-alive clients', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = openDatabase(url);
  const editor = await createToken(db, '0581', 'Norrköping, äldreomsorg');
  const server = await startServer(
    db,
    readConfig({ PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '0' }),
  );
  const agent = new Agent({ connections: 1 });
  afterAll(async () => {
    await agent.close();
    await server.close();
    db.$client.close();
  });

  const json = { 'Content-Type': 'application/json' };
  const oversize = (bytes: number) =>
    JSON.stringify({ huvudman: '0581', names: ['x'], pad: 'x'.repeat(bytes) });

  const clients = {
    "Node's fetch": (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init),
    'undici, one keep-alive connection': (path: string, init?: RequestInit) =>
      undiciFetch(`${server.url}${path}`, { ...(init as object), dispatcher: agent }),
  };

  it.each(Object.entries(clients))(
    '%s: 20 times a 2 MB match, each answered 413 and followed by an ordinary request that is answered',
    async (client, send) => {
      const body = oversize(2 * 1024 * 1024);
      const seen: string[] = [];
      for (let i = 0; i < 20; i++) {
        const refused = await answer(send('/v1/match', { method: 'POST', body, headers: json }));
        const next = await answer(send('/v1/kommuner/0581'));
        seen.push(`${JSON.stringify(refused)} then ${JSON.stringify(next)}`);
        tally(
          'limits',
          `${client}: 2 MB body, then a GET on the same client`,
          `${'status' in refused ? refused.status : refused.failed} / ${'status' in next ? next.status : next.failed}`,
        );
      }
      expect(seen).toEqual(
        Array(20).fill(
          `${JSON.stringify({ status: 413, code: 'payload_too_large', connection: 'keep-alive' })} then ${JSON.stringify({ status: 200, connection: 'keep-alive' })}`,
        ),
      );
    },
  );

  it.each(Object.entries(clients))(
    '%s: a body far beyond what is worth reading gets its 413 with Connection: close, and the client goes on',
    async (_client, send) => {
      const body = oversize(24 * 1024 * 1024);
      for (let i = 0; i < 3; i++) {
        expect(await answer(send('/v1/feedback', { method: 'POST', body, headers: json }))).toEqual({
          status: 413,
          code: 'payload_too_large',
          connection: 'close',
        });
        expect(await answer(send('/health'))).toMatchObject({ status: 200 });
      }
    },
  );

  it('a register upload over its own 5 MB limit, likewise', async () => {
    const send = clients['undici, one keep-alive connection'];
    const headers = { 'Content-Type': 'text/csv', Authorization: `Bearer ${editor.token}` };
    for (let i = 0; i < 5; i++) {
      const refused = await answer(
        send('/v1/admin/registers/0581', { method: 'PUT', body: 'x'.repeat(6 * 1024 * 1024), headers }),
      );
      expect(refused).toMatchObject({ status: 413, code: 'payload_too_large' });
      expect(await answer(send('/health'))).toMatchObject({ status: 200 });
    }
  });

  it('a chunked body (no Content-Length) over the limit, likewise', async () => {
    const send = clients['undici, one keep-alive connection'];
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    for (let i = 0; i < 5; i++) {
      const stream = new ReadableStream({
        start(controller) {
          for (let n = 0; n < 32; n++) controller.enqueue(chunk);
          controller.close();
        },
      });
      const refused = await answer(
        send('/v1/match', { method: 'POST', body: stream, headers: json, duplex: 'half' } as RequestInit),
      );
      expect(refused).toMatchObject({ status: 413, code: 'payload_too_large' });
      expect(await answer(send('/health'))).toMatchObject({ status: 200 });
    }
  });
});
