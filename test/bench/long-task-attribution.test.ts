import { describe, expect, it } from 'vitest';
import { attributeLongTasks, type TraceEvent } from '../../bench/long-task-attribution';

const MAIN = 1;
const ms = (x: number) => x * 1000;
const task = (at: number, dur: number, tid = MAIN): TraceEvent => ({
  name: 'RunTask',
  ph: 'X',
  ts: ms(at),
  dur: ms(dur),
  tid,
});
const slice = (name: string, at: number, dur: number, args?: Record<string, unknown>): TraceEvent => ({
  name,
  ph: 'X',
  ts: ms(at),
  dur: ms(dur),
  tid: MAIN,
  ...(args ? { args } : {}),
});
const markAt = (name: string, at: number): TraceEvent => ({
  name: `utforarkollen:${name}`,
  ph: 'R',
  ts: ms(at),
  tid: MAIN,
});

/** A page load: the page renders (0-80), the content script starts at 100, badges are drawn at 300. */
const load = [
  task(0, 80),
  slice('Layout', 5, 60),
  task(95, 60),
  slice('EvaluateScript', 96, 55, { data: { url: 'chrome-extension://abc/content-scripts/content.js' } }),
  markAt('start', 100),
  task(200, 55),
  slice('FunctionCall', 201, 50),
  markAt('data', 210),
  markAt('badges', 300),
  task(310, 58),
  slice('Layout', 312, 25),
  slice('PrePaint', 338, 12),
  slice('Paint', 351, 9),
  task(400, 40),
  slice('Layout', 401, 35),
  task(500, 70, 2),
];

describe('attributing long tasks of a traced page load', () => {
  const tasks = attributeLongTasks(load);

  it('counts only main-thread tasks over 50 ms', () => {
    expect(tasks.map((t) => t.ms)).toEqual([80, 60, 55, 58]);
  });

  it("puts the page's own rendering before the content script on the page", () => {
    expect(tasks[0]).toMatchObject({ kind: 'page before extension', at: -100 });
  });

  it('blames the extension for a task that runs its script or sets its marks', () => {
    expect(tasks[1]?.kind).toBe('extension script');
    expect(tasks[2]?.kind).toBe('extension script');
  });

  it('calls a mostly-rendering task after the badges "rendering after badges", naming its parts', () => {
    expect(tasks[3]).toMatchObject({ kind: 'rendering after badges', ms: 58, at: 210 });
    expect(tasks[3]?.parts).toBe('Layout 25.0, PrePaint 12.0, Paint 9.0');
  });

  it('finds nothing in a trace without the extension’s marks', () => {
    expect(attributeLongTasks(load.filter((e) => !e.name.startsWith('utforarkollen:')))).toEqual([]);
  });
});
