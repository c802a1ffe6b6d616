/**
 * One HTTP load generator for every run of a benchmark, so ratios compare like with like: wrk when it
 * is installed (Debian: apt-get install -y wrk; a C program, it leaves more CPU to the server), else
 * autocannon (a devDependency, in this process).
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  /** Requests that failed at the socket, timed out, or answered other than `expectStatus`. */
  failures: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** 200 unless a 304 is what is measured. */
  expectStatus?: number;
}

function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version.
    return (error as { status?: number }).status === 1;
  }
}

export const LOAD_GENERATOR = process.env.BENCH_CLIENT ?? (hasWrk() ? 'wrk' : 'autocannon');

const run = promisify(execFile);

async function withWrk(url: string, options: LoadOptions): Promise<LoadResult> {
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  const { stdout } = await run('wrk', [...args, url]);
  const rate = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const socketErrors = socket ? socket.slice(1).reduce((n, x) => n + Number(x), 0) : 0;
  // wrk counts anything outside 2xx/3xx; a 304 run expects 3xx, which it does not count either.
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  return { requestsPerSecond: rate, failures: socketErrors + non2xx };
}

async function withAutocannon(url: string, options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
  });
  const expected = options.expectStatus ?? 200;
  const other = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => Number(status) !== expected)
    .reduce((n, [, s]) => n + s.count, 0);
  return { requestsPerSecond: result.requests.average, failures: result.errors + result.timeouts + other };
}

export function load(url: string, options: LoadOptions): Promise<LoadResult> {
  return LOAD_GENERATOR === 'wrk' ? withWrk(url, options) : withAutocannon(url, options);
}
