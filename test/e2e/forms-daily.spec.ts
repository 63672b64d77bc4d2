import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectNoA11yViolations, field } from './helpers';

/** Signs in and waits for the start page, whichever the role lands on (Mein Tag or Startseite). */
async function login(page: Page, username: string) {
  await page.goto('/login');
  await field(page, 'Benutzername').fill(username);
  await field(page, 'Passwort').fill(demoPassword);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Mein Tag|Startseite/ })).toBeVisible();
}

/** Letters only, so names look like names to the duplicate check. */
const tag = Date.now()
  .toString(36)
  .slice(-5)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

function berlinDay(offset = 0): string {
  const d = new Date(
    `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date())}T12:00:00Z`,
  );
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}
const asInput = (iso: string) => iso.split('-').reverse().join('.');

async function api(page: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const response = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': me.csrfToken },
    data,
  });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

const members = (lastName: string) => [
  { firstName: 'Amina', lastName, birthYear: 1990, gender: 'female', roleInHousehold: 'head' },
  { firstName: 'Karim', lastName, birthYear: 2015, gender: 'male', roleInHousehold: 'child' },
];

async function createHousehold(page: Page, lastName: string) {
  const me = await (await page.request.get('/api/auth/me')).json();
  return (await api(page, 'POST', '/api/households', {
    siteId: me.user.siteIds[0],
    category: 'refugee',
    registeredOn: berlinDay(),
    members: members(lastName),
  })) as { id: string; caseNumber: string };
}

