import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations, field, login, logout } from './helpers';

/** Keeps this run's records apart from earlier runs and the demo data (letters only). */
const tag = Date.now()
  .toString(36)
  .slice(-5)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
const mediatorName = `Amal Haddad ${tag}`;

function isoDaysFromToday(days: number): string {
  const now = new Date(
    `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date())}T12:00:00Z`,
  );
  now.setUTCDate(now.getUTCDate() + days);
  return now.toISOString().slice(0, 10);
}
const visitDate = isoDaysFromToday(15);
const asInput = (iso: string) => iso.split('-').reverse().join('.');

async function apiPost(page: Page, path: string, data: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const response = await page.request.post(path, { headers: { 'x-csrf-token': me.csrfToken }, data });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

/** A searchable Mantine select by its label: type, then click the visible option. */
async function pick(page: Page, label: string, text: string, option: string | RegExp = text) {
  await page.getByRole('combobox', { name: label, exact: true }).fill(text);
  await page.getByRole('option', { name: option }).filter({ visible: true }).first().click();
}

test.describe.configure({ mode: 'serial' });

test('a site lead adds an Arabic-speaking mediator to the pool', async ({ page }) => {
  await login(page, 'leitung.ba');
  await page.goto('/mediators');
  await expect(page.getByRole('heading', { level: 1, name: 'Sprachmittler*innen' })).toBeVisible();
  await expectNoA11yViolations(page, 'mediator pool');
  await page.getByRole('button', { name: 'Sprachmittler*in anlegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sprachmittler*in anlegen' });
  await expect(dialog).toBeVisible();
  // saving without a language is refused on the field
  await field(page, 'Name').fill(mediatorName);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog.getByText('Mindestens eine Sprache wählen')).toBeVisible();
  await pick(page, 'Sprachen', 'Arab', 'Arabisch');
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Honorar (€ pro Stunde)' }).fill('35');
  await dialog.getByRole('button', { name: 'Zeitfenster hinzufügen' }).click();
  await expect(dialog.getByRole('group', { name: 'Zeitfenster 1' })).toBeVisible();
  await expectNoA11yViolations(page, 'mediator form');
  // by arrangement: no weekly plan
  await dialog.getByRole('button', { name: 'Zeitfenster 1 entfernen' }).click();
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: mediatorName })).toBeVisible();
  await expect(page.getByText('nach Vereinbarung (kein Wochenplan)')).toBeVisible();
  await expectNoA11yViolations(page, 'mediator detail');
  await page.goto(`/mediators?q=${encodeURIComponent(`Amal Hadad ${tag}`)}`);
  await expect(page.getByRole('link', { name: mediatorName })).toBeVisible();
  await logout(page);
});

