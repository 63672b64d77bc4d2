import { expect, type Page, test } from '@playwright/test';
import { demoPassword, expectNoA11yViolations, field, login, logout, openStartPage } from './helpers';

/**
 * Break-the-glass and subject access in the browser: a caseworker of another site opens a Bahnhof
 * household with a reason and reads it under a banner; the Bahnhof site lead sees the grant on the start
 * page, exports the household's contact person and reads the access report; the DPO sees the grant and
 * exports by case number. axe on every page.
 */
const password = 'Sicheres-Passwort-2026';
const reason = 'Standort Bahnhof heute geschlossen, Familie braucht sofort Hilfe bei der Wohnung';

async function signIn(page: Page, username: string, pw: string) {
  await page.goto('/login');
  await field(page, 'Benutzername').fill(username);
  await field(page, 'Passwort').fill(pw);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(Startseite|Mein Tag)$/ })).toBeVisible({
    timeout: 30_000,
  });
}

test.describe('break-the-glass and subject access', () => {
  test.describe.configure({ timeout: 180_000 });

  test('emergency access, its report to the site lead and the DPO, export and access report', async ({
    page,
    request,
  }) => {
    const username = `notfall.mh.${Date.now().toString(36)}`;
    const admin = await request.post('/api/auth/login', {
      data: { username: 'admin', password: demoPassword },
    });
    const sites: { id: string; code: string }[] = await (await request.get('/api/sites')).json();
    const created = await request.post('/api/users', {
      headers: { 'x-csrf-token': (await admin.json()).csrfToken },
      data: {
        username,
        displayName: 'E2E Notfall Mengede',
        password,
        role: 'caseworker',
        siteIds: [sites.find((s) => s.code === 'MH')!.id],
      },
    });
    expect(created.status()).toBe(201);
    await request.post('/api/auth/login', { data: { username: 'leitung.ba', password: demoPassword } });
    const list = await (await request.get('/api/households?pageSize=1')).json();
    const { id, caseNumber } = list.items[0] as { id: string; caseNumber: string };

    // the caseworker of Mengede opens a Bahnhof household: not found, with the emergency form
    await signIn(page, username, password);
    await page.goto(`/households/${id}`);
    const form = page.getByRole('region', { name: 'Notfallzugriff' });
    await expect(form).toBeVisible();
    await expectNoA11yViolations(page, 'household of another site (emergency form)');
    await form.getByRole('button', { name: 'Notfallzugriff öffnen' }).click();
    await expect(form.getByText('Bitte 10 bis 500 Zeichen eingeben.')).toBeVisible();
    await expect(form.getByText('Bitte bestätigen Sie den Notfall.')).toBeVisible();
    await form.getByRole('textbox', { name: 'Begründung' }).fill(reason);
    await form.getByRole('checkbox', { name: /Ich bestätige/ }).check();
    await form.getByRole('button', { name: 'Notfallzugriff öffnen' }).click();
    await expect(page.getByText(/^Notfallzugriff bis \d\d:\d\d Uhr, nur lesen$/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(caseNumber) })).toBeVisible();
    await expectNoA11yViolations(page, 'household under emergency access');
    await logout(page);

    // the site lead of Bahnhof: the grant on the start page, the export menu and the access report
    await login(page, 'leitung.ba');
    await openStartPage(page);
    const grants = page.getByRole('region', { name: 'Notfallzugriffe' });
    await expect(
      grants.getByRole('row', { name: new RegExp(`E2E Notfall Mengede.*${caseNumber}`) }),
    ).toBeVisible();
    await expect(grants).toContainText(reason);
    await expectNoA11yViolations(page, 'start page of the site lead with emergency grants');
    await page.goto(`/households/${id}`);
    await page.getByRole('button', { name: 'Auskunft (Art. 15 DSGVO)' }).click();
    const pdf = page.getByRole('menuitem', { name: 'Auskunft als PDF' }).first();
    await expect(pdf).toBeVisible();
    await expectNoA11yViolations(page, 'household page with the export menu');
    const file = await page.request.get((await pdf.getAttribute('href')) ?? '');
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Zugriffe anzeigen' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Zugriffe auf den Haushalt ${caseNumber}` }),
    ).toBeVisible();
    await expect(
      page.getByRole('row', { name: /E2E Notfall Mengede.*Notfallzugriff geöffnet/ }),
    ).toBeVisible();
    await expectNoA11yViolations(page, 'access report');
    await logout(page);

    // the DPO: the grant on the start page, and the export by case number
    await login(page, 'dsb');
    await expect(page.getByRole('region', { name: 'Notfallzugriffe' })).toContainText(caseNumber);
    const lookup = page.getByRole('region', { name: 'Auskunft nach Art. 15 DSGVO' });
    await lookup.getByRole('textbox', { name: 'Aktenzeichen' }).fill(caseNumber);
    await lookup.getByRole('button', { name: 'Personen anzeigen' }).click();
    await expect(lookup.getByRole('link', { name: 'Auskunft als PDF' }).first()).toBeVisible();
    await expectNoA11yViolations(page, 'start page of the DPO with the export lookup');
    const json = await page.request.get(
      (await lookup
        .getByRole('link', { name: /Auskunft als JSON/ })
        .first()
        .getAttribute('href')) ?? '',
    );
    expect(json.status()).toBe(200);
    expect((await json.json()).household.caseNumber).toBe(caseNumber);
  });
});
