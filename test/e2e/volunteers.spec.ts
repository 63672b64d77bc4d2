import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations, login, logout } from './helpers';

/** Letters only, so the names look like names; keeps this run's records apart. */
const tag = Date.now()
  .toString(36)
  .slice(-5)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
const todayIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
const district = 'scharnhorst';

async function apiPost(page: Page, path: string, data: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const response = await page.request.post(path, { headers: { 'x-csrf-token': me.csrfToken }, data });
  expect(response.ok(), await response.text()).toBe(true);
  return response.json();
}

test('a coordinator matches and assigns an Arabic-speaking mentor to a household that consented', async ({
  page,
}) => {
  // setup by case work: a household in the district, and its consent to contact by volunteers
  await login(page, 'fachkraft.ba');
  const me = await (await page.request.get('/api/auth/me')).json();
  const household = await apiPost(page, '/api/households', {
    siteId: me.user.siteIds[0],
    category: 'refugee',
    registeredOn: todayIso,
    districtCode: district,
    languages: ['ar'],
    members: [
      {
        firstName: 'Huda',
        lastName: `Nasser${tag}`,
        birthYear: 1988,
        roleInHousehold: 'head',
        languages: ['ar'],
      },
      { firstName: 'Sami', lastName: `Nasser${tag}`, birthYear: 2016, roleInHousehold: 'child' },
    ],
  });
  const consent = await apiPost(page, `/api/households/${household.id}/consents`, {
    givenOn: todayIso,
    volunteerContact: true,
  });
  expect(consent.volunteerContact).toBe(true);
  await logout(page);

  // the administration journey (admin.spec) deactivates the demo coordinator; this journey needs it active
  await login(page, 'admin');
  const accounts = await (await page.request.get('/api/users?q=ehrenamt')).json();
  const coordinator = accounts.items.find((u: { username: string }) => u.username === 'ehrenamt');
  const adminMe = await (await page.request.get('/api/auth/me')).json();
  const reactivated = await page.request.patch(`/api/users/${coordinator.id}`, {
    headers: { 'x-csrf-token': adminMe.csrfToken },
    data: { active: true },
  });
  expect(reactivated.ok(), await reactivated.text()).toBe(true);
  await logout(page);

  // setup by the coordinator: two active volunteers, one speaking Arabic in the household's district
  await login(page, 'ehrenamt');
  const mentor = await apiPost(page, '/api/volunteers', {
    firstName: 'Samira',
    lastName: `Haddad${tag}`,
    languages: ['ar', 'de'],
    districtCodes: [district],
    availability: [{ weekday: 3, from: '16:00', to: '19:00' }],
    status: 'active',
  });
  await apiPost(page, `/api/volunteers/${mentor.id}/checks`, {
    kind: 'certificateOfConduct',
    date: todayIso,
  });
  await apiPost(page, '/api/volunteers', {
    firstName: 'Jonas',
    lastName: `Becker${tag}`,
    languages: ['de'],
    districtCodes: [district],
    status: 'active',
  });

  // the list, filtered by language
  await page.getByRole('link', { name: 'Ehrenamtliche', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ehrenamtliche' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name' }).fill(`Haddad${tag}`);
  await expect(page.getByRole('link', { name: `Haddad${tag}, Samira` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Becker${tag}, Jonas` })).toHaveCount(0);
  await expectNoA11yViolations(page, 'volunteer list');

  // matching: Arabic, the district, Wednesday
  await page.goto(`/volunteers/match?language=ar&districtCode=${district}&weekday=3`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ehrenamtliche vermitteln' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Vorschläge' });
  const samira = table.getByRole('row').filter({ hasText: `Haddad${tag}` });
  await expect(samira).toContainText('Sprache');
  await expect(samira).toContainText('Stadtbezirk');
  const rows = await table.getByRole('row').allInnerTexts();
  const rankOf = (name: string) => rows.findIndex((r) => r.includes(name));
  expect(rankOf(`Haddad${tag}`)).toBeGreaterThan(0);
  // demo volunteers may push the German speaker off the list (top 50); if shown, he ranks lower
  if (rankOf(`Becker${tag}`) !== -1) expect(rankOf(`Haddad${tag}`)).toBeLessThan(rankOf(`Becker${tag}`));
  await expectNoA11yViolations(page, 'matching page');

  // assign: the household by its case number; only the released fields are shown
  await samira.getByRole('button', { name: `Samira Haddad${tag} zuweisen` }).click();
  const dialog = page.getByRole('dialog', { name: 'Einsatz anlegen' });
  await dialog.getByRole('textbox', { name: 'Fallnummer des Haushalts' }).fill(household.caseNumber);
  await dialog.getByRole('button', { name: 'Haushalt prüfen' }).click();
  const released = dialog.getByLabel('Freigegebene Angaben des Haushalts');
  await expect(released).toContainText(`Huda Nasser${tag}`);
  await expect(released).toContainText('Arabisch');
  await expect(released).not.toContainText('Sami ');
  await expectNoA11yViolations(page, 'assignment dialog');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();

  // the volunteer's page shows the mentorship; log hours, then the certificate
  await samira.getByRole('link', { name: `Samira Haddad${tag}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Samira Haddad${tag}` })).toBeVisible();
  const assignments = page.getByRole('table', { name: 'Einsätze' });
  await expect(assignments).toContainText(household.caseNumber);
  await expect(assignments).toContainText(`Huda Nasser${tag}`);
  await expect(assignments).toContainText('aktiv');
  await expect(page.getByText(/^gültig bis \d/)).toBeVisible();
  const hoursForm = page.getByRole('form', { name: 'Stunden erfassen' });
  await hoursForm.getByRole('textbox', { name: 'Stunden' }).fill('2,5');
  await hoursForm.getByRole('combobox', { name: 'Einsatz', exact: true }).click();
  await page.getByRole('option', { name: new RegExp(`Patenschaft.*${household.caseNumber}`) }).click();
  await hoursForm.getByRole('button', { name: 'Stunden erfassen' }).click();
  await expect(page.getByText('Summe: 2,5 Stunden')).toBeVisible();
  await expectNoA11yViolations(page, 'volunteer page');

  await page.getByRole('link', { name: /Ehrenamtsnachweis/ }).click();
  const certificate = page.getByRole('article', { name: 'Ehrenamtsnachweis' });
  await expect(certificate).toContainText(`Samira Haddad${tag}`);
  await expect(certificate).toContainText('Patenschaft');
  await expect(certificate.getByRole('row', { name: /Gesamt/ })).toContainText('2,5');
  await expectNoA11yViolations(page, 'certificate page');
});
