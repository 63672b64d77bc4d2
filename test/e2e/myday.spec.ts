import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations, field, login, logout } from './helpers';

/** A suffix that keeps this run's records apart from earlier runs and the demo data. */
const run = Date.now().toString(36).slice(-5);
const isoToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

async function apiPost(page: Page, path: string, data: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const res = await page.request.post(path, { headers: { 'x-csrf-token': me.csrfToken }, data });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

async function me(page: Page) {
  return (await (await page.request.get('/api/auth/me')).json()).user as { id: string; siteIds: string[] };
}

test('a caseworker lands on Mein Tag: appointments in time order, Erledigt with Rückgängig', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await login(page, 'fachkraft.ba');
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Tag' })).toBeVisible();
  const user = await me(page);
  const h = await apiPost(page, '/api/households', {
    siteId: user.siteIds[0],
    category: 'refugee',
    registeredOn: '2024-05-02',
    members: [{ firstName: 'Rania', lastName: `Tagplan${run}`, birthYear: 1988, roleInHousehold: 'head' }],
  });
  const base = `/api/households/${h.id}`;
  // late times so that they follow the demo's appointments of the day
  await apiPost(page, `${base}/appointments`, { date: isoToday(), startTime: '23:40', note: `spät ${run}` });
  await apiPost(page, `${base}/appointments`, {
    date: isoToday(),
    startTime: '23:10',
    note: `früher ${run}`,
  });
  await apiPost(page, `${base}/followups`, { dueOn: isoToday(), text: `Mietvertrag prüfen ${run}` });

  await page.reload();
  const appointments = page.getByRole('table', { name: 'Heutige Termine' });
  await expect(appointments.getByRole('row').filter({ hasText: run })).toHaveCount(2);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const notes = await appointments.getByRole('row').filter({ hasText: run }).allInnerTexts();
  expect(notes.map((n) => (n.includes('früher') ? 'früher' : 'spät'))).toEqual(['früher', 'spät']);
  // mine come first: every row before my last one is mine
  const rows = await appointments.locator('tbody tr').allInnerTexts();
  const lastMine = rows.findLastIndex((r) => r.includes('Demo Fachkraft'));
  expect(rows.slice(0, lastMine + 1).every((r) => r.includes('Demo Fachkraft'))).toBe(true);

  const due = page.getByRole('table', { name: 'Meine fälligen Wiedervorlagen' });
  const row = due.getByRole('row', { name: new RegExp(`Mietvertrag prüfen ${run}`) });
  await row.getByRole('button', { name: `Erledigt: Mietvertrag prüfen ${run}` }).click();
  await expect(row).toHaveCount(0);
  await page.getByRole('button', { name: `Rückgängig: Mietvertrag prüfen ${run}` }).click();
  await expect(page.getByText(`Wieder offen: Mietvertrag prüfen ${run}`)).toBeVisible();
  await expect(due.getByRole('row', { name: new RegExp(`Mietvertrag prüfen ${run}`) })).toBeVisible();
  await expectNoA11yViolations(page, 'Mein Tag (caseworker)');
});

test("a round table's two actions land on their owners' Mein Tag and are closed there", async ({ page }) => {
  test.setTimeout(300_000);
  await login(page, 'fachkraft.ba');
  const fk = await me(page);
  await logout(page);
  await login(page, 'ehrenamt');
  const coord = await me(page);
  await logout(page);

  await login(page, 'netzwerk');
  const net = await me(page);
  const event = await apiPost(page, '/api/events', {
    type: 'runder-tisch',
    title: `Runder Tisch Nachbarschaft ${run}`,
    siteId: net.siteIds[0],
    date: isoToday(),
    startTime: '10:00',
    partnerIds: [],
  });
  await apiPost(page, `/api/events/${event.id}/actions`, {
    text: `Einladung verschicken ${run}`,
    ownerUserId: fk.id,
    dueOn: isoToday(),
  });
  await apiPost(page, `/api/events/${event.id}/actions`, {
    text: `Ehrenamtliche anfragen ${run}`,
    ownerUserId: coord.id,
    dueOn: isoToday(),
  });
  await logout(page);

  for (const [username, text] of [
    ['fachkraft.ba', `Einladung verschicken ${run}`],
    ['ehrenamt', `Ehrenamtliche anfragen ${run}`],
  ] as const) {
    await login(page, username);
    await page.goto('/my-day');
    const due = page.getByRole('table', { name: 'Meine fälligen Wiedervorlagen' });
    const row = due.getByRole('row', { name: new RegExp(text) });
    await expect(row).toContainText('Vereinbarung');
    await expect(row.getByRole('link', { name: `Runder Tisch Nachbarschaft ${run}` })).toBeVisible();
    await expect(due).not.toContainText(
      text.startsWith('Einladung') ? 'Ehrenamtliche anfragen' : 'Einladung',
    );
    await row.getByRole('button', { name: `Erledigt: ${text}` }).click();
    await expect(row).toHaveCount(0);
    await expectNoA11yViolations(page, `Mein Tag (${username})`);
    await logout(page);
  }
  await login(page, 'netzwerk');
  await page.goto(`/events/${event.id}`);
  await expect(page.getByRole('table', { name: 'Vereinbarungen' })).toContainText('erledigt');
});

const landings: { username: string; heading: string; work: RegExp }[] = [
  { username: 'fachkraft.ba', heading: 'Mein Tag', work: /Meine fälligen Wiedervorlagen/ },
  { username: 'leitung.ba', heading: 'Mein Tag', work: /Meine fälligen Wiedervorlagen/ },
  { username: 'netzwerk', heading: 'Startseite', work: /Meine offenen Aufgaben/ },
  { username: 'ehrenamt', heading: 'Startseite', work: /Aktive Ehrenamtliche ohne Einsatz/ },
  { username: 'zentrale', heading: 'Startseite', work: /Meine offenen Aufgaben/ },
  { username: 'admin', heading: 'Startseite', work: /Konten/ },
  { username: 'beirat', heading: 'Startseite', work: /Bericht/ },
];

for (const l of landings) {
  test(`${l.username} lands on a page with their own work`, async ({ page }) => {
    await page.goto('/login');
    await field(page, 'Benutzername').fill(l.username);
    await field(page, 'Passwort').fill('Quartier-Demo-2026');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: l.heading })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: l.work }).first()).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expectNoA11yViolations(page, `landing of ${l.username}`);
  });
}
