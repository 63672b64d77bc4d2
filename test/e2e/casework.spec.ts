import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoA11yViolations, field, login } from './helpers';

/** A suffix that keeps this run's records apart from earlier runs and the demo data. */
const run = Date.now().toString(36).slice(-5);
/** Letters only: names must look like names to the duplicate search. */
const tag = run.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

function today(): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' })
    .format(new Date())
    .split('-');
  return `${d}.${m}.${y}`;
}

function isoDaysFromToday(days: number): string {
  const now = new Date(
    `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date())}T12:00:00Z`,
  );
  now.setUTCDate(now.getUTCDate() + days);
  return now.toISOString().slice(0, 10);
}

/** A searchable select by its label: type, then take the highlighted option with Enter. */
async function pick(scope: Page | Locator, label: string, text: string, option?: string | RegExp) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.fill(text);
  const page = 'page' in scope ? scope.page() : scope;
  // dropdowns of other selects stay in the page, hidden
  await page
    .getByRole('option', { name: option ?? text })
    .filter({ visible: true })
    .first()
    .click();
}

interface ApiHousehold {
  id: string;
  caseNumber: string;
  members: { id: string; firstName: string }[];
}

/** Registers a household through the API with the signed-in user's session (setup, not under test). */
async function createHousehold(page: Page, lastName: string, extra: Record<string, unknown> = {}) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const response = await page.request.post('/api/households', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      siteId: me.user.siteIds[0],
      category: 'refugee',
      registeredOn: isoDaysFromToday(0),
      members: [
        { firstName: 'Amina', lastName, birthYear: 1990, gender: 'female', roleInHousehold: 'head' },
        { firstName: 'Karim', lastName, birthYear: 2015, gender: 'male', roleInHousehold: 'child' },
      ],
      ...extra,
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as ApiHousehold;
}

