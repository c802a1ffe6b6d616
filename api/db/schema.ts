import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { INDICATOR_UNITS } from '../../shared/domain/indicator';
import { SERVICE_IDS } from '../../shared/domain/service';
import { type Regi, regi, type Scope } from '../../shared/domain/unit';

/** The text columns that hold a service, in the domain's own list. */
const SERVICE = { enum: SERVICE_IDS };
/** The services whose units Kolada measures at unit level (its organisational units, OUs). */
export const KOLADA_SERVICES = ['hemtjanst', 'sarskilt_boende'] as const;

/** Kommuner (4-digit code) and regions (2-digit länskod): the bodies that run choice systems. */
export const huvudman = sqliteTable('huvudman', {
  code: text('code').primaryKey(),
  kind: text('kind', { enum: ['kommun', 'region'] }).notNull(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  lanCode: text('lan_code').notNull(),
  lanName: text('lan_name').notNull(),
  website: text('website'),
});

export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url'),
  licence: text('licence').notNull(),
  attribution: text('attribution').notNull(),
});

export const indicatorDefinitions = sqliteTable('indicator_definitions', {
  id: text('id').primaryKey(),
  service: text('service', SERVICE).notNull(),
  title: text('title').notNull(),
  label: text('label').notNull(),
  description: text('description').notNull(),
  unit: text('unit', { enum: INDICATOR_UNITS }).notNull(),
  favourable: text('favourable', { enum: ['high', 'low', 'none'] }).notNull(),
  sourceId: text('source_id')
    .notNull()
    .references(() => sources.id),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull(),
  sortOrder: integer('sort_order').notNull(),
  /** The measure's scale: 0-100 for a share in percent, 0-1 for the patient survey's mean. */
  scaleMin: real('scale_min').notNull().default(0),
  scaleMax: real('scale_max').notNull().default(100),
  /** What a figure's count counts ("svarande", "bedömningar"); null when it is not people and not shown. */
  countNoun: text('count_noun'),
  cadence: text('cadence'),
});

/**
 * One provider unit in one choice system. Ended units are kept with their date.
 * origin "register": a row of the huvudman's register (or of the demo register, kind "demo").
 * origin "kolada": a baseline unit, one per Kolada survey unit (OU) of a kommun without a register for
 * the service; it has only what Kolada says (its title), so regi, verifiedAt and contact are null.
 */
export const units = sqliteTable(
  'units',
  {
    id: text('id').primaryKey(),
    huvudman: text('huvudman')
      .notNull()
      .references(() => huvudman.code),
    service: text('service', SERVICE).notNull(),
    origin: text('origin', { enum: ['register', 'kolada'] })
      .notNull()
      .default('register'),
    identityKey: text('identity_key').notNull(),
    registerId: text('register_id'),
    name: text('name').notNull(),
    regi: text('regi', { enum: regi.options as [Regi, ...Regi[]] }),
    organisationsnummer: text('organisationsnummer'),
    aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
    areas: text('areas', { mode: 'json' }).$type<string[]>().notNull(),
    scope: text('scope', { mode: 'json' }).$type<Scope[]>().notNull(),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    extraServices: text('extra_services', { mode: 'json' }).$type<string[]>().notNull(),
    acceptsNewClients: integer('accepts_new_clients', { mode: 'boolean' }),
    hsaId: text('hsa_id'),
    /** The register's kolada_ou: the editor's Kolada OU ids for the unit, in the file's order. */
    koladaOu: text('kolada_ou', { mode: 'json' }).$type<string[]>().notNull().default([]),
    website: text('website'),
    phone: text('phone'),
    address: text('address'),
    /** When the huvudman last checked the row; null for a baseline unit, which no huvudman checked. */
    verifiedAt: text('verified_at'),
    status: text('status', { enum: ['aktiv', 'avslutad'] }).notNull(),
    statusDate: text('status_date'),
    kind: text('kind', { enum: ['demo', 'live'] }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('units_identity').on(t.huvudman, t.service, t.identityKey),
    index('units_list').on(t.huvudman, t.service, t.status),
    index('units_hsa').on(t.hsaId),
  ],
);

/**
 * A figure for one indicator, subject and period. The subject is a Kolada survey unit (scope "ou",
 * subject = OU id: a unit shows the figures of the OUs linked to it), a unit itself (scope "unit",
 * subject = unit id: the demo's synthetic figures, and a figures file's figures for a unit), or an area
 * for comparison (scope "kommun" / "region" / "riket", subject = Kolada municipality id: "0581", "0005",
 * "0000"). The country's figure that a figures file gives beside one huvudman's units is that huvudman's
 * copy, subject "0000/05" (see api/figures/subjects.ts): one region's file never changes the comparison
 * beside another region's units. Kolada's figures are stored under its KPI ids, a figures file's under the
 * catalogue's ids, so neither writer ever touches the other's rows. The key leads with scope and subject,
 * the way every read and write selects, so no second index is needed.
 */
export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    indicatorId: text('indicator_id').notNull(),
    scope: text('scope', { enum: ['ou', 'unit', 'kommun', 'region', 'riket'] }).notNull(),
    subject: text('subject').notNull(),
    period: text('period').notNull(),
    value: real('value'),
    respondents: integer('respondents'),
    status: text('status'),
    kind: text('kind', { enum: ['demo', 'live'] }).notNull(),
    sourceId: text('source_id').notNull(),
    publishedAt: text('published_at'),
    fetchedAt: text('fetched_at').notNull(),
    /** A figures file's `kalla` and `kalla_url`: the source as it names itself for this figure; null for Kolada and the demo. */
    sourceName: text('source_name'),
    sourceUrl: text('source_url'),
    /** The source's confidence interval (`ki_lag`, `ki_hog`), when it gives one. */
    ciLow: real('ci_low'),
    ciHigh: real('ci_high'),
  },
  (t) => [primaryKey({ columns: [t.scope, t.subject, t.indicatorId, t.period] })],
);