test('a caseworker books the mediator for a home visit; an overlapping second booking is refused', async ({
  page,
}) => {
  await login(page, 'fachkraft.ba');
  const me = await (await page.request.get('/api/auth/me')).json();
  const household = await apiPost(page, '/api/households', {
    siteId: me.user.siteIds[0],
    category: 'refugee',
    registeredOn: isoDaysFromToday(0),
    members: [{ firstName: 'Rania', lastName: `Nasser${tag}`, birthYear: 1988, roleInHousehold: 'head' }],
  });
  const appointment = await apiPost(page, `/api/households/${household.id}/appointments`, {
    date: visitDate,
    startTime: '10:00',
    durationMinutes: 60,
    languageNeeded: 'ar',
    note: 'Hausbesuch',
  });

  // from the household's appointments: the booking page comes filled in
  await page.goto(`/households/${household.id}`);
  await page.getByRole('tab', { name: 'Termine' }).click();
  await page
    .getByRole('link', { name: `Sprachmittlung buchen für den Termin am ${asInput(visitDate)} um 10:00` })
    .click();
  await expect(page).toHaveURL(new RegExp(`appointmentId=${appointment.id}`));
  await expect(page.getByRole('heading', { level: 1, name: 'Sprachmittlung buchen' })).toBeVisible();
  await expect(page.getByText(`Für Haushalt ${household.caseNumber}`)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Datum' })).toHaveValue(asInput(visitDate));
  await page.getByRole('button', { name: 'Freie Sprachmittler*innen suchen' }).click();
  const list = page.getByRole('table', { name: 'Freie Sprachmittler*innen' });
  await expect(list.getByRole('cell', { name: mediatorName, exact: true })).toBeVisible();
  await expectNoA11yViolations(page, 'booking form with free mediators');
  await list.getByRole('button', { name: `${mediatorName} buchen` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${mediatorName} ist gebucht` })).toBeVisible();
  // booked now: no longer offered for that time
  await expect(list.getByRole('cell', { name: mediatorName, exact: true })).toHaveCount(0);

  // a later time: offered; a colleague books the mediator overlapping meanwhile; this booking is refused
  await page.getByRole('textbox', { name: 'Von' }).fill('11:30');
  await page.getByRole('textbox', { name: 'Bis' }).fill('12:30');
  await page.getByRole('button', { name: 'Freie Sprachmittler*innen suchen' }).click();
  await expect(list.getByRole('cell', { name: mediatorName, exact: true })).toBeVisible();
  const mediatorId = (
    await (await page.request.get(`/api/mediators?q=${encodeURIComponent(mediatorName)}`)).json()
  ).items[0].id;
  await apiPost(page, '/api/mediator-bookings', {
    mediatorId,
    language: 'ar',
    date: visitDate,
    from: '11:00',
    to: '12:00',
  });
  await list.getByRole('button', { name: `${mediatorName} buchen` }).click();
  await expect(page.getByRole('alert')).toContainText(`${mediatorName} ist zu dieser Zeit bereits gebucht`);
  await expect(list.getByRole('cell', { name: mediatorName, exact: true })).toHaveCount(0);
  await expectNoA11yViolations(page, 'booking refused');

  // the bookings list: the home visit's booking with the household, confirmed here
  await page.goto('/mediator-bookings');
  await expect(page.getByRole('heading', { level: 1, name: 'Buchungen Sprachmittlung' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: household.caseNumber });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(mediatorName);
  await expect(row).toContainText('angefragt');
  await expectNoA11yViolations(page, 'bookings list');
  await row.getByRole('button', { name: `Bestätigen: ${mediatorName} am ${asInput(visitDate)}` }).click();
  await expect(row).toContainText('bestätigt');
  await row.getByRole('button', { name: /^Erledigt:/ }).click();
  const done = page.getByRole('dialog', { name: 'Einsatz erledigt: Stunden eintragen' });
  await done.getByRole('textbox', { name: 'Stunden' }).fill('1,5');
  await expectNoA11yViolations(page, 'hours dialog');
  await done.getByRole('button', { name: 'Speichern' }).click();
  await expect(row).toContainText('erledigt');
  await expect(row).toContainText('1,5');
  await expect(row).toContainText('52,50');
  // the refused booking was not written: two bookings of this mediator in all
  const bookings = await (await page.request.get(`/api/mediator-bookings?mediatorId=${mediatorId}`)).json();
  expect(bookings.total).toBe(2);
  await page.goto(`/mediators/${mediatorId}`);
  await expect(page.getByRole('table', { name: 'Buchungen' }).getByRole('row')).toHaveCount(3);
  await expectNoA11yViolations(page, 'mediator detail with bookings');
});

test('a contact logged on the day of a confirmed booking carries the mediation', async ({ page }) => {
  await login(page, 'fachkraft.ba');
  const me = await (await page.request.get('/api/auth/me')).json();
  const household = await apiPost(page, '/api/households', {
    siteId: me.user.siteIds[0],
    category: 'refugee',
    registeredOn: isoDaysFromToday(0),
    members: [{ firstName: 'Omar', lastName: `Saleh${tag}`, birthYear: 1979, roleInHousehold: 'head' }],
  });
  const mediatorId = (
    await (await page.request.get(`/api/mediators?q=${encodeURIComponent(mediatorName)}`)).json()
  ).items[0].id;
  const booking = await apiPost(page, '/api/mediator-bookings', {
    mediatorId,
    language: 'ar',
    date: isoDaysFromToday(0),
    from: '07:00',
    to: '07:45',
    householdId: household.id,
  });
  const confirmed = await page.request.patch(`/api/mediator-bookings/${booking.id}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { status: 'confirmed' },
  });
  expect(confirmed.ok(), await confirmed.text()).toBe(true);

  // the caseworker logs the contact without naming the mediation
  await page.goto(`/households/${household.id}`);
  await page.getByRole('link', { name: 'Kontakt erfassen' }).click();
  const type = page.getByRole('combobox', { name: 'Kontaktart', exact: true });
  await type.click();
  await page.keyboard.type('Sprech');
  await page.keyboard.press('Tab');
  await expect(type).toHaveValue('Sprechstunde');
  const reason = page.getByRole('group', { name: 'Beratungsanlass 1' });
  await reason.getByRole('combobox', { name: 'Lebensbereich' }).click();
  await page.keyboard.type('Wohn');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Berat');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+Enter');
  const contact = page.getByRole('list', { name: 'Kontakte, neueste zuerst' }).getByRole('listitem').first();
  await expect(contact).toContainText(`Sprachmittlung: Arabisch, ${mediatorName}`);
  await expectNoA11yViolations(page, 'household with a mediated contact');
});
