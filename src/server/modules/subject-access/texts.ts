import casework from '../../../web/i18n/de.casework.json' with { type: 'json' };
import base from '../../../web/i18n/de.json' with { type: 'json' };
import privacy from '../../../web/i18n/de.privacy.json' with { type: 'json' };
import retention from '../../../web/i18n/de.retention.json' with { type: 'json' };

/**
 * The PDF's texts come from the web's German translation files (the export is German). `{{name}}`
 * interpolation only. A key the PDF needs and no file has throws; a code from the data without a label
 * (an audit action of a newer module) falls back to the code itself (`label`).
 */
type Tree = { [key: string]: string | Tree };
const trees: Tree[] = [privacy, casework, base, retention];

function find(path: string[]): string | undefined {
  for (const tree of trees) {
    let node: string | Tree | undefined = tree;
    for (const part of path) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node === 'string') return node;
  }
  return undefined;
}

export function t(key: string, values?: Record<string, string | number>): string {
  const text = find(key.split('.'));
  if (text === undefined) throw new Error(`privacy text missing: ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values?.[name] ?? ''));
}

/** The label of a code under `prefix` (e.g. `casework.gender`; codes may hold dots), else the code. */
export function label(prefix: string, code: string | null | undefined): string {
  if (!code) return '–';
  return find([...prefix.split('.'), code]) ?? code;
}

/** dd.mm.yyyy of a YYYY-MM-DD date */
export function day(iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** dd.mm.yyyy, hh:mm of an instant, in Europe/Berlin */
export function instant(iso: string | null | undefined): string {
  return iso ? berlin.format(new Date(iso)) : '–';
}
