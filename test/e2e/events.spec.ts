import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations, field, login, logout } from './helpers';

/** A suffix that keeps this run's records apart from earlier runs and the demo data. */
const run = Date.now().toString(36).slice(-5);

function isoToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}
const asInput = (iso: string) => iso.split('-').reverse().join('.');

async function apiPost(page: Page, path: string, data: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  return page.request.post(path, { headers: { 'x-csrf-token': me.csrfToken }, data });
}

/** A searchable select by its label: type, then take the matching visible option. */
async function pick(page: Page, label: string, text: string) {
  await page.getByRole('combobox', { name: label, exact: true }).fill(text);
  await page.getByRole('option', { name: text }).filter({ visible: true }).first().click();
}

async function addAction(page: Page, text: string, owner: string, dueOn: string) {
  await page.getByRole('button', { name: 'Vereinbarung hinzufügen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vereinbarung hinzufügen' });
  await dialog.getByRole('textbox', { name: 'Vereinbarung', exact: true }).fill(text);
  await pick(page, 'Verantwortlich', owner);
  await dialog.getByRole('textbox', { name: 'Fällig am', exact: true }).fill(dueOn);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
}

test('the network worker records a round table with minutes and two agreed actions', async ({ page }) => {
  const today = isoToday();
  test.setTimeout(120_000);
  const title = `Runder Tisch Wohnen ${run}`;
  await login(page, 'netzwerk');

  // a partner organisation to invite (through the partners API, when it is there)
  const me = await (await page.request.get('/api/auth/me')).json();
  const partner = await apiPost(page, '/api/partners', {
    name: `Mieterverein ${run}`,
    kind: 'other',
    districtCodes: [],
    siteId: me.user.siteIds[0],
    contactPersons: [],
  });

  await page.goto('/events');
  await expect(page.getByRole('heading', { level: 1, name: 'Veranstaltungen' })).toBeVisible();
  await expectNoA11yViolations(page, 'events list');

  await page.getByRole('link', { name: 'Veranstaltung anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Veranstaltung anlegen' })).toBeVisible();
  await expectNoA11yViolations(page, 'event form');

  // a save without the required fields names them
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(field(page, 'Titel')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Bitte ausfüllen.').first()).toBeAttached();
  await page.keyboard.press('Escape');

  await pick(page, 'Art der Veranstaltung', 'Runder Tisch');
  await field(page, 'Titel').fill(title);
  await field(page, 'Datum').fill(asInput(today));
  await field(page, 'Beginn').fill('10:00');
  await field(page, 'Ende').fill('09:00');
  await field(page, 'Ort').fill('Stadtteilzentrum');
  if (partner.status() === 201) await pick(page, 'Kooperationspartner*innen', `Mieterverein ${run}`);
  await page.getByRole('textbox', { name: 'Geflüchtete' }).fill('6');
  await page.getByRole('textbox', { name: 'Nachbar*innen' }).fill('4');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  // the server refuses an end before the start, on the field
  await expect(page.getByText('Ende muss nach dem Beginn liegen')).toBeVisible();
  await field(page, 'Ende').fill('12:00');
  await page.getByRole('button', { name: 'Anlegen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Teilnehmende nach Gruppen' })).toContainText('10');
  await expectNoA11yViolations(page, 'event detail');

  await page.getByRole('button', { name: 'Protokoll schreiben' }).click();
  await page
    .getByRole('textbox', { name: 'Protokoll' })
    .fill('1. Wohnungsmarkt\n2. Vermieter*innen ansprechen');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Vermieter*innen ansprechen', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Protokoll bearbeiten' })).toBeVisible();

  const due = asInput(today);
  await addAction(page, `Wohnungsgesellschaft anschreiben ${run}`, 'Demo Fachkraft', due);
  await expectNoA11yViolations(page, 'event detail with an action');
  await addAction(page, `Infoabend planen ${run}`, 'Demo Standortleitung', due);

  const actions = page.getByRole('table', { name: 'Vereinbarungen' });
  await expect(actions.getByRole('row')).toHaveCount(3);
  await expect(
    actions.getByRole('row', { name: new RegExp(`Wohnungsgesellschaft anschreiben ${run}`) }),
  ).toContainText('Demo Fachkraft');
  await expect(actions.getByRole('row', { name: new RegExp(`Infoabend planen ${run}`) })).toContainText(
    'Demo Standortleitung',
  );
  await expect(actions).toContainText('offen');

  // after a reload it is all still there
  await page.reload();
  await expect(page.getByText('Vermieter*innen ansprechen', { exact: false })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Vereinbarungen' }).getByRole('row')).toHaveCount(3);

  // a named participant who agreed
  await page.getByRole('button', { name: 'Teilnehmer*in eintragen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Teilnehmer*in eintragen' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(`Lena Schulz ${run}`);
  await dialog.getByRole('combobox', { name: 'Gruppe' }).click();
  await page.getByRole('option', { name: 'Ehrenamtliche' }).click();
  await expectNoA11yViolations(page, 'participant dialog');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('table', { name: 'Namentlich erfasste Teilnehmende' })).toContainText(
    `Lena Schulz ${run}`,
  );

  await page.getByRole('link', { name: 'Bearbeiten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `„${title}“ bearbeiten` })).toBeVisible();
  await expect(field(page, 'Titel')).toHaveValue(title);
  await expectNoA11yViolations(page, 'event edit form');

  // the list finds it by its title
  await page.goto(`/events?q=${run}`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();

  // actions appear on owners' Mein Tag, linked to the event, and are closed there
  await logout(page);
  await login(page, 'fachkraft.ba');
  await page.goto('/my-day');
  const mine = page
    .getByRole('table', { name: 'Meine fälligen Wiedervorlagen' })
    .getByRole('row', { name: new RegExp(`Wohnungsgesellschaft anschreiben ${run}`) });
  await expect(mine.getByRole('link', { name: title })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Meine fälligen Wiedervorlagen' }).getByText(`Infoabend planen ${run}`),
  ).toHaveCount(0);
  await mine.getByRole('button', { name: `Erledigt: Wohnungsgesellschaft anschreiben ${run}` }).click();
  await expect(mine).toHaveCount(0);
  await logout(page);
  await login(page, 'leitung.ba');
  await page.goto('/my-day');
  await expect(
    page
      .getByRole('table', { name: 'Meine fälligen Wiedervorlagen' })
      .getByRole('row', { name: new RegExp(`Infoabend planen ${run}`) }),
  ).toBeVisible();
});

test('a weekly café is a series with its own dates', async ({ page }) => {
  await login(page, 'netzwerk');
  const me = await (await page.request.get('/api/auth/me')).json();
  const today = isoToday();
  const until = new Date(`${today}T12:00:00Z`);
  until.setUTCDate(until.getUTCDate() + 7 * 5);
  const res = await apiPost(page, '/api/events', {
    type: 'begegnungscafe',
    title: `Café International ${run}`,
    siteId: me.user.siteIds[0],
    date: today,
    startTime: '15:00',
    partnerIds: [],
    repeat: { weekly: true, until: until.toISOString().slice(0, 10) },
  });
  expect(res.status(), await res.text()).toBe(201);
  const event = await res.json();
  await page.goto(`/events/${event.id}`);
  await page.getByRole('link', { name: 'Alle 6 Termine der Serie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Termine der Serie' })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Termine der Serie' })
      .getByRole('link', { name: `Café International ${run}` }),
  ).toHaveCount(6);
  await expectNoA11yViolations(page, 'series view');
});
