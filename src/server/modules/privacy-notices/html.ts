import { todayBerlin } from '../../../shared/dates.js';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An instant as dd.mm.yyyy, the calendar day in Europe/Berlin. */
export function germanDate(at: Date): string {
  const [y, m, d] = todayBerlin(at).split('-');
  return `${d}.${m}.${y}`;
}

/** Paragraphs from a plain text: blank lines separate them, single line breaks stay. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

const printCss = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
  color: #000; max-width: 174mm; margin: 1rem auto; padding: 0 1rem; }
h1 { font-size: 16pt; margin: 0 0 .5rem; } h2 { font-size: 13pt; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; } th, td { border: 1px solid #555;
  padding: 3px 6px; text-align: start; vertical-align: top; } th { background: #eee; }
.meta { color: #333; font-size: 9.5pt; } .sign { margin-top: 2.5rem; display: flex; gap: 2rem; }
.sign span { flex: 1; border-top: 1px solid #000; padding-top: 3px; font-size: 9.5pt; }
h2, tr { break-inside: avoid; } .hint { border: 1px dashed #777; padding: .4rem; font-size: 9.5pt; }
@media print { .hint { display: none; } body { margin: 0; padding: 0; max-width: none; } }
`;

/** A whole printable HTML document (A4, printed with the browser), in the given language and direction. */
export function printDocument(opts: {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  body: string;
}): string {
  return `<!doctype html>
<html lang="${escapeHtml(opts.lang)}" dir="${opts.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title><style>${printCss}</style></head>
<body><main>
${opts.body}
</main></body></html>`;
}
