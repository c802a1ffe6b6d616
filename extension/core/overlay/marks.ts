/** Performance marks for bench/overlay.ts: start, listings read, data arrived, badges drawn, next frame, all. */
export function mark(name: string): void {
  performance.mark?.(`utforarkollen:${name}`);
}
