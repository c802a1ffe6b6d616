/**
 * npm run bench:match — in one run:
 * 1. precision and recall of the matcher on the labelled texts in test/fixtures/matching, per preset
 *    (default, strict), per part (team, tuning, held-out rounds) and per class (issue 12 and 11);
 * 2. the cost of matching 500 page texts against 300 units of one huvudman: realistic texts and each
 *    adversarial shape (issue 16), as counted work and as time, side by side with a bare baseline that
 *    does the least any matcher must (fold each text to its comparison form, one map read);
 * 3. the time to build a matcher for a normal list and for a list with pathological names, beside
 *    the bare baseline's build (a map of comparison forms).
 * The machine is shared: times are noisy, so each is a median of several runs, and the ratios say more.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { comparisonForm, createMatcher, type MatchCandidate } from '../shared/matching';
import {
  evaluate,
  loadLabelledSets,
  PARTS,
  precisionOf,
  recallOf,
  type Tally,
  TEXT_CLASSES,
} from '../test/fixtures/matching/benchmark';
import {
  ADVERSARIAL_SHAPES,
  adversarialTexts,
  benchmarkUnits,
  CONTEXT_NAMES,
  HUVUDMAN,
  realisticTexts,
} from '../test/fixtures/matching/workload';

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average at start: ${load()} (2 cores, shared)\n`);

// 1. Accuracy.
const sets = loadLabelledSets();
const row = (label: string, t: Tally) =>
  `  ${label.padEnd(12)} ${String(t.texts).padStart(5)} ${String(t.expected).padStart(8)} ${String(t.correct).padStart(7)} ` +
  `${String(t.wrong).padStart(5)} ${String(t.missed).padStart(6)}   ${precisionOf(t).toFixed(3)}     ${recallOf(t).toFixed(3)}`;
for (const strict of [false, true]) {
  const e = evaluate(sets, strict);
  console.log(
    `${strict ? 'strict ' : 'default'}  precision ${e.precision.toFixed(3)}  recall ${e.recall.toFixed(3)}  ` +
      `(${e.texts} texts in ${sets.length} lists, ${e.expected} name a unit or a group)`,
  );
  console.log('               texts expected correct wrong missed   precision recall');
  for (const part of PARTS) console.log(row(part, e.perPart[part]));
  for (const c of TEXT_CLASSES) console.log(row(c, e.perClass[c]));
  for (const m of e.misses) {
    const got = m.got.unit?.id ?? (m.got.group ? m.got.group.map((u) => u.id).join('|') : 'null');
    console.log(
      `    ${m.outcome.padEnd(6)} ${m.file} [${m.context}, ${m.class}]: ${JSON.stringify(m.text)} expected ${m.expected} ` +
        `got ${got} (${m.got.reason} ${m.got.score.toFixed(2)})`,
    );
  }
  console.log();
}

// 2. Cost per 500 texts.
const units = benchmarkUnits();
const options = { huvudman: HUVUDMAN, contextNames: CONTEXT_NAMES };
const realistic = realisticTexts(units);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(run: () => void, runs: number): number {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function bareLookup(list: readonly MatchCandidate[]) {
  const byForm = new Map(list.map((u) => [comparisonForm(u.name), u.id]));
  return (texts: readonly string[]) => texts.map((t) => byForm.get(comparisonForm(t)) ?? null);
}

const matcher = createMatcher(units, options);
const bare = bareLookup(units);
const workOf = (texts: readonly string[]) => {
  const m = createMatcher(units, options);
  m.matchAll(texts, { context: 'provider-list' });
  return m.work().match;
};
const realWork = workOf(realistic);
const bareMs = timed(() => bare(realistic), 21);
const realMs = timed(() => matcher.matchAll(realistic, { context: 'provider-list' }), 21);
console.log(
  `cost of 500 texts against ${units.length} units (provider-list context; median of 21 runs after 3 warm-up)`,
);
console.log('  texts               work  work ratio    ms   ms ratio  x bare');
const costRow = (label: string, work: number, ms: number) =>
  `  ${label.padEnd(18)} ${String(work).padStart(6)} ${(work / realWork).toFixed(1).padStart(8)}x ` +
  `${ms.toFixed(1).padStart(7)} ${(ms / realMs).toFixed(1).padStart(7)}x ${(ms / bareMs).toFixed(1).padStart(7)}x`;
console.log(`  bare baseline        ${''.padStart(16)}${bareMs.toFixed(1).padStart(7)}`);
console.log(costRow('realistic', realWork, realMs));
const mixed = ADVERSARIAL_SHAPES.flatMap((shape) => adversarialTexts(units, shape, 84)).slice(0, 500);
for (const [label, texts] of [
  ...ADVERSARIAL_SHAPES.map((shape) => [shape, adversarialTexts(units, shape)] as const),
  ['all shapes mixed', mixed] as const,
]) {
  const ms = timed(() => matcher.matchAll(texts, { context: 'provider-list' }), 11);
  console.log(costRow(label, workOf(texts), ms));
}

// 3. Build.
const pathological: MatchCandidate[] = units.map((u, i) => {
  switch (i % 6) {
    case 0:
      return { ...u, name: `${'Lång'.repeat(375)} Omsorg AB` };
    case 1:
      return { ...u, name: Array.from({ length: 200 }, (_, k) => `Ordet${k}x`).join(' ') };
    case 2:
      return { ...u, aliases: Array.from({ length: 1_000 }, (_, k) => `${u.name} ${k}`) };
    case 3:
      return { ...u, name: 'a'.repeat(300) };
    case 4:
      return { ...u, name: Array.from({ length: 16 }, (_, k) => `Varianto${k}abcdefghijklmnop`).join(' ') };
    default:
      return u;
  }
});
pathological.push({ id: 'huge', huvudman: HUVUDMAN, name: 'Ö'.repeat(4 * 1024 * 1024) });
const buildMs = (list: readonly MatchCandidate[]) => timed(() => createMatcher(list, options), 7);
const bareBuildMs = (list: readonly MatchCandidate[]) => timed(() => bareLookup(list), 7);
const normalMs = buildMs(units);
const normalWork = createMatcher(units, options).work().build;
const pathWork = createMatcher(pathological, options).work().build;
const pathMs = buildMs(pathological);
console.log(`\nbuild (createMatcher; median of 7 runs after 3 warm-up)`);
console.log(
  `  normal list       ${units.length} units: ${normalMs.toFixed(1)} ms, work ${normalWork} ` +
    `(bare map of comparison forms ${bareBuildMs(units).toFixed(1)} ms)`,
);
console.log(
  `  pathological list ${pathological.length} units (1,500-letter words, 200-word names, 1,000 aliases, ` +
    `repeated letters, a 4 MB name): ${pathMs.toFixed(1)} ms (${(pathMs / normalMs).toFixed(1)}x), ` +
    `work ${pathWork} (${(pathWork / normalWork).toFixed(1)}x) (bare map ${bareBuildMs(pathological).toFixed(1)} ms)`,
);
console.log(`\nload average at end: ${load()}`);
