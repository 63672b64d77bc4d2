import { type APIRequestContext, expect, type Page, request, test } from '@playwright/test';
import { chooseOption, demoPassword, expectNoA11yViolations, field, login } from './helpers';

/** Letters only, so this run's names stay apart from earlier runs and the demo data. */
const tag = Date.now()
  .toString(36)
  .slice(-5)
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

/** An API session of a demo account (setup, not under test). */
async function apiSession(baseURL: string, username: string) {
  const ctx = await request.newContext({ baseURL });
  const res = await ctx.post('/api/auth/login', { data: { username, password: demoPassword } });
  expect(res.ok(), await res.text()).toBe(true);
  const { csrfToken, user } = await res.json();
  const post = async (path: string, data: unknown) => {
    const r = await ctx.post(path, { headers: { 'x-csrf-token': csrfToken }, data });
    expect(r.ok(), await r.text()).toBe(true);
    return r.json();
  };
  return { ctx, user: user as { siteIds: string[] }, post };
}

async function labels(ctx: APIRequestContext, list: string): Promise<Map<string, string>> {
  const values = (await (await ctx.get(`/api/reference/${list}`)).json()) as {
    code: string;
    label: string;
  }[];
  return new Map(values.map((v) => [v.code, v.label]));
}

/**
 * A district of the first site and a life area without an active offer, and a household there with a
 * high need in it (registered by the caseworker): the survey must show it as a gap.
 */
async function seedNeedWithoutOffer(baseURL: string) {
  const fk = await apiSession(baseURL, 'fachkraft.ba');
  const sites = (await (await fk.ctx.get('/api/sites')).json()) as { id: string; districtCodes: string[] }[];
  const site = sites.find((s) => s.id === fk.user.siteIds[0])!;
  const lifeAreas = await labels(fk.ctx, 'life-areas');
  const districts = await labels(fk.ctx, 'districts');
  for (const districtCode of site.districtCodes) {
    for (const lifeArea of lifeAreas.keys()) {
      const offers = await (
        await fk.ctx.get(`/api/offers?status=active&districtCode=${districtCode}&lifeArea=${lifeArea}`)
      ).json();
      if (offers.total > 0) continue;
      const household = await fk.post('/api/households', {
        siteId: site.id,
        category: 'refugee',
        registeredOn: '2024-02-01',
        districtCode,
        members: [{ firstName: 'Amina', lastName: `Bedarf${tag}`, birthYear: 1988, roleInHousehold: 'head' }],
      });
      await fk.post(`/api/households/${household.id}/needs`, {
        assessedOn: '2024-03-01',
        lifeArea,
        level: 3,
      });
      await fk.ctx.dispose();
      return { district: districts.get(districtCode)!, lifeArea: lifeAreas.get(lifeArea)! };
    }
  }
  throw new Error('every district × life area of the site has an offer');
}

/** A MultiSelect: type into it, take the option, close the list. */
async function pickMany(page: Page, label: string, option: string) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.focus();
  await box.fill(option);
  await page.getByRole('option', { name: option, exact: true }).filter({ visible: true }).click();
  await page.keyboard.press('Escape');
}

async function navTo(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test.describe('network work', () => {
  test('a network worker records a partner and an offer, finds it, and sees a gap in the survey', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const gap = await seedNeedWithoutOffer(baseURL!);
    await login(page, 'netzwerk');

    // partner
    await navTo(page, 'Kooperationspartner*innen');
    await expectNoA11yViolations(page, 'partners list');
    await page.getByRole('link', { name: 'Kooperationspartner*in anlegen' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Neue*r Kooperationspartner*in' }),
    ).toBeVisible();
    await field(page, 'Name').fill(`Caritasverband ${tag}`);
    await chooseOption(page, 'Art', 'Wohlfahrtsverband');
    await page.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
    await page
      .getByRole('group', { name: 'Ansprechpersonen' })
      .getByRole('textbox', { name: 'Name' })
      .fill('Anna Beispiel');
    await expectNoA11yViolations(page, 'partner form');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Caritasverband ${tag}` })).toBeVisible();
    await expect(page.getByText('Anna Beispiel')).toBeVisible();

    // a contact in its history
    await page.getByRole('combobox', { name: 'Art', exact: true }).click();
    await page.getByRole('option', { name: 'Vereinbarung' }).click();
    await field(page, 'Notiz').fill('Kooperation vereinbart');
    await page.getByRole('button', { name: 'Kontakt speichern' }).click();
    await expect(page.getByRole('table', { name: 'Kontakte mit der Kooperationspartner*in' })).toContainText(
      'Kooperation vereinbart',
    );
    await expectNoA11yViolations(page, 'partner page');

    // an offer of the partner
    await page.getByRole('link', { name: 'Angebot anlegen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Neues Angebot' })).toBeVisible();
    await field(page, 'Titel').fill(`Sprachcafé ${tag}`);
    await pickMany(page, 'Lebensbereiche', 'Familie und Freizeit');
    await pickMany(page, 'Zielgruppen', 'Frauen');
    await chooseOption(page, 'Stadtbezirk', 'Brackel');
    // neither hours nor "by appointment": the form says what is missing
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByText('Öffnungszeiten angeben oder „Nur nach Vereinbarung“ wählen')).toBeVisible();
    await field(page, 'Öffnungszeiten').fill('Di 10–12 Uhr');
    await expectNoA11yViolations(page, 'offer form');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Sprachcafé ${tag}` })).toBeVisible();
    await expect(page.getByRole('row', { name: /Vermittlungen zu diesem Angebot/ })).toContainText('0');
    await expectNoA11yViolations(page, 'offer page');

    // the directory finds it under another spelling
    await navTo(page, 'Angebote');
    await page.getByRole('searchbox', { name: 'Suche' }).fill(`Sprachkafe ${tag}`);
    const directory = page.getByRole('table', { name: 'Angebotsverzeichnis' });
    await expect(directory.getByRole('link', { name: `Sprachcafé ${tag}` })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Suche' }).fill(`Karitas ${tag}`);
    await expect(directory.getByRole('link', { name: `Sprachcafé ${tag}` })).toBeVisible();
    await expectNoA11yViolations(page, 'offers directory');

    // the survey: the seeded need without an offer is a gap
    await navTo(page, 'Bestandserhebung');
    const table = page.getByRole('table', { name: 'Bedarfe und Angebote je Stadtbezirk und Lebensbereich' });
    const row = table.getByRole('row').filter({ hasText: gap.district }).filter({ hasText: gap.lifeArea });
    await expect(row.first()).toContainText('Lücke');
    await expect(page.getByRole('img', { name: /Karte der Stadtbezirke/ })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Nur Lücken zeigen' }).check();
    await expect(
      table.getByRole('row').filter({ hasText: 'Familie und Freizeit' }).filter({ hasText: 'Brackel' }),
    ).toHaveCount(0);
    await expectNoA11yViolations(page, 'network survey');
  });
});
