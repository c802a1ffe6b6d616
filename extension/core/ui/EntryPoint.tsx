import type { Translate } from './i18n';

/** The unobtrusive link to the full neutral list on a service page that names no provider. */
export function EntryPoint({
  service,
  place,
  t,
  onOpen,
}: {
  service: string;
  place: string;
  t: Translate;
  onOpen: () => void;
}) {
  return (
    <button type="button" class="entry" onClick={onOpen}>
      Utförarkollen: {t('entryPoint', { service, place })}
    </button>
  );
}
