import type { ProcessingRecord } from '../../../shared/schemas/processing-record.js';
import { escapeHtml as e, germanDate, printDocument } from '../privacy-notices/html.js';

const list = (items: string[]) => `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;

function table(headers: string[], rows: (string | number)[][]) {
  const head = headers.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${e(String(c))}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const dateDe = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '–');
const yesNo = (b: boolean) => (b ? 'ja' : 'nein');

/** The record as a printable German A4 document. */
export function renderProcessingRecord(r: ProcessingRecord): string {
  const body = `<p class="hint" dir="ltr">Zum Drucken: Strg+P (A4).</p>
<h1>${e(r.title)}</h1>
<p class="meta">Erstellt am ${germanDate(new Date(r.generatedAt))} aus der Konfiguration von Quartier ${e(r.softwareVersion)}.</p>
<h2>Verantwortliche</h2><p>${e(r.controller)}</p>
<h2>Zwecke der Verarbeitung</h2>${list(r.purposes)}
<h2>Rechtsgrundlagen</h2>${list(r.legalBases)}
<h2>Kategorien betroffener Personen</h2>${list(r.dataSubjects)}
<h2>Kategorien personenbezogener Daten</h2>${list(r.dataCategories)}
<h2>Haushaltskategorien</h2>${table(
    ['Code', 'Bezeichnung'],
    r.householdCategories.map((c) => [c.code, c.label]),
  )}
<h2>Standorte</h2>${table(
    ['Kürzel', 'Standort', 'eröffnet', 'geschlossen'],
    r.sites.map((s) => [s.code, s.label, dateDe(s.openedOn), dateDe(s.closedOn)]),
  )}
<h2>Rollen und Berechtigungen</h2>${table(
    ['Rolle', 'Fallakten (eigene Standorte)', 'Zweiter Faktor Pflicht', 'aktive Konten', 'Berechtigungen'],
    r.roles.map((x) => [
      x.label,
      yesNo(x.caseScope),
      yesNo(x.mfaRequired),
      x.activeAccounts,
      x.permissions.join(', '),
    ]),
  )}
<h2>Empfänger (aus den Einwilligungen)</h2>
<p>Daten gehen nur an Stellen, die in einer Einwilligung genannt sind; die Zahl nennt die geltenden Einwilligungen.</p>${table(
    ['Empfänger', 'Art', 'geltende Einwilligungen'],
    r.recipients.map((x) => [x.label, x.kind ?? '–', x.consentsInForce]),
  )}
<h2>Löschfristen</h2>${table(
    [
      'Haushaltskategorie',
      'Anonymisierung nach (Monate ab letztem Kontakt)',
      'Notizen nach (Monate)',
      'Standardwert',
    ],
    r.retention.map((x) => [x.label, x.months, x.notesMonths, yesNo(x.isDefault)]),
  )}
<h2>Technische und organisatorische Maßnahmen (Art. 32 DSGVO)</h2>
${r.technicalMeasures.map((m) => `<h3>${e(m.title)}</h3><p>${e(m.detail)}</p>`).join('\n')}`;
  return printDocument({ lang: 'de', dir: 'ltr', title: r.title, body });
}
