import type { SyncProgress } from './run';

export interface ProgressOptions {
  /** Milliseconds, for elapsed time and the estimate; injectable for tests. */
  now?: () => number;
  width?: number;
  /** Without a terminal: a plain line at most this often (and at the start and end). */
  lineEveryMs?: number;
}

const clock = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');

/** "12/290 kommuner · 18 000 värden · 34 anrop · 0:42 · ca 9:10 kvar": what a sync has done so far. */
export function progressLine(progress: SyncProgress, elapsedMs: number): string {
  const { done, total, figures, requests } = progress;
  const left = done > 0 && done < total ? ` · ca ${clock((elapsedMs / done) * (total - done))} kvar` : '';
  return `${done}/${total} kommuner · ${thousands(figures)} värden · ${requests} anrop till Kolada · ${clock(elapsedMs)}${left}`;
}

/** Where progress goes: a terminal (isTTY) or anything else that takes text. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * The sync's progress for a person watching: in a terminal one bar redrawn in place (kommuner done of
 * total, figures, requests, elapsed, estimate); elsewhere (a log, a pipe) a plain line now and then.
 */
export function progressReporter(stream: ProgressStream, options: ProgressOptions = {}) {
  const now = options.now ?? (() => performance.now());
  const width = options.width ?? 24;
  const every = options.lineEveryMs ?? 10_000;
  const tty = stream.isTTY === true;
  const start = now();
  let lastLine = Number.NEGATIVE_INFINITY;
  return {
    update(progress: SyncProgress) {
      const elapsed = now() - start;
      const line = progressLine(progress, elapsed);
      const finished = progress.done === progress.total && progress.kommun === null;
      if (tty) {
        const filled = progress.total === 0 ? width : Math.round((progress.done / progress.total) * width);
        stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${line}\x1b[K`);
        if (finished) stream.write('\n');
        return;
      }
      const first = progress.done === 0 && progress.kommun === null;
      if (first || finished || now() - lastLine >= every) {
        stream.write(`${line}\n`);
        lastLine = now();
      }
    },
  };
}
