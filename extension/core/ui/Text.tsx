import type { FactRow } from './facts';
import type { Worded } from './format';

/** A text that may be the API's Swedish in an English view: then marked lang="sv". */
export function Text({ w }: { w: Worded }) {
  return w.sv ? <span lang="sv">{w.text}</span> : w.text;
}

/** A register fact's value: a link where it has one (website, phone), Swedish marked as such. */
export function FactValue({ row }: { row: FactRow }) {
  const content = row.href ? (
    <a
      href={row.href}
      {...(row.href.startsWith('tel:') ? {} : { target: '_blank', rel: 'noopener noreferrer' })}
    >
      {row.value}
    </a>
  ) : (
    row.value
  );
  return row.sv ? <span lang="sv">{content}</span> : content;
}
