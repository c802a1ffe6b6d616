import { KOLADA_BASE_URL, trimBaseUrl } from './urls';

/**
 * Checks, against the live Kolada API, what ../shared/docs/KOLADA.md could not confirm from public
 * sources, and what the sync assumes. It reports shapes, counts and yes/no answers only: no figure is
 * printed or stored. Run it online with `npm run kolada:check-live`; tests run it against a fake.
 */

export type Verdict = 'confirmed' | 'differs' | 'unknown';

export interface Finding {
  id: string;
  /** The assumption, as KOLADA.md or the sync states it. */
  assumption: string;
  verdict: Verdict;
  /** What was seen: keys, types, counts. Never a figure. */
  seen: string;
}

export interface LiveCheckOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Between requests; Kolada asks for about 5 a second. */
  pauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** A kommun with elderly care and schools (default Norrköping) and a second one (Linköping). */
  kommun?: string;
  otherKommun?: string;
}

type Json = Record<string, unknown>;
type Answer = { status: number; body: Json | null };

const keysOf = (o: unknown) => (o && typeof o === 'object' ? Object.keys(o).sort().join(',') : typeof o);
const rowsOf = (a: Answer) => (Array.isArray(a.body?.values) ? (a.body.values as Json[]) : []);

export async function checkKoladaLive(options: LiveCheckOptions = {}): Promise<Finding[]> {
  const base = trimBaseUrl(options.baseUrl ?? KOLADA_BASE_URL);
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pause = options.pauseMs ?? 250;
  const kommun = options.kommun ?? '0581';
  const other = options.otherKommun ?? '0580';
  const findings: Finding[] = [];
  const note = (id: string, assumption: string, verdict: Verdict, seen: string) =>
    findings.push({ id, assumption, verdict, seen });

  async function get(url: string): Promise<Answer> {
    await sleep(pause);
    try {
      const response = await fetchImpl(url, { headers: { Accept: 'application/json' } });
      const text = await response.text();
      try {
        return { status: response.status, body: JSON.parse(text) as Json };
      } catch {
        return { status: response.status, body: null };
      }
    } catch {
      return { status: 0, body: null };
    }
  }
  const ok = (a: Answer) => a.status === 200 && a.body !== null;

  // The OU list: envelope, fields, ids, large pages.
  const list = await get(`${base}/ou?municipality=${kommun}&per_page=5000`);
  const ous = rowsOf(list);
  if (!ok(list)) {
    note('reachable', 'Kolada v3 answers /ou?municipality=', 'differs', `HTTP ${list.status}`);
    return findings;
  }
  note(
    'envelope',
    'a page is { values, next_url, previous_url, count }',
    ['values', 'next_url', 'count'].every((k) => k in list.body!) ? 'confirmed' : 'differs',
    `keys ${keysOf(list.body)}`,
  );
  note(
    'ou-fields',
    'an OU row has id, municipality, title and nothing else (no owner, regi, org.nr, address)',
    ous.length > 0 && ous.every((o) => keysOf(o) === 'id,municipality,title') ? 'confirmed' : 'differs',
    `row keys ${[...new Set(ous.map(keysOf))].join(' | ')}`,
  );
  const series = new Map<string, number>();
  for (const o of ous) {
    const s = /^V\d{2}/.exec(String(o.id))?.[0] ?? 'other';
    series.set(s, (series.get(s) ?? 0) + 1);
  }
  const seriesText = [...series]
    .sort()
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
  note(
    'ou-series',
    "a kommun's list mixes schools (V11, V15, V17) with elderly care (V21 hemtjänst, V23 särskilt boende)",
    series.has('V21') && series.has('V23') && (series.has('V11') || series.has('V15'))
      ? 'confirmed'
      : 'differs',
    seriesText,
  );
  note(
    'ou-series-26-28',
    'V26 and V28 are SoL and LSS units (unconfirmed in KOLADA.md); the sync ignores them either way',
    series.has('V26') || series.has('V28') ? 'confirmed' : 'unknown',
    seriesText,
  );
  const elderly = ous.filter((o) => /^V2[13]/.test(String(o.id)));
  const lengths = [...new Set(elderly.map((o) => String(o.id).length))].sort((a, b) => a - b);
  const embedding = elderly.filter((o) => String(o.id).slice(4, 8) === o.municipality).length;
  note(
    'ou-ids',
    'elderly-care OU ids vary in length and newer ones do not carry the kommun code (so it is read from `municipality`)',
    lengths.length > 1 || embedding < elderly.length ? 'confirmed' : 'differs',
    `lengths ${lengths.join(', ')}; ${embedding} of ${elderly.length} carry the kommun code`,
  );

  // Several kommuner in one OU request.
  const both = await get(`${base}/ou?municipality=${kommun},${other}&per_page=5000`);
  const kommunerSeen = new Set(rowsOf(both).map((o) => o.municipality));
  const batchWorks =
    ok(both) && kommunerSeen.has(kommun) && kommunerSeen.has(other) && kommunerSeen.size === 2;
  note(
    'ou-batch',
    '/ou?municipality=A,B answers the OUs of both kommuner and no other (the sync asks 25 at once, and asks a kommun alone when a batch says nothing of it)',
    batchWorks ? 'confirmed' : 'differs',
    `HTTP ${both.status}, kommuner in the answer: ${[...kommunerSeen].sort().join(', ') || 'none'}`,
  );

  // Paging: the form of next_url, and that following it works.
  const small = await get(`${base}/ou?municipality=${kommun}&per_page=2`);
  const next = typeof small.body?.next_url === 'string' ? small.body.next_url : null;
  note(
    'count',
    '`count` is the number of items on the page, not a total',
    !next ? 'unknown' : small.body?.count === rowsOf(small).length ? 'confirmed' : 'differs',
    `a page of per_page=2: count ${String(small.body?.count)}, items ${rowsOf(small).length}, list of ${ous.length}`,
  );
  if (next) {
    const form = /^https?:\/\//.test(next) ? 'absolute' : 'relative';
    const followed = await get(new URL(next, `${base}/ou`).href);
    note(
      'next-url',
      'next_url may be absolute or relative; resolved against the page it came from, it leads to the next page',
      ok(followed) && rowsOf(followed).length > 0 ? 'confirmed' : 'differs',
      `${form}; the next page answered HTTP ${followed.status} with ${rowsOf(followed).length} items`,
    );
  } else {
    note(
      'next-url',
      'per_page=2 gives a next_url',
      'unknown',
      `HTTP ${small.status}, keys ${keysOf(small.body)}`,
    );
  }
  const large = await get(`${base}/ou?municipality=${kommun}&per_page=5001`);
  note(
    'page-size',
    'pages hold up to 5,000 items: per_page=5000 is accepted, more is refused (a cap cannot be seen on a short list)',
    !ok(list) ? 'differs' : large.status >= 400 ? 'confirmed' : 'unknown',
    `per_page=5000: HTTP ${list.status}; per_page=5001: HTTP ${large.status} with ${rowsOf(large).length} items`,
  );

  // Unit data: period, gender, the deletion flag, values withheld.
  const firstHt = elderly.find((o) => String(o.id).startsWith('V21'))?.id;
  const htIds = elderly
    .filter((o) => String(o.id).startsWith('V21'))
    .slice(0, 25)
    .map((o) => o.id)
    .join(',');
  if (firstHt) {
    const unitData = await get(`${base}/oudata/kpi/U21468/ou/${htIds}?per_page=5000`);
    const rows = rowsOf(unitData);
    const periodTypes = [...new Set(rows.map((r) => typeof r.period))];
    note(
      'period',
      '`period` is a number in v3 (strings are accepted too)',
      periodTypes.join() === 'number' ? 'confirmed' : periodTypes.length ? 'differs' : 'unknown',
      `types ${periodTypes.join(', ') || 'no rows'}`,
    );
    const values = rows.flatMap((r) => (Array.isArray(r.values) ? (r.values as Json[]) : []));
    const genders = [...new Set(values.map((v) => v.gender))].sort();
    note(
      'gender',
      'gender is T, K or M',
      genders.every((g) => ['T', 'K', 'M'].includes(String(g))) && genders.length > 0
        ? 'confirmed'
        : 'differs',
      `seen ${genders.join(', ')}`,
    );
    const flagTypes = [...new Set(values.map((v) => typeof v.isdeleted))];
    const rowFlag = rows.some((r) => 'isdeleted' in r || 'is_deleted' in r);
    note(
      'isdeleted',
      '`isdeleted` is a boolean on each gender value (not on the row)',
      flagTypes.join() === 'boolean' && !rowFlag ? 'confirmed' : 'differs',
      `on values: ${flagTypes.join(', ')}; on rows: ${rowFlag ? 'yes' : 'no'}`,
    );
    const withheld = values.filter(
      (v) => v.gender === 'T' && v.value === null && typeof v.count === 'number',
    ).length;
    note(
      'withheld',
      'a value can be null with its count (too few answered)',
      withheld > 0 ? 'confirmed' : 'unknown',
      `${withheld} of ${rows.length} totals are null with a count`,
    );
    const withFigures = new Set(rows.map((r) => r.ou));
    const without = elderly
      .filter((o) => String(o.id).startsWith('V21') && !withFigures.has(o.id))
      .slice(0, 25).length;
    note(
      'listed-without-figures',
      'the OU list holds units with no figure of U21468 in any year (the sync does not show them)',
      without > 0 ? 'confirmed' : 'unknown',
      `${without} of the first ${Math.min(25, elderly.length)} hemtjänst OUs have none`,
    );
  }

  // The segment limit.
  const tooMany = Array.from({ length: 26 }, (_, i) => `U214${String(60 + i).padStart(2, '0')}`).join(',');
  const limit = await get(`${base}/data/kpi/${tooMany}/municipality/${kommun}?per_page=5000`);
  note(
    'segment-limit',
    'more than 25 ids in one path segment is an error (the sync chunks by 25)',
    limit.status >= 400 ? 'confirmed' : 'differs',
    `26 KPI ids: HTTP ${limit.status}`,
  );

  // Unit data without an ou segment, and whether ?municipality= filters it.
  const noOu = await get(`${base}/oudata/kpi/U21468/year/2025?per_page=5000`);
  const filtered = await get(`${base}/oudata/kpi/U21468/year/2025?municipality=${kommun}&per_page=5000`);
  const mine = new Set(ous.map((o) => o.id));
  const filteredRows = rowsOf(filtered);
  note(
    'oudata-without-ou',
    '/oudata/kpi/{kpi}/year/{y} answers the units that have figures',
    ok(noOu) && rowsOf(noOu).length > 0 ? 'confirmed' : 'differs',
    `HTTP ${noOu.status}, ${rowsOf(noOu).length} rows on the first page`,
  );
  note(
    'oudata-municipality-filter',
    '?municipality= filters it (unconfirmed)',
    ok(filtered) && filteredRows.length > 0 && filteredRows.every((r) => mine.has(r.ou))
      ? 'confirmed'
      : ok(filtered)
        ? 'differs'
        : 'unknown',
    `HTTP ${filtered.status}, ${filteredRows.filter((r) => mine.has(r.ou)).length} of ${filteredRows.length} rows are the kommun's`,
  );

  // Regi: U23522 per unit.
  const sbIds = elderly
    .filter((o) => String(o.id).startsWith('V23'))
    .slice(0, 25)
    .map((o) => o.id)
    .join(',');
  if (sbIds) {
    const regi = await get(`${base}/oudata/kpi/U23522/ou/${sbIds}?per_page=5000`);
    const totals = rowsOf(regi).flatMap((r) =>
      ((r.values as Json[] | undefined) ?? []).filter((v) => v.gender === 'T' && v.value !== null),
    );
    const allBinary = totals.every((v) => v.value === 0 || v.value === 100);
    note(
      'u23522',
      'U23522 ("i kommunal regi") is 100 or 0 per särskilt boende unit (unconfirmed; the sync does not use it)',
      totals.length === 0 ? 'unknown' : allBinary ? 'confirmed' : 'differs',
      `${totals.length} unit figures, ${allBinary ? 'all' : 'not all'} 0 or 100`,
    );
  }

  // The catalogue: flags as booleans or 0/1, auspice codes.
  const catalogue = await get(`${base}/kpi/U21468,U23471,N21608,U21555?per_page=5000`);
  const kpis = rowsOf(catalogue);
  const flagKinds = [...new Set(kpis.map((k) => typeof k.has_ou_data))];
  note(
    'kpi-flags',
    'has_ou_data and is_divided_by_gender come as booleans or 0/1',
    flagKinds.every((t) => t === 'boolean' || t === 'number') && kpis.length > 0 ? 'confirmed' : 'differs',
    `has_ou_data: ${flagKinds.join(', ')}`,
  );
  const auspices = [...new Set(kpis.map((k) => k.auspice))].map(String).sort();
  note(
    'auspice',
    'auspice codes are E (egen regi), P (privat), T (total) or empty (undocumented)',
    auspices.every((a) => ['E', 'P', 'T', 'X', '', 'null', 'undefined'].includes(a))
      ? 'confirmed'
      : 'differs',
    `seen ${auspices.join(', ')}`,
  );
  const coded = kpis.find((k) => k.id === 'U21555');
  note(
    'coded-kpi',
    'U21555 is coded Ja=1/Nej=0 at unit level, says its description',
    typeof coded?.description === 'string' && /Ja\s*=\s*1/.test(coded.description) ? 'confirmed' : 'unknown',
    coded ? 'description read' : 'not in the answer',
  );

  // The OpenAPI document, and v2.
  const openapi = await get(`${base}/openapi.json`);
  const paths = Object.keys((openapi.body?.paths as Json | undefined) ?? {});
  note(
    'openapi',
    'the OpenAPI document is at /v3/openapi.json and lists /ou, /oudata and /data',
    ['/ou', '/oudata', '/data'].every((p) => paths.some((path) => path.startsWith(p)))
      ? 'confirmed'
      : ok(openapi)
        ? 'differs'
        : 'unknown',
    `HTTP ${openapi.status}, ${paths.length} paths`,
  );
  const v2 = await get(`${base.replace(/\/v3$/, '/v2')}/kpi/U21468`);
  note(
    'v2-gone',
    'v2 was shut down and answers 410',
    v2.status === 410 ? 'confirmed' : 'differs',
    `HTTP ${v2.status}`,
  );
  return findings;
}

/** The findings as lines for a terminal. */
export function formatFindings(findings: readonly Finding[]): string[] {
  const mark: Record<Verdict, string> = { confirmed: 'stämmer', differs: 'AVVIKER', unknown: 'oklart' };
  return findings.map(
    (f) => `${mark[f.verdict].padEnd(7)} ${f.id}: ${f.assumption}\n        sett: ${f.seen}`,
  );
}
