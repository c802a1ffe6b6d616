import type { SyncReport } from './run';

const SERVICE_LABEL: Record<string, string> = { hemtjanst: 'hemtjänst', sarskilt_boende: 'särskilt boende' };

/** The report as lines for a terminal or a log: per kommun, the unlinked OUs, then the totals. */
export function formatSyncReport(report: SyncReport): string[] {
  const lines: string[] = [];
  for (const r of report.kommuner) {
    if (r.outcome === 'failed') {
      lines.push(`${r.kommun}: MISSLYCKADES, tidigare data orörda: ${r.error}`);
      continue;
    }
    if (r.outcome === 'skipped') {
      lines.push(`${r.kommun}: hoppades över (${r.note})`);
      continue;
    }
    lines.push(
      `${r.kommun}: ${r.linked} enheter kopplade, ${r.unlinked} okopplade; värden ${r.added} nya, ${r.changed} ändrade, ${r.removed} borttagna, ${r.unchanged} oförändrade`,
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
  lines.push(
    `Kommuner: ${t.synced} synkade, ${t.failed} misslyckade, ${t.skipped} överhoppade. ` +
      `Kolada-enheter: ${t.linked} kopplade, ${t.unlinked} okopplade. ` +
      `Värden: ${t.added} nya, ${t.changed} ändrade, ${t.removed} borttagna. ` +
      `${report.seconds.toFixed(1)} s. Källa: Kolada.`,
  );
  if (t.unlinked > 0) {
    lines.push(
      'Okopplade enheter kopplas av en redaktör: fyll i kolada_ou i utförarregistret och importera det.',
    );
  }
  return lines;
}

/** Non-zero when any kommun failed. */
export function syncExitCode(report: SyncReport): number {
  return report.totals.failed > 0 ? 1 : 0;
}
