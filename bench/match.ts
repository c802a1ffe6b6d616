/**
 * npm run bench:match — precision and recall of the matcher on the labelled texts in
 * test/fixtures/matching, and the time to match 500 page texts against a list of 300 units.
 */
import { performance } from 'node:perf_hooks';
import { createMatcher, type MatchCandidate } from '../shared/matching';
import { allCandidates, evaluate, loadLabelledSets } from '../test/fixtures/matching/benchmark';

const sets = loadLabelledSets();
for (const strict of [false, true]) {
  const e = evaluate(sets, strict);
  console.log(
    `${strict ? 'strict ' : 'default'}  precision ${e.precision.toFixed(3)}  recall ${e.recall.toFixed(3)}  ` +
      `(${e.texts} texts in ${sets.length} lists, ${e.positives} name a unit; ` +
      `${e.truePositives} right, ${e.falsePositives} wrong, ${e.positives - e.truePositives} missed)`,
  );
  for (const m of e.misses) {
    const got = m.got.unit ? m.got.unit.id : 'null';
    console.log(
      `    ${m.file}: ${JSON.stringify(m.text)} expected ${m.expected} got ${got} (${m.got.reason} ${m.got.score.toFixed(2)})`,
    );
  }
}

// Timing: 300 units of one huvudman (the labelled units plus generated names) and 500 texts.
const random = seeded(4711);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const syllables = [
  'al',
  'be',
  'ca',
  'do',
  'el',
  'fa',
  'gri',
  'hu',
  'in',
  'jo',
  'ka',
  'lu',
  'mo',
  'nor',
  'or',
  'pe',
];
const endings = ['vita', 'mera', 'lia', 'sana', 'cura', 'via', 'tera', 'dia', 'nova', 'lind', 'berg', 'vik'];
const trades = [
  'Omsorg',
  'Hemtjänst',
  'Vård & Omsorg',
  'Service',
  'Hemvård',
  'Omsorg & Service',
  'Äldreomsorg',
];
const areas = ['', '', ' Norr', ' Söder', ' Centrum', ' i Väst', ' Öster'];

const units: MatchCandidate[] = allCandidates(sets).map((u, i) => ({ ...u, id: `l${i}`, huvudman: '0180' }));
const brands = new Set<string>();
while (units.length < 300) {
  const brand = pick(syllables) + pick(syllables) + pick(endings);
  if (brands.has(brand)) continue;
  brands.add(brand);
  const name = `${brand[0]!.toUpperCase()}${brand.slice(1)} ${pick(trades)}${pick(areas)} AB`;
  units.push({ id: `g${units.length}`, huvudman: '0180', name });
}
const headings = [
  'Välj utförare',
  'Utförare av hemtjänst',
  'Läs mer',
  'Kontakta oss',
  'Senast uppdaterad 2024-05-01',
];
const texts = Array.from({ length: 500 }, (_, i) => {
  const name = units[Math.floor(random() * units.length)]!.name;
  switch (i % 6) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name.replace(/ AB$/, '').replace('&', 'och');
    case 2:
      return typo(name);
    case 3:
      return `${name} – hemtjänst i hela kommunen`;
    case 4:
      return pick(headings);
    default:
      return name;
  }
});

const buildStart = performance.now();
const matcher = createMatcher(units, { huvudman: '0180', contextNames: ['Stockholm', 'Stockholms stad'] });
const buildMs = performance.now() - buildStart;
for (let i = 0; i < 5; i++) matcher.matchAll(texts);
// Wall time, and CPU time of this process, which is steadier on a shared machine.
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < 31; i++) {
  const [start, startCpu] = [performance.now(), process.cpuUsage()];
  matcher.matchAll(texts);
  const used = process.cpuUsage(startCpu);
  wall.push(performance.now() - start);
  cpu.push((used.user + used.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `timing   ${texts.length} texts x ${units.length} units: median ${median(wall).toFixed(2)} ms wall, ` +
    `${median(cpu).toFixed(2)} ms CPU (min ${Math.min(...wall).toFixed(2)} ms; 31 runs after 5 warm-up); ` +
    `createMatcher ${buildMs.toFixed(1)} ms (cold)`,
);

/** One adjacent transposition in the first long word, as hurried typing does. */
function typo(name: string): string {
  const words = name.split(' ');
  const i = words.findIndex((w) => w.length >= 6);
  if (i < 0) return name;
  const w = words[i]!;
  const at = 2 + Math.floor(random() * (w.length - 3));
  words[i] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  return words.join(' ');
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
