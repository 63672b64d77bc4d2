import type { privacyNotices } from '../../db/schema/index.js';
import { escapeHtml, germanDate, paragraphs, printDocument } from './html.js';

const labels = {
  de: {
    version: 'Version {v}, veröffentlicht am {date}',
    handedTo: 'Ausgehändigt an (Name)',
    on: 'Datum',
    hint: 'Zum Drucken: Strg+P (A4).',
  },
  en: {
    version: 'Version {v}, published on {date}',
    handedTo: 'Handed to (name)',
    on: 'Date',
    hint: 'To print: Ctrl+P (A4).',
  },
};

/** The notice as a printable A4 page to hand to the household, right to left where its language needs it. */
export function renderNoticePage(row: typeof privacyNotices.$inferSelect, dir: 'ltr' | 'rtl') {
  // the footer in German unless the notice is English: the staff fill it in
  const l = row.language === 'en' ? labels.en : labels.de;
  const version = l.version
    .replace('{v}', String(row.version))
    .replace('{date}', germanDate(row.publishedAt));
  const body = `<p class="hint" lang="${row.language === 'en' ? 'en' : 'de'}" dir="ltr">${l.hint}</p>
<h1>${escapeHtml(row.title)}</h1>
${paragraphs(row.body)}
<p class="meta" dir="ltr">${escapeHtml(version)}</p>
<div class="sign" dir="ltr"><span>${l.handedTo}</span><span>${l.on}</span></div>`;
  return printDocument({ lang: row.language, dir, title: row.title, body });
}