async function apiPost(page: Page, path: string, data: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const response = await page.request.post(path, { headers: { 'x-csrf-token': me.csrfToken }, data });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

async function fillPerson(
  page: Page,
  n: number,
  p: { first: string; last: string; birth: string; role?: string },
) {
  const person = page.getByRole('group', { name: `Person ${n}`, exact: true });
  await person.getByRole('textbox', { name: 'Vorname', exact: true }).fill(p.first);
  await person.getByRole('textbox', { name: 'Nachname', exact: true }).fill(p.last);
  await person.getByRole('textbox', { name: 'Geburtsdatum oder -jahr', exact: true }).fill(p.birth);
  if (p.role) await pick(person, 'Rolle im Haushalt', p.role);
  return person;
}

test.describe('case work', () => {
  test('register a household of four with a duplicate warning', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    await page.getByRole('navigation').getByRole('link', { name: 'Haushalte' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Haushalte' })).toBeVisible();
    await page.getByRole('link', { name: 'Haushalt erfassen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Haushalt erfassen' })).toBeVisible();

    // first the person who is already known
    await fillPerson(page, 1, { first: 'Mohammed', last: `Al-Hassan`, birth: '1933' });
    await expect(field(page, 'Erfasst am')).toHaveValue(today());
    await page.getByRole('button', { name: 'Haushalt anlegen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Haushalt BA-\d{4}-\d+$/ })).toBeVisible();
    const first =
      (await page.getByRole('heading', { level: 1 }).textContent())?.replace('Haushalt ', '') ?? '';

    // then a household of four whose grandfather is a spelling variant of him
    await page.goto('/households/new');
    const grandfather = await fillPerson(page, 1, { first: 'Muhammad', last: 'Alhasan', birth: '1933' });
    const warning = grandfather.getByTestId('duplicate-warning');
    await expect(warning).toContainText('Mögliche Dublette');
    await expect(warning.getByRole('link', { name: new RegExp(`Haushalt ${first}`) })).toBeVisible();
    await expect(warning).toContainText('Sie können trotzdem speichern.');
    await pick(grandfather, 'Staatsangehörigkeit', 'Syri', 'Syrien');
    await grandfather.getByRole('radio', { name: 'männlich' }).check();

    await page.getByRole('button', { name: 'Weitere Person hinzufügen' }).click();
    await expect(
      page.getByRole('group', { name: 'Person 2' }).getByRole('textbox', { name: 'Vorname' }),
    ).toBeFocused();
    await fillPerson(page, 2, {
      first: 'Yusuf',
      last: `Alhasan${tag}`,
      birth: '12.03.1968',
      role: 'Haushaltsvorstand',
    });
    await page.getByRole('button', { name: 'Weitere Person hinzufügen' }).click();
    await fillPerson(page, 3, { first: 'Layla', last: `Alhasan${tag}`, birth: '1972', role: 'Partner' });
    await page.getByRole('button', { name: 'Weitere Person hinzufügen' }).click();
    await fillPerson(page, 4, { first: 'Noor', last: `Alhasan${tag}`, birth: '02.09.2009', role: 'Kind' });
    // the grandfather's role
    await pick(grandfather, 'Rolle im Haushalt', 'Eltern', 'Elternteil');

    await pick(page, 'Stadtbezirk', 'Brack', 'Brackel');
    await pick(page, 'Statistischer Bezirk', '', /.+/);
    await field(page, 'Straße und Hausnummer').fill('Musterweg 4');
    await field(page, 'Postleitzahl').fill('44309');
    await page.getByRole('button', { name: 'Haushalt anlegen' }).click();

    await expect(page.getByRole('heading', { level: 1, name: /^Haushalt BA-\d{4}-\d+$/ })).toBeVisible();
    const caseNumber =
      (await page.getByRole('heading', { level: 1 }).textContent())?.replace('Haushalt ', '') ?? '';
    expect(caseNumber).not.toBe(first);
    await expect(page.getByText(`Der Haushalt ${caseNumber} wurde angelegt.`)).toBeVisible();
    const members = page.getByRole('table', { name: /Mitglieder des Haushalts/ });
    await expect(members.getByRole('row')).toHaveCount(5);
    await expect(members).toContainText('Alhasan, Muhammad');
    await expect(members).toContainText('Elternteil');
    await expect(members).toContainText('Syrien');

    // the list finds it by name
    await page.getByRole('navigation').getByRole('link', { name: 'Haushalte' }).click();
    await page.getByRole('searchbox', { name: 'Suche' }).fill(`Alhasan${tag}`);
    const row = page.getByRole('row', { name: new RegExp(caseNumber) });
    await expect(row).toBeVisible();
    await expect(page.getByRole('table', { name: 'Haushalte' }).getByRole('row')).toHaveCount(2);
    await row.getByRole('link', { name: caseNumber }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Haushalt ${caseNumber}` })).toBeVisible();
  });

  test('log a contact with two counselling reasons by keyboard only', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    const household = await createHousehold(page, `Haddad${tag}`);
    await page.goto(`/households/${household.id}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `Haushalt ${household.caseNumber}` }),
    ).toBeVisible();

    // from here on only the keyboard
    const kb = page.keyboard;
    await kb.press('Tab');
    await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
    await kb.press('Enter');
    await kb.press('Tab');
    await expect(page.getByRole('link', { name: 'Kontakt erfassen' })).toBeFocused();
    await kb.press('Enter');
    await expect(
      page.getByRole('heading', { level: 1, name: `Kontakt erfassen – ${household.caseNumber}` }),
    ).toBeFocused();

    await kb.press('Tab');
    await expect(field(page, 'Datum')).toBeFocused();
    await expect(field(page, 'Datum')).toHaveValue(today());
    await kb.press('Tab');
    const type = page.getByRole('combobox', { name: 'Kontaktart', exact: true });
    await expect(type).toBeFocused();
    await kb.type('Sprech');
    await kb.press('Tab');
    await expect(type).toHaveValue('Sprechstunde');
    await kb.type('45');

    // first reason: type, Tab takes the match
    await kb.press('Tab');
    const reason1 = page.getByRole('group', { name: 'Beratungsanlass 1' });
    await expect(reason1.getByRole('combobox', { name: 'Lebensbereich' })).toBeFocused();
    await kb.type('Wohn');
    await kb.press('Tab');
    await kb.type('Begl');
    await kb.press('Enter');
    await expect(reason1.getByRole('combobox', { name: 'Lebensbereich' })).toHaveValue('Wohnen');
    await expect(reason1.getByRole('combobox', { name: 'Unterstützungsbedarf' })).toHaveValue('Begleitung');

    // second reason with the shortcut
    await kb.press('Alt+N');
    const reason2 = page.getByRole('group', { name: 'Beratungsanlass 2' });
    await expect(reason2.getByRole('combobox', { name: 'Lebensbereich' })).toBeFocused();
    await kb.type('Arbeit');
    await kb.press('Tab');
    await kb.type('Berat');
    await kb.press('Tab');
    await expect(reason2.getByRole('combobox', { name: 'Lebensbereich' })).toHaveValue('Arbeit/Beruf');
    await expect(reason2.getByRole('combobox', { name: 'Unterstützungsbedarf' })).toHaveValue('Beratung');

    // past "remove" and "add reason" to the members taking part
    await expect(page.getByRole('button', { name: 'Beratungsanlass 2 entfernen' })).toBeFocused();
    await kb.press('Tab');
    await expect(page.getByRole('button', { name: /Beratungsanlass hinzufügen/ })).toBeFocused();
    await kb.press('Tab');
    await expect(page.getByRole('checkbox', { name: `Amina Haddad${tag}` })).toBeFocused();
    await kb.press('Space');
    await kb.press('Tab');
    await kb.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Sprache der Sprachmittlung' })).toBeFocused();
    await kb.type('Arab');
    await kb.press('Tab');
    await kb.type('Samira Nasr');
    await kb.press('Tab');
    await kb.type('Wohnungssuche und Bewerbung besprochen.');
    await kb.press('Control+Enter');

    await expect(
      page.getByRole('heading', { level: 1, name: `Haushalt ${household.caseNumber}` }),
    ).toBeVisible();
    await expect(page.getByText(`Der Kontakt vom ${today()} wurde gespeichert.`)).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Kontakte' })).toHaveAttribute('aria-selected', 'true');
    const contact = page
      .getByRole('list', { name: 'Kontakte, neueste zuerst' })
      .getByRole('listitem')
      .first();
    await expect(contact).toContainText(`${today()} – Sprechstunde (45 Minuten)`);
    await expect(contact).toContainText('Wohnen × Begleitung');
    await expect(contact).toContainText('Arbeit/Beruf × Beratung');
    await expect(contact).toContainText(`Beteiligt: Amina Haddad${tag}`);
    await expect(contact).toContainText('Sprachmittlung: Arabisch, Samira Nasr');

    // the next contact starts with the type used last
    await page.goto(`/households/${household.id}/contacts/new`);
    await expect(page.getByRole('combobox', { name: 'Kontaktart', exact: true })).toHaveValue('Sprechstunde');
  });

  test('set a follow-up and find it on "Mein Tag"; overdue ones are marked; done ones leave', async ({
    page,
  }) => {
    await login(page, 'fachkraft.ba');
    const household = await createHousehold(page, `Nasr${tag}`);
    // one that was due yesterday
    await apiPost(page, `/api/households/${household.id}/followups`, {
      dueOn: isoDaysFromToday(-1),
      text: `Bescheid Jobcenter prüfen ${tag}`,
    });

    await page.goto(`/households/${household.id}?tab=followups`);
    await expect(page.getByRole('heading', { level: 2, name: 'Wiedervorlagen' })).toBeVisible();
    await field(page, 'Fällig am').fill(today());
    await field(page, 'Worum geht es?').fill(`Kita-Anmeldung nachfragen ${tag}`);
    await page.getByRole('button', { name: 'Wiedervorlage anlegen' }).click();
    await expect(page.getByText(`Die Wiedervorlage zum ${today()} wurde angelegt.`)).toBeVisible();
    await expect(field(page, 'Fällig am')).toBeFocused();
    await expect(
      page.getByRole('row', { name: new RegExp(`Kita-Anmeldung nachfragen ${tag}`) }),
    ).toContainText('offen');

    await page.getByRole('navigation').getByRole('link', { name: 'Mein Tag' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Tag' })).toBeFocused();
    const due = page.getByRole('table', { name: 'Meine fälligen Wiedervorlagen' });
    const todays = due.getByRole('row', { name: new RegExp(`Kita-Anmeldung nachfragen ${tag}`) });
    await expect(todays).toContainText(today());
    await expect(todays).toContainText(household.caseNumber);
    await expect(todays).not.toContainText('überfällig');
    const overdue = due.getByRole('row', { name: new RegExp(`Bescheid Jobcenter prüfen ${tag}`) });
    await expect(overdue).toContainText('überfällig');
    // the household was opened: it is among the recent ones
    await expect(
      page
        .getByRole('region', { name: 'Zuletzt geöffnete Haushalte' })
        .getByRole('link', { name: household.caseNumber }),
    ).toBeVisible();

    await overdue.getByRole('button', { name: `Erledigt: Bescheid Jobcenter prüfen ${tag}` }).click();
    await expect(page.getByText(`Erledigt: Bescheid Jobcenter prüfen ${tag}`).first()).toBeVisible();
    await expect(overdue).toHaveCount(0);
    await expect(todays).toBeVisible();
    // focus stays in the list: on the next follow-up's button
    await expect(page.locator('[data-followup-done]:focus')).toHaveCount(1);

    // the follow-up link leads to the household's follow-ups
    await todays.getByRole('link', { name: household.caseNumber }).click();
    await expect(page.getByRole('tab', { name: 'Wiedervorlagen' })).toHaveAttribute('aria-selected', 'true');
    await expect(
      page.getByRole('row', { name: new RegExp(`Bescheid Jobcenter prüfen ${tag}`) }),
    ).toContainText('erledigt');
  });

  test('refer without consent: passing data on is refused clearly; with the consent it succeeds', async ({
    page,
  }) => {
    await login(page, 'fachkraft.ba');
    const household = await createHousehold(page, `Darwish${tag}`);
    await page.goto(`/households/${household.id}?tab=referrals`);
    await expect(page.getByText('Noch keine Vermittlungen.')).toBeVisible();

    // a referral that passes no data on needs no consent
    await page.getByRole('button', { name: 'Vermittlung anlegen' }).click();
    let dialog = page.getByRole('dialog', { name: 'Vermittlung anlegen' });
    await pick(dialog, 'Organisation, Behörde oder Angebot', 'Caritas', /Caritas/);
    await pick(dialog, 'Lebensbereich', 'Gesund', 'Gesundheit');
    await dialog.getByRole('button', { name: 'Vermittlung anlegen' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('row', { name: /Caritas/ })).toContainText('nein');

    // passing data on to the job centre without consent: refused, nothing saved, and said why
    await page.getByRole('button', { name: 'Vermittlung anlegen' }).click();
    dialog = page.getByRole('dialog', { name: 'Vermittlung anlegen' });
    await pick(dialog, 'Organisation, Behörde oder Angebot', 'Jobcenter', /Jobcenter/);
    await pick(dialog, 'Lebensbereich', 'Arbeit', 'Arbeit/Beruf');
    await expect(
      dialog.getByText('Für Jobcenter Dortmund liegt keine Einwilligung zur Datenweitergabe vor.'),
    ).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'Daten werden weitergegeben' }).check();
    await dialog.getByRole('button', { name: 'Vermittlung anlegen' }).click();
    const refusal = dialog.getByTestId('consent-missing');
    await expect(refusal).toContainText('Keine Einwilligung zur Datenweitergabe');
    await expect(refusal).toContainText('Für Jobcenter Dortmund liegt keine gültige Einwilligung');
    await expect(refusal).toContainText('Es wurde nichts gespeichert.');
    const sharing = dialog.getByRole('checkbox', { name: 'Daten werden weitergegeben' });
    await expect(sharing).toHaveAttribute('aria-invalid', 'true');
    await expect(sharing).toBeFocused();
    await expectNoA11yViolations(page, 'referral refused for want of consent');

    // record the consent for the job centre
    await refusal.getByRole('button', { name: 'Zu den Einwilligungen' }).click();
    await expect(page.getByRole('tab', { name: 'Einwilligungen' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('row', { name: /Jobcenter/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    dialog = page.getByRole('dialog', { name: 'Einwilligung erfassen' });
    await expect(dialog.getByRole('combobox', { name: 'Erteilt von' })).toHaveValue(`Amina Darwish${tag}`);
    await pick(dialog, 'Weitergabe an', 'Jobcenter', /Jobcenter/);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await expect(dialog).toHaveCount(0);
    const consentRow = page.getByRole('row', { name: /Jobcenter Dortmund/ });
    await expect(consentRow).toContainText('gültig');

    // now the referral goes through
    await page.getByRole('tab', { name: 'Vermittlungen' }).click();
    await page.getByRole('button', { name: 'Vermittlung anlegen' }).click();
    dialog = page.getByRole('dialog', { name: 'Vermittlung anlegen' });
    await pick(dialog, 'Organisation, Behörde oder Angebot', 'Jobcenter', /Jobcenter/);
    await pick(dialog, 'Lebensbereich', 'Arbeit', 'Arbeit/Beruf');
    await expect(
      dialog.getByText(/Eine Einwilligung zur Datenweitergabe an Jobcenter Dortmund liegt vor/),
    ).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'Daten werden weitergegeben' }).check();
    await dialog.getByRole('button', { name: 'Vermittlung anlegen' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText('Die Vermittlung an Jobcenter Dortmund wurde angelegt.')).toBeVisible();
    const referral = page.getByRole('row', { name: /Jobcenter/ });
    await expect(referral).toContainText('ja');
    await expect(referral).toContainText('vorgeschlagen');

    // its status moves on
    await referral.getByRole('button', { name: 'Status ändern: Vermittlung an Jobcenter Dortmund' }).click();
    dialog = page.getByRole('dialog', { name: 'Vermittlung an Jobcenter Dortmund' });
    await dialog.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'weitergeleitet' }).click();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(referral).toContainText('weitergeleitet');

    // withdrawing the consent asks first, and keeps the date
    await page.getByRole('tab', { name: 'Einwilligungen' }).click();
    await consentRow.getByRole('button', { name: /Einwilligung vom .* widerrufen/ }).click();
    dialog = page.getByRole('dialog', { name: 'Einwilligung widerrufen?' });
    await expect(dialog.getByRole('textbox', { name: 'Widerrufen am' })).toHaveValue(today());
    await dialog.getByRole('button', { name: 'Widerrufen' }).click();
    await expect(consentRow).toContainText(`widerrufen am ${today()}`);
  });
});