/** One row per choice system (huvudman + service): what kind of data it holds and when it changed. */
export const datasets = sqliteTable(
  'datasets',
  {
    huvudman: text('huvudman').notNull(),
    service: text('service', SERVICE).notNull(),
    kind: text('kind', { enum: ['demo', 'live'] }).notNull(),
    version: integer('version').notNull(),
    registerUpdatedAt: text('register_updated_at'),
    indicatorsSyncedAt: text('indicators_synced_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.huvudman, t.service] })],
);

/** A single counter bumped by every write, so API instances can tell cheaply that data changed. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Every change to a unit (import, admin PUT, sync): when, by whom, which field, old and new value. */
export const changes = sqliteTable(
  'changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    unitId: text('unit_id').notNull(),
    huvudman: text('huvudman').notNull(),
    service: text('service').notNull(),
    kind: text('kind', { enum: ['added', 'changed', 'ended', 'indicator'] }).notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value', { mode: 'json' }),
    newValue: text('new_value', { mode: 'json' }),
  },
  (t) => [index('changes_unit').on(t.unitId, t.id), index('changes_huvudman').on(t.huvudman, t.id)],
);

/** Editor tokens: one per kommun/region team. Only a SHA-256 hash of the token is stored. */
export const editorTokens = sqliteTable(
  'editor_tokens',
  {
    id: text('id').primaryKey(),
    huvudman: text('huvudman')
      .notNull()
      .references(() => huvudman.code),
    name: text('name').notNull(),
    hash: text('hash').notNull(),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [uniqueIndex('editor_tokens_hash').on(t.hash)],
);

/** Reports from users of a wrong match, a missing provider or outdated facts. No personal data. */
export const feedback = sqliteTable(
  'feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    huvudman: text('huvudman').notNull(),
    service: text('service').notNull(),
    unitId: text('unit_id'),
    pageHost: text('page_host').notNull(),
    listingText: text('listing_text').notNull(),
    kind: text('kind', { enum: ['wrong_match', 'missing', 'outdated'] }).notNull(),
  },
  (t) => [index('feedback_huvudman').on(t.huvudman, t.id)],
);

/**
 * The elderly-care organisational units (OUs) Kolada lists, as the last sync of their kommun saw them:
 * the kommun from Kolada's `municipality` field, the service from the id's series (V21 hemtjänst,
 * V23 särskilt boende), the title as Kolada writes it. `goneAt` is set when Kolada stops listing one.
 */
export const koladaOus = sqliteTable(
  'kolada_ous',
  {
    id: text('id').primaryKey(),
    huvudman: text('huvudman').notNull(),
    service: text('service', { enum: KOLADA_SERVICES }).notNull(),
    title: text('title').notNull(),
    firstSeenAt: text('first_seen_at').notNull(),
    goneAt: text('gone_at'),
  },
  (t) => [index('kolada_ous_huvudman').on(t.huvudman, t.service)],
);

/**
 * Which Kolada OUs a unit shows the figures of, as the last sync of its kommun decided: "register" when
 * the editor's kolada_ou names it, "name" when the strict matcher found it, "kolada" for a baseline
 * unit and its own OU. A unit may have several OUs (a provider with several survey units); an OU
 * belongs to at most one unit. Kept apart from units.kolada_ou, which stays the editor's.
 */
export const koladaLinks = sqliteTable(
  'kolada_links',
  {
    unitId: text('unit_id').notNull(),
    huvudman: text('huvudman').notNull(),
    service: text('service', { enum: KOLADA_SERVICES }).notNull(),
    ou: text('ou').notNull(),
    ouTitle: text('ou_title'),
    method: text('method', { enum: ['register', 'name', 'kolada'] }).notNull(),
    linkedAt: text('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.ou] }), index('kolada_links_system').on(t.huvudman, t.service)],
);

/** Elderly-care OUs the last sync of a kommun could not link to a unit: for an editor to resolve. */
export const koladaUnlinkedOus = sqliteTable(
  'kolada_unlinked_ous',
  {
    huvudman: text('huvudman').notNull(),
    ou: text('ou').notNull(),
    service: text('service', { enum: KOLADA_SERVICES }).notNull(),
    title: text('title').notNull(),
    reason: text('reason', { enum: ['no_match', 'ambiguous'] }).notNull(),
    /** The unit names the matcher hesitated between, for "ambiguous". */
    candidates: text('candidates', { mode: 'json' }).$type<string[]>().notNull(),
    seenAt: text('seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.huvudman, t.ou] })],
);

/** The outcome of the last Kolada sync of each kommun, failed or not. */
export const koladaSyncRuns = sqliteTable('kolada_sync_runs', {
  huvudman: text('huvudman').primaryKey(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at').notNull(),
  outcome: text('outcome', { enum: ['synced', 'failed', 'skipped'] }).notNull(),
  message: text('message'),
  summary: text('summary', { mode: 'json' }).$type<Record<string, number>>(),
});

/**
 * Signed-in sessions of the editors' web page (/editor/). Like tokens, only a SHA-256 hash of the
 * session id (the cookie's value) is stored. A session ends when it is idle too long, when it is too
 * old, on "Logga ut", and when its token is revoked (checked on every request).
 */
export const editorSessions = sqliteTable(
  'editor_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    tokenId: text('token_id')
      .notNull()
      .references(() => editorTokens.id),
    /** Sent back in every form of the session; a state-changing request without it is refused. */
    formToken: text('form_token').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** The absolute end: createdAt plus the longest a session may live. */
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('editor_sessions_expiry').on(t.expiresAt)],
);

/**
 * The register file an editor reviewed ("Granska") and may publish ("Publicera"): the exact bytes, their
 * hash, and the state of the huvudman's register when it was reviewed. One per session; publishing uses
 * these bytes, never a second upload.
 */
export const editorReviews = sqliteTable('editor_reviews', {
  sessionHash: text('session_hash')
    .primaryKey()
    .references(() => editorSessions.idHash, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  sha256: text('sha256').notNull(),
  registerState: text('register_state').notNull(),
  reviewedAt: text('reviewed_at').notNull(),
});

/** A user report an editor has dealt with: who (the token's name) and when. */
export const feedbackHandled = sqliteTable('feedback_handled', {
  feedbackId: integer('feedback_id')
    .primaryKey()
    .references(() => feedback.id),
  handledBy: text('handled_by').notNull(),
  handledAt: text('handled_at').notNull(),
});

/** Kolada OUs an editor marked as not theirs ("Inte vår enhet"): listed as dismissed, not as to link. */
export const koladaDismissedOus = sqliteTable(
  'kolada_dismissed_ous',
  {
    huvudman: text('huvudman').notNull(),
    ou: text('ou').notNull(),
    dismissedBy: text('dismissed_by').notNull(),
    dismissedAt: text('dismissed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.huvudman, t.ou] })],
);
