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
  service: text('service').notNull(),
  title: text('title').notNull(),
  label: text('label').notNull(),
  description: text('description').notNull(),
  unit: text('unit').notNull(),
  favourable: text('favourable').notNull(),
  sourceId: text('source_id')
    .notNull()
    .references(() => sources.id),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** One approved provider unit in one choice system. Ended units are kept with their date. */
export const units = sqliteTable(
  'units',
  {
    id: text('id').primaryKey(),
    huvudman: text('huvudman')
      .notNull()
      .references(() => huvudman.code),
    service: text('service').notNull(),
    identityKey: text('identity_key').notNull(),
    registerId: text('register_id'),
    name: text('name').notNull(),
    regi: text('regi').notNull(),
    organisationsnummer: text('organisationsnummer'),
    aliases: text('aliases', { mode: 'json' }).$type<string[]>().notNull(),
    areas: text('areas', { mode: 'json' }).$type<string[]>().notNull(),
    scope: text('scope', { mode: 'json' }).$type<string[]>().notNull(),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    extraServices: text('extra_services', { mode: 'json' }).$type<string[]>().notNull(),
    acceptsNewClients: integer('accepts_new_clients', { mode: 'boolean' }),
    hsaId: text('hsa_id'),
    koladaOu: text('kolada_ou'),
    website: text('website'),
    phone: text('phone'),
    address: text('address'),
    verifiedAt: text('verified_at').notNull(),
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
 * A figure for one indicator, subject and period. The subject is a unit (scope "unit", subject = unit id)
 * or an area for comparison (scope "kommun" / "region" / "riket", subject = Kolada municipality id).
 */
export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    indicatorId: text('indicator_id').notNull(),
    scope: text('scope', { enum: ['unit', 'kommun', 'region', 'riket'] }).notNull(),
    subject: text('subject').notNull(),
    period: text('period').notNull(),
    value: real('value'),
    respondents: integer('respondents'),
    status: text('status'),
    kind: text('kind', { enum: ['demo', 'live'] }).notNull(),
    sourceId: text('source_id').notNull(),
    publishedAt: text('published_at'),
    fetchedAt: text('fetched_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.scope, t.subject, t.period] }),
    index('values_subject').on(t.subject),
  ],
);

/** One row per choice system (huvudman + service): what kind of data it holds and when it changed. */
export const datasets = sqliteTable(
  'datasets',
  {
    huvudman: text('huvudman').notNull(),
    service: text('service').notNull(),
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
 * Which Kolada organisational unit (OU) the sync reads a unit's figures from, as decided by the last
 * sync: "register" when the editor's kolada_ou names it, "name" when the strict matcher found it.
 * Kept apart from units.kolada_ou, which stays the editor's: a name link never rewrites the register.
 */
export const koladaLinks = sqliteTable(
  'kolada_links',
  {
    unitId: text('unit_id').primaryKey(),
    huvudman: text('huvudman').notNull(),
    service: text('service').notNull(),
    ou: text('ou').notNull(),
    ouTitle: text('ou_title'),
    method: text('method', { enum: ['register', 'name'] }).notNull(),
    linkedAt: text('linked_at').notNull(),
  },
  (t) => [index('kolada_links_huvudman').on(t.huvudman)],
);

/** Elderly-care OUs the last sync of a kommun could not link to a unit: for an editor to resolve. */
export const koladaUnlinkedOus = sqliteTable(
  'kolada_unlinked_ous',
  {
    huvudman: text('huvudman').notNull(),
    ou: text('ou').notNull(),
    service: text('service').notNull(),
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
