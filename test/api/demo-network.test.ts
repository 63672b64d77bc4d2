import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, deleteDemoData, generateDemoData } from '../../src/server/demo/index.js';
import { nameKey } from '../../src/server/modules/households/name-key.js';
import { mediatorNameKey } from '../../src/server/modules/mediators/pool.js';
import { searchKey } from '../../src/server/modules/network/search-key.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

// The network half of the demo data (issue 9, section 7): one generation at scale 1 for the file.
const today = '2026-11-25';
let t: TestApp;
let result: DemoResult;

type Row = Record<string, unknown>;
async function rows(statement: SQL): Promise<Row[]> {
  const r = (await t.db.execute(statement)) as unknown as { rows?: Row[] } | Row[];
  return (Array.isArray(r) ? r : r.rows) ?? [];
}
async function one(statement: SQL): Promise<Row> {
  return (await rows(statement))[0];
}
const num = (v: unknown) => Number(v);

beforeAll(async () => {
  t = await createTestApp();
  result = await generateDemoData(t.db, { scale: 1, seed: 99, today });
}, 1_500_000);
afterAll(() => t?.close());

describe('network demo data at scale 1', () => {
  it('has the minimum counts', () => {
    const r = result.rows;
    expect(r.partners).toBeGreaterThanOrEqual(60);
    expect(r.offers).toBeGreaterThanOrEqual(150);
    expect(r.volunteers).toBeGreaterThanOrEqual(200);
    expect(r.mediators).toBeGreaterThanOrEqual(30);
    expect(r.partner_contacts).toBeGreaterThan(r.partners * 3);
    expect(r.mediator_bookings).toBeGreaterThan(500);
    expect(r.volunteer_assignments).toBeGreaterThan(150);
    expect(r.volunteer_hours).toBeGreaterThan(1000);
  });

  it('names the welfare associations, other kinds of partners, with contact persons and history', async () => {
    const welfare = await rows(sql`SELECT name FROM partners WHERE kind = 'welfareAssociation'`);
    const names = welfare.map((w) => String(w.name)).join(' | ');
    for (const n of ['AWO', 'Caritas', 'Diakonie', 'DRK', 'Paritätische']) expect(names).toContain(n);
    const kinds = await rows(sql`SELECT DISTINCT kind FROM partners`);
    expect(kinds.length).toBeGreaterThanOrEqual(9);
    const c = await one(sql`
      SELECT count(*) FILTER (WHERE jsonb_array_length(contact_persons) = 0) AS without_person,
             count(*) FILTER (WHERE name_key <> '') AS keyed,
             (SELECT count(DISTINCT partner_id) FROM partner_contacts) AS with_history,
             (SELECT count(*) FROM partner_contacts WHERE date > ${today}) AS future
      FROM partners`);
    expect(num(c.without_person)).toBe(0);
    expect(num(c.with_history)).toBeGreaterThan(50);
    expect(num(c.future)).toBe(0);
    for (const p of await rows(sql`SELECT name, name_key FROM partners`))
      expect(p.name_key).toBe(searchKey(String(p.name)));
  });

  it('spreads offers over districts, life areas and languages; some stale, paused or ended', async () => {
    const c = await one(sql`
      SELECT count(DISTINCT district_code) AS districts,
             (SELECT count(DISTINCT a) FROM offers, unnest(life_areas) a) AS areas,
             (SELECT count(DISTINCT l) FROM offers, unnest(languages) l) AS languages,
             count(*) FILTER (WHERE status = 'active' AND last_checked_on < ${today}::date - interval '6 months') AS stale,
             count(*) FILTER (WHERE status = 'paused') AS paused,
             count(*) FILTER (WHERE status = 'ended') AS ended,
             count(*) FILTER (WHERE last_checked_on > ${today}) AS future,
             count(*) FILTER (WHERE district_code NOT IN (
               SELECT code FROM reference_values WHERE list = 'districts')) AS unknown
      FROM offers`);
    expect(num(c.districts)).toBe(12);
    expect(num(c.areas)).toBeGreaterThanOrEqual(10);
    expect(num(c.languages)).toBeGreaterThan(5);
    expect(num(c.stale)).toBeGreaterThan(10);
    expect(num(c.paused)).toBeGreaterThan(3);
    expect(num(c.ended)).toBeGreaterThan(3);
    expect(num(c.future)).toBe(0);
    expect(num(c.unknown)).toBe(0);
    const badArea = await rows(sql`
      SELECT a FROM offers, unnest(life_areas) a
      WHERE a NOT IN (SELECT code FROM reference_values WHERE list = 'life-areas')`);
    expect(badArea).toEqual([]);
    for (const o of await rows(sql`SELECT title, title_key FROM offers`))
      expect(o.title_key).toBe(searchKey(String(o.title)));
  });

  it('has events since 2016: weekly cafés as series, quarterly round tables with minutes and actions', async () => {
    const c = await one(sql`
      SELECT min(date)::text AS first,
             (SELECT count(*) FROM event_series) AS series,
             (SELECT count(DISTINCT site_id) FROM events WHERE type = 'begegnungscafe') AS cafe_sites,
             count(*) FILTER (WHERE type = 'begegnungscafe' AND series_id IS NULL) AS loose_cafes,
             count(*) FILTER (WHERE type = 'runder-tisch' AND date < ${today} AND minutes IS NULL) AS without_minutes,
             count(DISTINCT type) AS types
      FROM events`);
    expect(String(c.first) < '2017-01-01').toBe(true);
    expect(num(c.series)).toBeGreaterThanOrEqual(3);
    expect(num(c.cafe_sites)).toBeGreaterThanOrEqual(3);
    expect(num(c.loose_cafes)).toBe(0);
    expect(num(c.without_minutes)).toBe(0);
    expect(num(c.types)).toBeGreaterThanOrEqual(8);
    // BA opened in Oct 2016: a round table every quarter since
    const [ba] = await rows(sql`
      SELECT count(*) AS n FROM events e JOIN sites s ON s.id = e.site_id
      WHERE s.code = 'BA' AND e.type = 'runder-tisch' AND e.date BETWEEN '2017-01-01' AND '2025-12-31'`);
    expect(num(ba.n)).toBe(36);
    const cafes = await one(sql`
      SELECT count(*) AS n, sum(refugees) AS refugees FROM events e
      WHERE e.type = 'begegnungscafe' AND e.date BETWEEN '2019-01-01' AND '2019-12-31'`);
    expect(num(cafes.n)).toBeGreaterThan(3 * 40);
    expect(num(cafes.refugees)).toBeGreaterThan(1000);
    const actions = await one(sql`
      SELECT count(*) AS n,
             count(*) FILTER (WHERE f.done_at IS NULL) AS open,
             count(*) FILTER (WHERE NOT u.is_demo OR f.assignee_id <> a.owner_user_id OR f.kind <> 'eventAction') AS wrong
      FROM event_actions a JOIN follow_ups f ON f.id = a.follow_up_id JOIN users u ON u.id = a.owner_user_id`);
    expect(num(actions.n)).toBeGreaterThan(40);
    expect(num(actions.open)).toBeGreaterThan(0);
    expect(num(actions.wrong)).toBe(0);
  });

  it('has volunteers, refugees among them, with statuses, checks (some due soon) and hours', async () => {
    const c = await one(sql`
      SELECT count(*) FILTER (WHERE has_refugee_background) AS refugees,
             count(DISTINCT status) AS statuses,
             count(*) FILTER (WHERE first_key = '' OR last_key = '') AS unkeyed,
             (SELECT count(*) FROM volunteer_checks WHERE kind = 'certificateOfConduct'
                AND valid_until BETWEEN ${today}::date AND ${today}::date + 60) AS due_soon,
             (SELECT count(*) FROM volunteer_checks WHERE kind = 'training' AND event_id IS NOT NULL) AS trainings,
             (SELECT count(*) FROM volunteer_hours WHERE date > ${today}) AS future_hours
      FROM volunteers`);
    expect(num(c.refugees)).toBeGreaterThan(20);
    expect(num(c.statuses)).toBe(4);
    expect(num(c.unkeyed)).toBe(0);
    expect(num(c.due_soon)).toBeGreaterThan(0);
    expect(num(c.trainings)).toBeGreaterThan(20);
    expect(num(c.future_hours)).toBe(0);
    for (const v of await rows(
      sql`SELECT first_name, last_name, first_key, last_key FROM volunteers LIMIT 300`,
    )) {
      expect(v.first_key).toBe(nameKey(String(v.first_name)));
      expect(v.last_key).toBe(nameKey(String(v.last_name)));
    }
  });

  it('assigns volunteers to households only with a current volunteer-contact consent, of their site', async () => {
    const c = await one(sql`
      SELECT count(*) AS n,
        count(*) FILTER (WHERE NOT EXISTS (
          SELECT 1 FROM consents k WHERE k.household_id = a.household_id AND k.volunteer_contact
            AND k.withdrawn_on IS NULL AND k.given_on <= a.starts_on)) AS without_consent,
        count(*) FILTER (WHERE h.site_id <> v.site_id) AS other_site
      FROM volunteer_assignments a JOIN households h ON h.id = a.household_id JOIN volunteers v ON v.id = a.volunteer_id`);
    expect(num(c.n)).toBeGreaterThan(30);
    expect(num(c.without_consent)).toBe(0);
    expect(num(c.other_site)).toBe(0);
    const flag = await one(
      sql`SELECT count(*) FILTER (WHERE volunteer_contact) AS yes, count(*) AS n FROM consents`,
    );
    expect(num(flag.yes) / num(flag.n)).toBeGreaterThan(0.2);
    expect(num(flag.yes) / num(flag.n)).toBeLessThan(0.5);
  });

  it('has mediators for the households’ languages; bookings of one mediator never overlap', async () => {
    const missing = await rows(sql`
      SELECT h.languages[1] AS lang, count(*) AS n FROM households h
      WHERE h.languages[1] <> 'de' GROUP BY 1 ORDER BY n DESC LIMIT 8`);
    const spoken = await rows(sql`SELECT DISTINCT unnest(languages) AS l FROM mediators`);
    const languages = new Set(spoken.map((s) => s.l));
    expect(missing.filter((m) => !languages.has(m.lang))).toEqual([]);
    const overlap = await one(sql`
      SELECT count(*) AS n FROM mediator_bookings a JOIN mediator_bookings b
        ON a.mediator_id = b.mediator_id AND a.date = b.date AND a.id < b.id
       AND a.from_time < b.to_time AND b.from_time < a.to_time`);
    expect(num(overlap.n)).toBe(0);
    const statuses = await rows(sql`SELECT DISTINCT status FROM mediator_bookings`);
    expect(statuses.map((s) => s.status).sort()).toEqual([
      'cancelled',
      'confirmed',
      'done',
      'noShow',
      'requested',
    ]);
    const mismatch = await one(sql`
      SELECT count(*) AS n FROM mediator_bookings b JOIN mediators m ON m.id = b.mediator_id
      WHERE NOT (b.language = ANY (m.languages)) OR b.from_time >= b.to_time`);
    expect(num(mismatch.n)).toBe(0);
    for (const m of await rows(sql`SELECT name, name_key FROM mediators`))
      expect(m.name_key).toBe(mediatorNameKey(String(m.name)));
  });

  it('links contacts to the mediator of a matching done booking', async () => {
    const c = await one(sql`
      SELECT count(*) AS n,
        count(*) FILTER (WHERE NOT EXISTS (
          SELECT 1 FROM mediator_bookings b WHERE b.mediator_id = c.mediator_id AND b.household_id = c.household_id
            AND b.date = c.date AND b.language = c.mediation_language AND b.status = 'done')) AS unmatched,
        count(*) FILTER (WHERE c.mediator_name <> m.name) AS other_name
      FROM contacts c JOIN mediators m ON m.id = c.mediator_id`);
    expect(num(c.n)).toBeGreaterThan(300);
    expect(num(c.unmatched)).toBe(0);
    expect(num(c.other_name)).toBe(0);
  });
});

