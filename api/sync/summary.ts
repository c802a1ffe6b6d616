import type { SyncReport } from './run';

const SERVICE_LABEL: Record<string, string> = { hemtjanst: 'hemtjänst', sarskilt_boende: 'särskilt boende' };
const BASIS_LABEL: Record<string, string> = {
  register: 'kommunens register',
  kolada: 'Socialstyrelsens undersökning',
  demo: 'exempeldata kvar (Kolada har inga enheter)',
};

/** Per-kommun lines are printed for a run of a few kommuner, and always for a failure or OUs to link. */
const DETAIL_UP_TO = 10;

/** The report as lines for a terminal or a log: failures, kommuner with OUs to link, then the totals. */
export function formatSyncReport(report: SyncReport): string[] {
  const lines: string[] = [];
  if (report.riket?.outcome === 'failed') {
    lines.push(`riket: MISSLYCKADES, tidigare riksvärden orörda: ${report.riket.error}`);
  }
  if (report.regioner?.outcome === 'failed') {
    lines.push(`regioner: MISSLYCKADES, tidigare regionvärden orörda: ${report.regioner.error}`);
  }
  const detailed = report.kommuner.length <= DETAIL_UP_TO;
  for (const r of report.kommuner) {
    if (r.outcome === 'failed') {
      lines.push(`${r.kommun}: MISSLYCKADES, tidigare data orörda: ${r.error}`);
      continue;
    }
    if (!detailed && r.unlinkedOus.length === 0) continue;
    const basis = Object.entries(r.basis)
      .map(([service, b]) => `${SERVICE_LABEL[service] ?? service}: ${BASIS_LABEL[b] ?? b}`)
      .join(', ');
    lines.push(
      `${r.kommun}: ${r.linked} Kolada-enheter kopplade, ${r.unlinked} okopplade, ${r.withoutFigures} utan värden; ` +
        `värden ${r.added} nya, ${r.changed} ändrade, ${r.removed} borttagna, ${r.unchanged} oförändrade (${basis})`,
    );
    for (const ou of r.unlinkedOus) {
      const why =
        ou.reason === 'ambiguous'
          ? `tvetydig${ou.candidates.length ? `: ${ou.candidates.join(', ')}` : ''}`
          : 'ingen enhet i registret liknar namnet';
      lines.push(`  okopplad ${ou.ou} "${ou.title}" (${SERVICE_LABEL[ou.service] ?? ou.service}; ${why})`);
    }
  }
  const t = report.totals;
  if (report.interrupted) {
    lines.push(
      `Avbruten efter ${report.kommuner.length} kommuner: det som skrevs står kvar, kör synken igen för resten.`,
    );
  }
  if (report.regioner?.outcome === 'synced') {
    const r = report.regioner;
    lines.push(
      `Regioner och riket (vårdcentralernas jämförelser): värden ${r.added} nya, ${r.changed} ändrade, ${r.removed} borttagna, ${r.unchanged} oförändrade.`,
    );
  }
  lines.push(
    `Kommuner: ${t.synced} synkade, ${t.failed} misslyckade. ` +
      `Kolada-enheter: ${t.linked} kopplade, ${t.unlinked} okopplade, ${t.withoutFigures} utan värden (visas inte); ` +
      `enheter ur undersökningen ${t.unitsAdded} nya, ${t.unitsEnded} avslutade. ` +
      `Värden: ${t.added} nya, ${t.changed} ändrade, ${t.removed} borttagna, ${t.unchanged} oförändrade. ` +
      `${report.requests} anrop till Kolada, ${report.seconds.toFixed(1)} s. Källa: Kolada.`,
  );
  if (t.unlinked > 0) {
    lines.push(
      'Okopplade enheter kopplas av en redaktör: fyll i kolada_ou i utförarregistret och importera det.',
    );
  }
  return lines;
}

/** Non-zero when any kommun, or the national figures, failed. */
export function syncExitCode(report: SyncReport): number {
  return report.totals.failed > 0 ||
    report.riket?.outcome === 'failed' ||
    report.regioner?.outcome === 'failed'
    ? 1
    : 0;
}
