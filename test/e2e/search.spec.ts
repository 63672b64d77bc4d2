import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectNoA11yViolations, field } from './helpers';

/** Letters only (names must look like names), and apart from earlier runs and the demo data. */
const tag = Date.now()
  .toString(36)
  .slice(-5)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
const Tag = tag[0].toUpperCase() + tag.slice(1);

/** Signs in (the start page differs by role and changes with the releases: wait for leaving /login). */
async function login(page: Page, username: string) {
  await page.goto('/login');
  await field(page, 'Benutzername').fill(username);
  await field(page, 'Passwort').fill(demoPassword);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Registers a household through the API with the signed-in user's session (setup, not under test). */
async function createHousehold(page: Page, firstName: string, lastName: string) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const response = await page.request.post('/api/households', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: {
      siteId: me.user.siteIds[0],
      category: 'refugee',
      registeredOn: '2024-03-05',
      members: [{ firstName, lastName, birthYear: 1980, roleInHousehold: 'head' }],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; caseNumber: string };
}

test.describe('finding households whatever the spelling', () => {
  test('"Muller" finds Müller, "Mohamad" finds Mohammed, a case number finds its household', async ({
    page,
  }) => {
    await login(page, 'fachkraft.ba');
    const mueller = await createHousehold(page, `Anna${tag}`, 'Müller');
    const mohammed = await createHousehold(page, 'Mohammed', `Rahimi${tag}`);
    await createHousehold(page, 'Mona', `Rahimi${tag}`);

    await page.goto('/households');
    const search = page.getByRole('searchbox', { name: 'Suche' });
    const table = page.getByRole('table', { name: 'Haushalte' });

    await search.fill('Muller');
    await expect(page).toHaveURL(/q=Muller/);
    await expect(table.getByRole('row', { name: new RegExp(`Müller, Anna${tag}`) })).toBeVisible();

    // a transliteration of the first name with the last name: only that household
    await search.fill(`Mohamad Rahimi${tag}`);
    await expect(table.getByRole('row', { name: new RegExp(`Rahimi${tag}, Mohammed`) })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(`Rahimi${tag}, Mona`) })).toHaveCount(0);

    // the last name alone, in lower case, brings both Rahimis; the link opens the household
    await search.fill(`rahimi${tag}`);
    await expect(table.getByRole('row', { name: new RegExp(`Rahimi${tag}, Mona`) })).toBeVisible();
    await table.getByRole('link', { name: mohammed.caseNumber }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Haushalt ${mohammed.caseNumber}` }),
    ).toBeVisible();

    await page.goto('/households');
    await page.getByRole('searchbox', { name: 'Suche' }).fill(mueller.caseNumber.toLowerCase());
    await expect(table.getByRole('row')).toHaveCount(2); // header and the one household
    await expect(table.getByRole('link', { name: mueller.caseNumber })).toBeVisible();
    await expectNoA11yViolations(page, 'household list with a search');
  });

  test('names sort in German order: Öztürk with O, Şimşek with S', async ({ page }) => {
    await login(page, 'fachkraft.ba');
    for (const last of ['Ober', 'Öztürk', 'Pape', 'Schulz', 'Şimşek', 'Sommer']) {
      await createHousehold(page, `Ida${tag}`, last);
    }
    await page.goto(`/households?q=Ida${Tag}&sort=headName&order=asc`);
    const table = page.getByRole('table', { name: 'Haushalte' });
    await expect(table.getByRole('row')).toHaveCount(7);
    const names = await table.getByRole('row').allInnerTexts();
    const order = ['Ober', 'Öztürk', 'Pape', 'Schulz', 'Şimşek', 'Sommer'];
    const at = (n: string) => names.findIndex((row) => row.includes(`${n}, Ida${tag}`));
    for (let i = 1; i < order.length; i++) expect(at(order[i - 1])).toBeLessThan(at(order[i]));
  });
});
