/**
 * The bare tool doing the same work: a node:http server, nothing else, answering each path with the
 * exact status, headers and bytes the API sent for it. The API's throughput is measured against it,
 * side by side, so the ratio says what the API's own code costs on this machine at this moment.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';

export interface CapturedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One GET's answer, raw (undecompressed), without the hop-by-hop headers Node adds itself. */
export function capture(url: string, headers: Record<string, string> = {}): Promise<CapturedAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const kept = Object.entries(res.headers).filter(
          ([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name),
        );
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(kept.map(([k, v]) => [k, String(v)])),
          body: Buffer.concat(chunks),
        });
      });
    })
      .on('error', reject)
      .end();
  });
}

const SERVER = `
const { createServer } = require('node:http');
process.once('message', (list) => {
  const answers = new Map(list.map(([path, a]) => [path, { ...a, body: Buffer.from(a.body, 'base64') }]));
  const server = createServer((req, res) => {
    const a = answers.get(req.url);
    if (!a) { res.writeHead(404).end(); return; }
    res.writeHead(a.status, a.headers);
    res.end(a.body);
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
});
`;

/** Starts the bare server in its own process (as the API runs in its own); resolves with its base URL. */
export function startBareServer(answers: Record<string, CapturedAnswer>) {
  const encoded = Object.entries(answers).map(([path, a]) => [
    path,
    { ...a, body: a.body.toString('base64') },
  ]);
  const child: ChildProcess = spawn(process.execPath, ['-e', SERVER], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  child.send(encoded);
  return new Promise<{ base: string; child: ChildProcess }>((resolve, reject) => {
    child.once('message', (port) => resolve({ base: `http://127.0.0.1:${port}`, child }));
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}
