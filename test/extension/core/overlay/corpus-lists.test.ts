import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PAGES_DIR } from '../../../fixtures/pages/corpus';
import { corpusLists } from '../../../fixtures/pages/corpus-lists';

it('the corpus unit lists the happy-dom tests read are what the API serves today', async () => {
  const stored = JSON.parse(readFileSync(join(PAGES_DIR, 'api', 'corpus-lists.json'), 'utf8'));
  // If this fails after a change to the API or the corpus data: npm run fixtures:record
  expect(await corpusLists()).toEqual(stored);
}, 60_000);
