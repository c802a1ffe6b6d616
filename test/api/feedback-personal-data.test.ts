import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { feedback } from '../../api/db/schema';
import { createTestDb, json, testApp } from './helpers';

/** Texts a user might paste into a report that the API must not store (all invented). */
const PERSONAL: [kind: string, text: string][] = [
  ['personnummer', 'Fel utförare för 19121212-1212'],
  ['personnummer', '121212-1212'],
  ['personnummer', 'Mamma 121212+1212 (över 100)'],
  ['personnummer', '1212121212'],
  ['personnummer', '191212121212'],
  ['personnummer', '19121212 1212'],
  ['personnummer', 'Samordningsnummer 701063-2391'],
  ['personnummer', '19701063-2391'],
  ['personnummer', 'pnr:200001019999 tack'],
  ['personnummer', 'Enskild firma 560229-1234'],
  ['e-postadress', 'anna.exempelsson@example.se'],
  ['e-postadress', 'Kontakta mig: a.b+hemtjanst@post.exempel.nu'],
  ['e-postadress', 'anna (at) example.se'],
  ['e-postadress', 'anna[at]example.se'],
  ['e-postadress', 'björn@exempel.se'],
  ['telefonnummer', '070-123 45 67'],
  ['telefonnummer', '0701234567'],
  ['telefonnummer', 'ring 070 123 45 67'],
  ['telefonnummer', '+46 70 123 45 67'],
  ['telefonnummer', '+46701234567'],
  ['telefonnummer', '0046 70 123 45 67'],
  ['telefonnummer', '08-123 456 78'],
  ['telefonnummer', '011-15 00 00'],
  ['telefonnummer', '(011) 15 00 00'],
  ['telefonnummer', '+44 20 7946 0958'],
  ['webbadress', 'https://www.norrkoping.se/hemtjanst?id=1'],
  ['webbadress', 'www.exempel.se'],
  ['webbadress', 'exempel.se/omsorg/utforare'],
  ['webbadress', 'ftp://exempel.se'],
  ['HTML-kod', '<b>Alfa Exempelomsorg</b>'],
  ['HTML-kod', '<img src=x onerror=alert(1)>'],
  ['HTML-kod', 'Alfa<script>alert(1)</script>'],
  ['HTML-kod', '<!-- kommentar -->Alfa'],
  ['HTML-kod', 'Alfa &amp; Beta'],
  ['HTML-kod', 'Alfa &#60;b&#62;'],
];

/** Provider names and listing texts with digits and punctuation that must pass (invented names). */
const INNOCENT = [
  'Hemtjänst 24',
  'Omsorg 365 AB',
  'Exempelomsorg AB',
  'Team 7 hemtjänst Norr',
  'Hemtjänstgrupp 3 (Söder)',
  'Demovård 2000 AB',
  'Exempelomsorg AB, org.nr 556677-8899',
  'Omsorgsbolaget 5569-1234',
  'Exempeltjanst.nu',
  '24/7 Omsorg i Exempelstad',
  'Äldreomsorg Öst 1–2',
  'Boende 55+',
  'Hus 12, plan 3',
  'Exempelgården, Storgatan 14',
  'S:t Exempels hemtjänst',
  'Omsorg 1 2 3',
  'Grundad 1998',
  'Uppdaterad 2026-10-01',
  'Vård & Omsorg i Exempelstad',
  'Alfa < Beta (jämförelse)',
  'Annas Hemtjänst AB',
  'Hemtjänst 0581 Norrköping',
  '100 % hemtjänst',
  'Postnummer 602 21',
];

describe('POST /v1/feedback refuses what looks like personal data or markup', async () => {
  const db = await createTestDb({ demo: true });
  const app = testApp(db, { FEEDBACK_PER_MINUTE: 0 });
  const send = (listingText: string) =>
    app.request('/v1/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        huvudman: '0581',
        service: 'hemtjanst',
        pageHost: 'www.norrkoping.se',
        listingText,
        kind: 'wrong_match',
      }),
    });
  const stored = async () => (await db.select({ n: count() }).from(feedback))[0]!.n;

  it.each(PERSONAL)(
    'refuses %s: %s, naming the field and what it found, storing nothing',
    async (kind, text) => {
      const before = await stored();
      const res = await send(text);
      expect(res.status).toBe(400);
      const { error } = await json<{ error: { code: string; message: string } }>(res);
      expect(error.code).toBe('bad_request');
      expect(error.message).toContain('listingText');
      expect(error.message).toContain(kind);
      expect(error.message).toContain('personal data');
      // The message shows where, not the digits themselves.
      expect(error.message).not.toMatch(/\d{4}/);
      expect(await stored()).toBe(before);
    },
  );

  it.each(INNOCENT)('stores %s', async (text) => {
    const res = await send(text);
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  });

  it.each([
    ['300 digits then a letter', `${'1'.repeat(299)}a`],
    ['digit groups then a letter', `${'12 '.repeat(99)}a`],
    ['dots without a top-level domain', `${'a.'.repeat(149)}-`],
    ['at signs', '@'.repeat(300)],
    ['brackets', '(1)'.repeat(100)],
  ])('answers at once for adversarial text (%s), whatever it decides', async (_, text) => {
    expect([201, 400]).toContain((await send(text)).status);
  });
});
