import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayBerlin } from '../../src/shared/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let fk: Client;
let siteId: string;
let householdId: string;

const today = todayBerlin();
const tomorrow = addDays(today, 1);

const household = (extra: Record<string, unknown> = {}) => ({
  siteId,
  category: 'refugee',
  registeredOn: today,
  members: [{ firstName: 'Rania', lastName: 'Formregel', birthYear: 1990, roleInHousehold: 'head' }],
  ...extra,
});
const contact = (extra: Record<string, unknown> = {}) => ({
  date: today,
  contactType: 'sprechstunde',
  reasons: [{ lifeArea: 'arbeit-beruf', supportKind: 'beratung' }],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  fk = await t.login('fachkraft.ba');
  siteId = fk.user.siteIds[0];
  const h = await fk.post('/api/households', household());
  expect(h.statusCode, h.body).toBe(201);
  householdId = h.json().id;
});
afterAll(() => t.close());

const details = (res: { json(): { error: { details: { path: string; message: string }[] } } }) =>
  res.json().error.details;

describe('contacts', () => {
  it('refuses a contact dated in the future, naming the date, and saves one dated today', async () => {
    const future = await fk.post(`/api/households/${householdId}/contacts`, contact({ date: tomorrow }));
    expect(future.statusCode, future.body).toBe(400);
    expect(details(future)).toEqual([
      {
        path: 'date',
        message:
          'Das Kontaktdatum liegt in der Zukunft – ein Kontakt wird erst erfasst, wenn er stattgefunden hat',
      },
    ]);
    const anonymous = await fk.post('/api/contacts/anonymous', contact({ date: tomorrow }));
    expect(anonymous.statusCode).toBe(400);
    expect(details(anonymous)[0].path).toBe('date');
    const ok = await fk.post(`/api/households/${householdId}/contacts`, contact());
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('names the range of the duration instead of clamping it, in German and English', async () => {
    for (const durationMinutes of [0, 1441]) {
      const res = await fk.post(`/api/households/${householdId}/contacts`, contact({ durationMinutes }));
      expect(res.statusCode).toBe(400);
      expect(details(res)).toEqual([
        { path: 'durationMinutes', message: 'Die Dauer muss zwischen 1 und 1440 Minuten liegen' },
      ]);
    }
    const en = await fk.request(
      'POST',
      `/api/households/${householdId}/contacts`,
      contact({ durationMinutes: 2000 }),
      { 'accept-language': 'en' },
    );
    expect(details(en)).toEqual([
      { path: 'durationMinutes', message: 'the duration must be between 1 and 1440 minutes' },
    ]);
    const edge = await fk.post(`/api/households/${householdId}/contacts`, contact({ durationMinutes: 1440 }));
    expect(edge.statusCode, edge.body).toBe(201);
    expect(edge.json().durationMinutes).toBe(1440);
  });

  it('limits the note to 2000 characters and says so', async () => {
    const res = await fk.post(`/api/households/${householdId}/contacts`, contact({ note: 'x'.repeat(2001) }));
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual([{ path: 'note', message: 'höchstens 2000 Zeichen' }]);
    const mediator = await fk.post(
      `/api/households/${householdId}/contacts`,
      contact({ mediatorName: 'x'.repeat(121) }),
    );
    expect(details(mediator)).toEqual([{ path: 'mediatorName', message: 'höchstens 120 Zeichen' }]);
  });
});

describe('registration dates', () => {
  it('refuses a registration before 01.01.2000 or in the future, naming the field', async () => {
    const early = await fk.post('/api/households', household({ registeredOn: '1999-12-31' }));
    expect(early.statusCode).toBe(400);
    expect(details(early)).toEqual([
      { path: 'registeredOn', message: 'Das Erfassungsdatum liegt vor dem 01.01.2000' },
    ]);
    const future = await fk.post('/api/households', household({ registeredOn: tomorrow }));
    expect(details(future)).toEqual([
      { path: 'registeredOn', message: 'Das Erfassungsdatum liegt in der Zukunft' },
    ]);
    const edit = await fk.patch(`/api/households/${householdId}`, { registeredOn: tomorrow });
    expect(edit.statusCode).toBe(400);
    expect(details(edit)[0].path).toBe('registeredOn');
    const first = await fk.post('/api/households', household({ registeredOn: '2000-01-01' }));
    expect(first.statusCode, first.body).toBe(201);
  });

  it('refuses a date of birth in the future', async () => {
    const res = await fk.post(
      '/api/households',
      household({
        members: [{ firstName: 'Noor', lastName: 'Formregel', birthDate: tomorrow, roleInHousehold: 'head' }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual([
      { path: 'members.0.birthDate', message: 'Geburtsdatum liegt in der Zukunft' },
    ]);
  });
});

describe('appointments, follow-ups and what a field error says', () => {
  it('names the range of an appointment duration and the time format', async () => {
    const res = await fk.post(`/api/households/${householdId}/appointments`, {
      date: today,
      startTime: '9.30',
      durationMinutes: 601,
    });
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual(
      expect.arrayContaining([
        { path: 'startTime', message: 'Uhrzeit bitte als HH:MM angeben (z. B. 09:30)' },
        { path: 'durationMinutes', message: 'Die Dauer muss zwischen 5 und 600 Minuten liegen' },
      ]),
    );
  });

  it('limits a follow-up text to 1000 characters', async () => {
    const res = await fk.post(`/api/households/${householdId}/followups`, {
      dueOn: today,
      text: 'x'.repeat(1001),
    });
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual([{ path: 'text', message: 'höchstens 1000 Zeichen' }]);
  });

  it('says what is wrong: a missing field, a wrong type, an enum and a postcode', async () => {
    const res = await fk.post('/api/households', {
      category: 'refugee',
      registeredOn: today,
      address: { postcode: '4430' },
      members: [
        { firstName: 'A', lastName: 'B', gender: 'x', birthYear: 'neunzehn', roleInHousehold: 'head' },
      ],
    });
    expect(res.statusCode).toBe(400);
    const messages = Object.fromEntries(details(res).map((d) => [d.path, d.message]));
    expect(messages).toMatchObject({
      siteId: 'Pflichtfeld',
      'address.postcode': 'Die Postleitzahl hat fünf Ziffern',
      'members.0.gender': 'bitte einen dieser Werte wählen: female, male, diverse, unspecified',
      'members.0.birthYear': 'bitte eine Zahl angeben',
    });
    for (const message of Object.values(messages)) expect(message).not.toMatch(/ungültig/);
  });
});