test.describe('forms that never lose or skew data', () => {
  // each test registers households and saves through the real server; a loaded machine needs time
  test.describe.configure({ timeout: 120_000 });

  test('"Dari" + Enter in a languages field takes Dari and does not submit the form', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    await page.goto('/households/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Haushalt erfassen' })).toBeVisible({
      timeout: 30_000,
    });
    const languages = page.getByRole('combobox', { name: 'Sprachen des Haushalts', exact: true });
    await languages.click();
    await page.keyboard.type('Dari', { delay: 0 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('Pers', { delay: 0 });
    await page.keyboard.press('Enter');
    // nothing was submitted: no field errors, still the registration form
    await expect(page.getByRole('heading', { level: 1, name: 'Haushalt erfassen' })).toBeVisible();
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
    const pills = page.locator('.mantine-Pill-root');
    await expect(pills.filter({ hasText: /^Dari$/ })).toHaveCount(1);
    await expect(pills.filter({ hasText: /^Persisch$/ })).toHaveCount(1);
    // the person's languages the same way
    const person = page.getByRole('group', { name: 'Person 1', exact: true });
    await person.getByRole('combobox', { name: 'Sprachen', exact: true }).click();
    await page.keyboard.type('Dari', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect(pills.filter({ hasText: /^Dari$/ })).toHaveCount(2);
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  });

  test('burst typing "Arbei" + Enter saves Arbeit/Beruf, not the first life area', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    const household = await createHousehold(page, `Burst${tag}`);
    await page.goto(`/households/${household.id}/contacts/new`);
    const kb = page.keyboard;
    await page.getByRole('combobox', { name: 'Kontaktart', exact: true }).click();
    await kb.type('Sprech', { delay: 0 });
    await kb.press('Enter');
    await page.getByRole('combobox', { name: 'Lebensbereich', exact: true }).click();
    await kb.type('Arbei', { delay: 0 });
    await kb.press('Enter');
    await page.getByRole('combobox', { name: 'Unterstützungsbedarf', exact: true }).click();
    await kb.type('Berat', { delay: 0 });
    await kb.press('Enter');
    await expect(page.getByRole('combobox', { name: 'Lebensbereich', exact: true })).toHaveValue(
      'Arbeit/Beruf',
    );
    await page.getByRole('button', { name: /Kontakt speichern/ }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Haushalt ${household.caseNumber}` }),
    ).toBeVisible();

    const saved = await api(page, 'GET', `/api/households/${household.id}/contacts`);
    const contact = (saved.items ?? saved)[0];
    expect(contact.contactType).toBe('sprechstunde');
    expect(contact.reasons).toEqual([{ lifeArea: 'arbeit-beruf', supportKind: 'beratung' }]);
  });

  test('a contact dated in the future is refused at the date field', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    const household = await createHousehold(page, `Zukunft${tag}`);
    await page.goto(`/households/${household.id}/contacts/new`);
    await field(page, 'Datum').fill(asInput(berlinDay(1)));
    await page.getByRole('button', { name: /Kontakt speichern/ }).click();
    const date = field(page, 'Datum');
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(date).toHaveAccessibleDescription(/liegt in der Zukunft/);
    await expectNoA11yViolations(page, 'contact form with a refused date');
    const saved = await api(page, 'GET', `/api/households/${household.id}/contacts`);
    expect(saved.items ?? saved).toHaveLength(0);
  });

  test('leaving a contact form with unsaved changes asks first (in the app and when closing the tab)', async ({
    page,
  }) => {
    await login(page, 'fachkraft.ba');
    const household = await createHousehold(page, `Verlassen${tag}`);
    await page.goto(`/households/${household.id}/contacts/new`);
    await expect(page.getByRole('heading', { level: 1, name: /Kontakt erfassen/ })).toBeVisible();
    // untouched: leaving does not ask
    await page.getByRole('navigation').getByRole('link', { name: 'Haushalte' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Haushalte' })).toBeVisible();

    await page.goto(`/households/${household.id}/contacts/new`);
    const note = page.getByRole('textbox', { name: 'Notiz', exact: true });
    await note.fill('Wohnungssuche besprochen');
    await expect(note).toHaveAccessibleDescription(/24 von 2000 Zeichen/);
    await page.getByRole('navigation').getByRole('link', { name: 'Haushalte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ungespeicherte Änderungen verwerfen?' });
    await expect(dialog).toBeVisible();
    await expectNoA11yViolations(page, 'the leave question');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(note).toHaveValue('Wohnungssuche besprochen');
    await expect(page.getByRole('heading', { level: 1, name: /Kontakt erfassen/ })).toBeVisible();

    // closing the tab: the browser's own question
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const question = await asked;
    expect(question.type()).toBe('beforeunload');
    await question.accept();
  });

  test('the leave question lets one discard and go', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    const household = await createHousehold(page, `Gehen${tag}`);
    await page.goto(`/households/${household.id}/contacts/new`);
    await page.getByRole('textbox', { name: 'Notiz', exact: true }).fill('x');
    await page.getByRole('navigation').getByRole('link', { name: 'Haushalte' }).click();
    await page.getByRole('button', { name: 'Verwerfen und verlassen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Haushalte' })).toBeVisible();
  });

  test('registering people who all belong to one household offers to open it', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    const existing = await createHousehold(page, `Doppelt${tag}`);
    await page.goto('/households/new');
    for (const [n, m] of members(`Doppelt${tag}`).entries()) {
      if (n > 0) await page.getByRole('button', { name: 'Weitere Person hinzufügen' }).click();
      const person = page.getByRole('group', { name: `Person ${n + 1}`, exact: true });
      await person.getByRole('textbox', { name: 'Vorname', exact: true }).fill(m.firstName);
      await person.getByRole('textbox', { name: 'Nachname', exact: true }).fill(m.lastName);
      await person
        .getByRole('textbox', { name: 'Geburtsdatum oder -jahr', exact: true })
        .fill(String(m.birthYear));
      if (n > 0) {
        await person.getByRole('combobox', { name: 'Rolle im Haushalt', exact: true }).click();
        await page.keyboard.type('Kind');
        await page.keyboard.press('Enter');
      }
    }
    await page.getByRole('button', { name: 'Haushalt anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Diesen Haushalt gibt es vermutlich schon' });
    await expect(dialog).toContainText(existing.caseNumber);
    await expectNoA11yViolations(page, 'the existing-household question');
    await dialog.getByRole('button', { name: 'Bestehenden Haushalt öffnen' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Haushalt ${existing.caseNumber}` }),
    ).toBeVisible();
  });

  test('a follow-up in the past asks before it is saved', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    const household = await createHousehold(page, `Frist${tag}`);
    await page.goto(`/households/${household.id}?tab=followups`);
    await field(page, 'Fällig am').fill(asInput(berlinDay(-3)));
    await field(page, 'Worum geht es?').fill(`Nachtrag ${tag}`);
    await page.getByRole('button', { name: 'Wiedervorlage anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Datum liegt in der Vergangenheit' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Trotzdem speichern' }).click();
    await expect(page.getByRole('row', { name: new RegExp(`Nachtrag ${tag}`) })).toBeVisible();
  });
});
