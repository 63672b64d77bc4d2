import { expect, type Page, test } from '@playwright/test';
import { timeStep, totpCode } from '../../src/server/platform/auth/totp';
import { demoPassword, expectNoA11yViolations, field, logout } from './helpers';

/** The first page after sign-in: the start page, or Mein Tag for case staff. */
const firstPage = (page: Page) => page.getByRole('heading', { level: 1, name: /^(Startseite|Mein Tag)$/ });

// several axe runs and two sign-ins: more than the default 45 s on a loaded machine
test.setTimeout(180_000);

async function signIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await field(page, 'Benutzername').fill(username);
  await field(page, 'Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(firstPage(page)).toBeVisible({ timeout: 30_000 });
}

test('a caseworker sets up two-factor sign-in on Mein Konto and signs in with a code', async ({
  page,
  request,
}) => {
  const username = `mfa.e2e.${Date.now().toString(36)}`;
  const password = 'Sicheres-Passwort-2026';
  // a fresh account (the demo accounts stay without MFA for the other journeys)
  const admin = await request.post('/api/auth/login', {
    data: { username: 'admin', password: demoPassword },
  });
  const csrf = (await admin.json()).csrfToken;
  const sites = await (await request.get('/api/sites')).json();
  const created = await request.post('/api/users', {
    headers: { 'x-csrf-token': csrf },
    data: {
      username,
      displayName: 'E2E Zwei Faktoren',
      password,
      role: 'caseworker',
      siteIds: [sites.find((s: { code: string }) => s.code === 'BA').id],
    },
  });
  expect(created.status()).toBe(201);

  await signIn(page, username, password);
  await page.getByRole('navigation').getByRole('link', { name: 'Konto und Sicherheit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Konto' })).toBeVisible();
  await expect(page.getByTestId('session-list')).toContainText('Dieses Gerät');
  await expectNoA11yViolations(page, 'Mein Konto');

  await page.getByRole('button', { name: 'Zwei-Faktor-Anmeldung einrichten' }).click();
  await expect(
    page.getByRole('img', { name: 'QR-Code zur Einrichtung der Authenticator-App' }),
  ).toBeVisible();
  const secret = (await page.getByTestId('mfa-secret').getAttribute('data-secret')) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // the key as shown (in groups of four) is the same secret
  expect(((await page.getByTestId('mfa-secret').textContent()) ?? '').replaceAll(' ', '')).toBe(secret);
  await expectNoA11yViolations(page, 'MFA set-up');

  await field(page, 'Code aus der App').fill('000000');
  await page.getByRole('button', { name: 'Bestätigen und einschalten' }).click();
  await expect(field(page, 'Code aus der App')).toHaveAttribute('aria-invalid', 'true');
  await field(page, 'Code aus der App').fill(totpCode(secret, timeStep()));
  await page.getByRole('button', { name: 'Bestätigen und einschalten' }).click();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await expectNoA11yViolations(page, 'recovery codes');
  await page.getByRole('button', { name: 'Ich habe die Codes gesichert' }).click();
  await expect(page.getByText('Eingeschaltet: Bei der Anmeldung fragt Quartier')).toBeVisible();

  await logout(page);

  // the login asks for the code once the password is right
  await page.goto('/login');
  await field(page, 'Benutzername').fill(username);
  await field(page, 'Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  const codeField = field(page, 'Code aus der Authenticator-App');
  await expect(codeField).toBeVisible();
  await expect(codeField).toBeFocused();
  await expectNoA11yViolations(page, 'login with code');
  await codeField.fill('111111');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  // the code of set-up counts once: the next time step's code
  await codeField.fill(totpCode(secret, timeStep() + 1));
  await page.getByRole('checkbox', { name: 'Auf diesem Gerät angemeldet bleiben' }).check();
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(firstPage(page)).toBeVisible({ timeout: 30_000 });

  // log out everywhere ends this session too
  await page.goto('/account');
  await expect(page.getByTestId('session-list')).toContainText('bleibt angemeldet');
  await page.getByRole('button', { name: 'Überall abmelden' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Überall abmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldung' })).toBeVisible();
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
});

test('a password the administration reset is changed first', async ({ page, request }) => {
  const username = `reset.e2e.${Date.now().toString(36)}`;
  const admin = await request.post('/api/auth/login', {
    data: { username: 'admin', password: demoPassword },
  });
  const headers = { 'x-csrf-token': (await admin.json()).csrfToken };
  const sites = await (await request.get('/api/sites')).json();
  const created = await request.post('/api/users', {
    headers,
    data: {
      username,
      displayName: 'E2E Zurückgesetzt',
      password: 'Erstes-Kennwort-2026',
      role: 'caseworker',
      siteIds: [sites.find((s: { code: string }) => s.code === 'BA').id],
    },
  });
  const reset = await request.patch(`/api/users/${(await created.json()).id}`, {
    headers,
    data: { password: 'Vorlaeufig-Neu-2026' },
  });
  expect(reset.status()).toBe(200);

  await page.goto('/login');
  await field(page, 'Benutzername').fill(username);
  await field(page, 'Passwort').fill('Vorlaeufig-Neu-2026');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neues Passwort wählen' })).toBeVisible();
  await expectNoA11yViolations(page, 'forced password change');
  await field(page, 'Aktuelles Passwort').fill('Vorlaeufig-Neu-2026');
  await field(page, 'Neues Passwort').fill('Passwort2026!!');
  await field(page, 'Neues Passwort wiederholen').fill('Passwort2026!!');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(field(page, 'Neues Passwort')).toHaveAccessibleDescription(/häufigsten Passwörtern/);
  await field(page, 'Neues Passwort').fill('Mein-Eigenes-Kennwort-7');
  await field(page, 'Neues Passwort wiederholen').fill('Mein-Eigenes-Kennwort-7');
  await page.getByRole('button', { name: 'Passwort ändern' }).click();
  await expect(firstPage(page)).toBeVisible({ timeout: 30_000 });
});