describe('the network APIs over the demo data', () => {
  let network: Client;
  let coordinator: Client;
  let lead: Client;
  beforeAll(async () => {
    network = await t.login('netzwerk');
    coordinator = await t.login('ehrenamt');
    lead = await t.login('leitung.ba');
  });

  it('lists, filters and searches partners, offers, events', async () => {
    for (const url of [
      '/api/partners',
      '/api/partners?q=Karitas',
      '/api/offers',
      '/api/offers?districtCode=brackel&language=ar',
      '/api/offers?stale=true',
      '/api/events',
      '/api/events?type=runder-tisch',
    ]) {
      const res = await network.get(url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expect(res.json().total, url).toBeGreaterThan(0);
    }
    const caritas = (await network.get('/api/partners?q=Karitas')).json();
    expect(caritas.items.some((p: { name: string }) => p.name.includes('Caritas'))).toBe(true);
    const gaps = await network.get('/api/network/gaps');
    expect(gaps.statusCode, gaps.body).toBe(200);
  });

  it('lists volunteers and opens one with checks and assignments', async () => {
    const list = await coordinator.get('/api/volunteers?pageSize=50');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
    const id = list.json().items[0].id;
    const res = await coordinator.get(`/api/volunteers/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const match = await coordinator.get('/api/volunteers/match?language=ar');
    expect(match.statusCode, match.body).toBe(200);
  });

  it('lists mediators and their bookings', async () => {
    const res = await lead.get('/api/mediators?language=ar');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    const bookings = await lead.get('/api/mediator-bookings');
    expect(bookings.statusCode, bookings.body).toBe(200);
  });

  it('deletes the network demo data with the rest', async () => {
    await deleteDemoData(t.db);
    const c = await one(sql`
      SELECT (SELECT count(*) FROM partners) + (SELECT count(*) FROM offers) + (SELECT count(*) FROM events)
           + (SELECT count(*) FROM event_series) + (SELECT count(*) FROM volunteers) + (SELECT count(*) FROM mediators)
           + (SELECT count(*) FROM mediator_bookings) + (SELECT count(*) FROM follow_ups) AS n`);
    expect(num(c.n)).toBe(0);
  }, 240_000);
});
