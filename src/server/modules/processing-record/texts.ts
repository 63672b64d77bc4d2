import type { Role } from '../../../shared/permissions.js';
import { cellKeyV1 } from '../../../shared/schemas/statistics-protection.js';
import type { Config } from '../../platform/config.js';

/** The German role names (the same as the web app's, which the server does not load). */
export const roleLabels: Record<Role, string> = {
  admin: 'Administration',
  central: 'Zentrale Steuerung',
  siteLead: 'Standortleitung',
  caseworker: 'Fachkraft',
  volunteerCoordinator: 'Ehrenamtskoordination',
  networkWorker: 'Netzwerk- und Gemeinwesenarbeit',
  board: 'Beirat',
  dpo: 'Datenschutzbeauftragte*r',
};

/** The parts of the record that follow from what the software does, not from the configuration. */
export const staticParts = {
  title: 'Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO): Integrationsberatung mit Quartier',
  controller:
    'Die Stadtverwaltung als Verantwortliche; Name, Anschrift und die Kontaktdaten der oder des Datenschutzbeauftragten ergänzt die Stadt.',
  purposes: [
    'Beratung und Begleitung von Geflüchteten und sonstigen Ratsuchenden und ihren Haushalten (Fallarbeit an den Standorten)',
    'Vermittlung an Kooperationspartner, Sprachmittlung und ehrenamtliche Patenschaften, nur mit Einwilligung',
    'Anonyme Statistik für die Planung der Stadt und den Beirat (geschützte Zahlen)',
    'Nachweis der Verarbeitung: Protokoll der Zugriffe und Änderungen, Auskunft, Berichtigung und Löschung',
  ],
  legalBases: [
    'Einwilligung der betroffenen Personen (Art. 6 Abs. 1 Buchst. a, Art. 9 Abs. 2 Buchst. a DSGVO)',
    'Wahrnehmung einer Aufgabe im öffentlichen Interesse (Art. 6 Abs. 1 Buchst. e DSGVO) mit §§ 67 ff. SGB X (Sozialdaten)',
  ],
  dataSubjects: [
    'Ratsuchende und die Mitglieder ihrer Haushalte',
    'Beschäftigte der Stadt und der Träger mit einem Konto (Benutzer*innen)',
    'Ehrenamtliche, Sprachmittler*innen und Ansprechpersonen der Kooperationspartner',
  ],
  dataCategories: [
    'Stammdaten: Namen (auch in Originalschrift), Geburtsdatum, Geschlecht, Staatsangehörigkeit, Sprachen, Anschrift, Telefon',
    'Aufenthaltsstatus und Haushaltskategorie (besondere Kategorien nur, soweit für die Beratung mitgeteilt)',
    'Falldaten: Kontakte mit Beratungsanlässen, Integrationsbedarfe, Vermittlungen, Termine, Wiedervorlagen, Notizen',
    'Einwilligungen mit dem ausgehändigten Datenschutzhinweis (Sprache und Version)',
    'Kontodaten der Beschäftigten und das Protokoll (wer hat wann was gelesen oder geändert; keine Inhalte)',
  ],
};

export function measures(config: Config, engine: 'pglite' | 'postgres', mfaRoles: Role[]) {
  const mfa = mfaRoles.length
    ? `Zweiter Faktor (TOTP nach RFC 6238) Pflicht für: ${mfaRoles.map((r) => roleLabels[r]).join(', ')}; Wiederherstellungscodes.`
    : 'Zweiter Faktor (TOTP) für alle Rollen freiwillig (QUARTIER_MFA_REQUIRED_ROLES leer oder Demo-Betrieb).';
  return [
    {
      title: 'Zugriffskontrolle',
      detail:
        'Rollen und Berechtigungen aus einer Tabelle; Fallakten nur für die eigenen Standorte (fremde Einträge antworten wie nicht vorhanden). ' +
        `Notfallzugriff auf einen anderen Standort nur mit schriftlicher Begründung, nur lesend, für ${config.QUARTIER_EMERGENCY_ACCESS_HOURS} Stunden, gemeldet an Standortleitung und DSB.`,
    },
    { title: 'Anmeldung', detail: mfa },
    {
      title: 'Kennwörter und Sitzungen',
      detail:
        'Kennwörter als Argon2-Hash; häufige und triviale Kennwörter werden abgelehnt; ein von der Administration gesetztes Kennwort muss bei der nächsten Anmeldung geändert werden. ' +
        `Sperre nach ${config.QUARTIER_LOGIN_MAX_FAILURES} Fehlversuchen für ${config.QUARTIER_LOGIN_LOCK_MINUTES} Minuten; Sitzungen enden nach ${config.QUARTIER_SESSION_IDLE_MINUTES} Minuten ohne Aktivität, spätestens nach ${config.QUARTIER_SESSION_MAX_HOURS} Stunden. ` +
        `Sitzungscookie httpOnly, SameSite=Lax${config.QUARTIER_COOKIE_SECURE ? ', nur über HTTPS' : ''}; CSRF-Token.`,
    },
    {
      title: 'Protokoll (manipulationssicher)',
      detail:
        'Jedes Lesen und Schreiben personenbezogener Daten wird protokolliert (Feldnamen, keine Inhalte). Das Protokoll ist nur anfügbar; jeder Eintrag trägt einen Hash über seinen Inhalt und den Hash des vorigen Eintrags (Kette); `npm run audit:verify` prüft die Kette.',
    },
    {
      title: 'Datensicherung',
      detail: `Datenbank: ${engine === 'postgres' ? 'PostgreSQL' : 'eingebettete Datenbank (PGlite)'}. Sicherung und Wiederherstellung mit \`npm run backup -- --out DATEI\` und \`npm run restore -- --in DATEI\` (mit Prüfschritt; Sitzungen werden nicht wiederhergestellt). Zeitplan und Aufbewahrung der Sicherungen legt der Betrieb fest.`,
    },
    {
      title: 'Löschung und Anonymisierung',
      detail:
        'Löschfristen je Haushaltskategorie (siehe oben): ein täglicher Lauf anonymisiert, was fällig ist; Löschung auf Antrag sofort. Die Statistik bleibt dabei gleich.',
    },
    {
      title: 'Statistik',
      detail: `Zahlen für den Beirat mit Zufallsüberlagerung je Zelle (Cell-Key-Verfahren, höchstens ±${cellKeyV1.maxNoise}, nie 1 oder 2), so dass sich kleine Fallzahlen nicht aus mehreren Abfragen errechnen lassen.`,
    },
    {
      title: 'Berichtigung, Einschränkung, Auskunft',
      detail: `Einträge können mit Begründung berichtigt und gelöscht werden (von der erfassenden Person ${config.QUARTIER_CORRECTION_DAYS} Tage lang, von der Standortleitung immer); Haushalte können eingeschränkt werden; Auskunft als PDF und JSON.`,
    },
  ];
}
