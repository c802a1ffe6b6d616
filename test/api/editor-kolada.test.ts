import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { changes, koladaDismissedOus, koladaLinks, koladaUnlinkedOus, units } from '../../api/db/schema';
import { withKoladaOu } from '../../api/editor/kolada-ou';
import { createToken } from '../../api/editors/tokens';
import { importRegister } from '../../api/register/import';
import { editorClient, visibleText } from './editor-helpers';
import { createTestDb, testApp } from './helpers';

const REGISTER = [
  'huvudman;tjanst;namn;regi;verifierad;id;telefon;kolada_ou',
  '0581;hemtjanst;Alfa Exempelomsorg AB;privat;2026-10-01;a1;+46 11 10 00 01;V21E058100001',
  '0581;hemtjanst;Beta Demohemtjänst AB;privat;2026-10-01;b2;;',
  '0581;hemtjanst;Exempelkommunens hemtjänst;egen_regi;2026-10-01;e3;011-10 00 03;',
  '0380;hemtjanst;Uppsala Provomsorg AB;privat;2026-10-01;u1;;',
].join('\n');

describe('Kolada links on /editor/kolada', async () => {
  vi.spyOn(console, 'info').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const db = await createTestDb();
  const imported = await importRegister(db, REGISTER, { actor: 'cli' });
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
  const byName = async (name: string) => (await db.select().from(units).where(eq(units.name, name)).get())!;
  const alfa = await byName('Alfa Exempelomsorg AB');
  const beta = await byName('Beta Demohemtjänst AB');
  const egen = await byName('Exempelkommunens hemtjänst');
  const uppsala = await byName('Uppsala Provomsorg AB');
  // What the last sync left behind: one link by the register, one by name, two OUs it could not link.
  const seenAt = '2026-11-20T03:00:00.000Z';
  await db.insert(koladaLinks).values([
    {
      unitId: alfa.id,
      huvudman: '0581',
      service: 'hemtjanst',
      ou: 'V21E058100001',
      ouTitle: 'Alfa Exempelomsorg hemtjänst',
      method: 'register',
      linkedAt: seenAt,
    },
    {
      unitId: egen.id,
      huvudman: '0581',
      service: 'hemtjanst',
      ou: 'V21E058100003',
      ouTitle: 'Hemtjänst egen regi',
      method: 'name',
      linkedAt: seenAt,
    },
  ]);
  await db.insert(koladaUnlinkedOus).values([
    {
      huvudman: '0581',
      ou: 'V21E058100002',
      service: 'hemtjanst',
      title: 'Beta hemtjänst Norr',
      reason: 'no_match',
      candidates: [],
      seenAt,
    },
    {
      huvudman: '0581',
      ou: 'V21E058100009',
      service: 'hemtjanst',
      title: 'Grannkommunens hemtjänst',
      reason: 'ambiguous',
      candidates: ['Alfa Exempelomsorg AB', 'Beta Demohemtjänst AB'],
      seenAt,
    },
  ]);
  const app = testApp(db);
  const browser = editorClient(app);
  await browser.signIn((await createToken(db, '0581', 'Norrköping, äldreomsorg')).token);

  it('lists every OU with its link state: by the register, by name, or left to link (and why)', async () => {
    const text = visibleText(await (await browser.get('/editor/kolada')).text());
    expect(text).toContain('Att koppla (2)');
    expect(text).toContain(
      'Beta hemtjänst Norr Hemtjänst, Koladas id V21E058100002. Ingen utförare i registret har ett namn som liknar enhetens.',
    );
    expect(text).toContain('Flera utförare kan vara den: Alfa Exempelomsorg AB, Beta Demohemtjänst AB.');
    expect(text).toContain('Kopplade (2)');
    expect(text).toContain(
      'Alfa Exempelomsorg hemtjänst V21E058100001 Alfa Exempelomsorg AB registret (kolada_ou)',
    );
    expect(text).toContain('Hemtjänst egen regi V21E058100003 Exempelkommunens hemtjänst namnet');
    expect(text).toContain('Källa: Kolada.');
  });

  it("links an OU by writing the unit's kolada_ou through the import, with history, nothing else changed", async () => {
    const page = await (await browser.get('/editor/kolada')).text();
    // Only the kommun's own active units of the OU's service are offered.
    expect(page).toContain(`<option value="${beta.id}">Beta Demohemtjänst AB</option>`);
    expect(page).not.toContain(uppsala.id);
    const res = await browser.post('/editor/kolada/link', {
      _csrf: await browser.formToken(),
      ou: 'V21E058100002',
      unitId: beta.id,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/editor/kolada?done=linked&ou=V21E058100002');
    expect((await byName('Beta Demohemtjänst AB')).koladaOu).toEqual(['V21E058100002']);
    // The +46 number, which a CSV for Excel would have to neutralise, comes back as it was.
    expect(await byName('Alfa Exempelomsorg AB')).toEqual(alfa);
    expect(await byName('Exempelkommunens hemtjänst')).toEqual(egen);
    const history = await db.select().from(changes).where(eq(changes.unitId, beta.id)).all();
    expect(history.at(-1)).toMatchObject({
      actor: 'Norrköping, äldreomsorg',
      field: 'koladaOu',
      oldValue: [],
      newValue: ['V21E058100002'],
    });

    const after = visibleText(await (await browser.get(res.headers.get('location')!)).text());
    expect(after).toContain('V21E058100002 är kopplad.');
    expect(after).toContain('Att koppla (1)');
    expect(after).toContain('Väntar på nästa synkning');
    expect(after).toContain('Beta Demohemtjänst AB V21E058100002');
  });

  it("refuses an OU that is not left to link, and a unit that is not the kommun's, writing nothing", async () => {
    const before = JSON.stringify(await db.select().from(units).all());
    const token = await browser.formToken();
    const unknownOu = await browser.post('/editor/kolada/link', {
      _csrf: token,
      ou: 'V21E058100001',
      unitId: beta.id,
    });
    expect(unknownOu.status).toBe(400);
    const foreign = await browser.post('/editor/kolada/link', {
      _csrf: token,
      ou: 'V21E058100009',
      unitId: uppsala.id,
    });
    expect(foreign.status).toBe(400);
    expect(visibleText(await foreign.text())).toContain('Välj en av utförarna i listan');
    expect(JSON.stringify(await db.select().from(units).all())).toBe(before);
  });

  it('marks an OU as not ours (who and when), lists it so, and can undo it', async () => {
    const res = await browser.post('/editor/kolada/dismiss', {
      _csrf: await browser.formToken(),
      ou: 'V21E058100009',
    });
    expect(res.status).toBe(303);
    const stored = await db.select().from(koladaDismissedOus).all();
    expect(stored).toEqual([
      expect.objectContaining({
        huvudman: '0581',
        ou: 'V21E058100009',
        dismissedBy: 'Norrköping, äldreomsorg',
      }),
    ]);
    const text = visibleText(await (await browser.get('/editor/kolada')).text());
    expect(text).toContain('Att koppla (0)');
    expect(text).toMatch(
      /Inte våra \(1\) .*Grannkommunens hemtjänst V21E058100009 av Norrköping, äldreomsorg/,
    );
    expect(visibleText(await (await browser.get('/editor/')).text())).toContain(
      'Inga enheter från Kolada väntar på koppling.',
    );

    const undo = await browser.post('/editor/kolada/restore', {
      _csrf: await browser.formToken(),
      ou: 'V21E058100009',
    });
    expect(undo.status).toBe(303);
    expect(await db.select().from(koladaDismissedOus).all()).toEqual([]);
    expect(visibleText(await (await browser.get('/editor/kolada')).text())).toContain('Att koppla (1)');
  });

  it("cannot dismiss another kommun's OU", async () => {
    const res = await browser.post('/editor/kolada/dismiss', {
      _csrf: await browser.formToken(),
      ou: 'V21E038000001',
    });
    expect(res.status).toBe(400);
    expect(await db.select().from(koladaDismissedOus).all()).toEqual([]);
  });

  it('tells a region editor that Kolada has nothing to link per vårdcentral', async () => {
    const region = editorClient(app);
    await region.signIn((await createToken(db, '05', 'Region Östergötland')).token);
    expect(visibleText(await (await region.get('/editor/kolada')).text())).toContain(
      'Kolada har inga resultat per vårdcentral',
    );
  });

  it('adds an OU to those a unit has, once: a provider may have several survey units', () => {
    expect(withKoladaOu([], 'V21E058100002')).toEqual(['V21E058100002']);
    expect(withKoladaOu(['V21E058100001'], 'V21E058100002')).toEqual(['V21E058100001', 'V21E058100002']);
    expect(withKoladaOu(['V21E058100001'], 'V21E058100001')).toEqual(['V21E058100001']);
  });
});
