import { eventActionKind } from '../modules/events/actions.js';
import {
  firstDayOfMonth,
  isoOf,
  monthOf,
  officeTime,
  toDay,
  weekdayOf,
  workingDayWithin,
} from './calendar.js';
import type { DemoSite } from './context.js';
import {
  actionTexts,
  pandemicTopic,
  roundTableReports,
  roundTableTopics,
  ukraineTopic,
} from './event-texts.js';
import { type EventWriter, lockdown } from './events.js';
import { type NetworkEmitter, sample } from './network-common.js';
import type { NetworkContext } from './network-context.js';
import type { PartnerPlan } from './partners.js';
import type { Rng } from './random.js';

function minutesText(rng: Rng, day: number, partners: PartnerPlan[], topics: string[]): string {
  const present = partners.map((p) => p.name).join(', ');
  const lines = [
    `Anwesend: ${present}; Welcome-Treff.`,
    '',
    `TOP 1 Bericht aus dem Welcome-Treff: ${rng.pick(roundTableReports)}`,
    ...topics.map(
      (t, i) =>
        `TOP ${i + 2} ${t}: ${rng.pick(roundTableReports)} Die Partner berichten von ihren Erfahrungen.`,
    ),
    `TOP ${topics.length + 2} Verschiedenes: Nächster Termin wird mit der Einladung bekannt gegeben.`,
  ];
  if (lockdown(day)) lines.unshift('Sitzung als Videokonferenz.');
  return lines.join('\n');
}

function topicsFor(rng: Rng, day: number): string[] {
  const iso = isoOf(day);
  const topics = sample(rng, roundTableTopics, rng.int(1, 2));
  if (iso >= '2022-03-01' && iso <= '2022-12-31') topics.unshift(ukraineTopic);
  if (lockdown(day)) topics.unshift(pandemicTopic);
  return topics;
}

/**
 * Round tables every quarter at every site (from the quarter after the opening, the next one planned),
 * with the partners of the site, minutes and one to three agreed actions owned by the site's staff —
 * the owner's follow-ups, done when due has passed, open for the latest.
 */
export function emitRoundTables(
  rng: Rng,
  sites: DemoSite[],
  net: NetworkContext,
  partners: PartnerPlan[],
  today: number,
  w: EventWriter,
  out: NetworkEmitter,
) {
  if (!net.eventTypes.has('runder-tisch')) return;
  for (const site of sites) {
    const labels = site.geography.districtCodes.map((d) => net.districtLabels.get(d) ?? d);
    const title = `Runder Tisch ${labels.join('/') || site.code}`;
    const local = partners.filter((p) => p.siteId === site.id || p.districtCodes.length > 2);
    const owners = net.eventStaff.get(site.id) ?? [];
    const first = monthOf(toDay(site.openedOn)) + 2;
    const last = monthOf(today) + 3;
    // the middle month of each quarter (Feb, May, Aug, Nov)
    for (let m = first + ((((1 - (first % 3)) % 3) + 3) % 3); m <= last; m += 3) {
      let day = firstDayOfMonth(m) + 7 + rng.int(0, 10);
      while (![2, 3, 4].includes(weekdayOf(day))) day++;
      day = workingDayWithin(day, day - 3, day + 3);
      const held = local.filter((p) => p.since <= day);
      const invited = sample(rng, held, rng.int(4, 9));
      const past = day < today;
      const event = w.add({
        type: 'runder-tisch',
        title,
        site,
        districtCode: site.geography.districtCodes[0] ?? null,
        place: lockdown(day)
          ? 'Videokonferenz'
          : invited[0]
            ? `Räume von ${invited[0].name}`
            : 'Welcome-Treff',
        day,
        from: 15 * 60,
        to: 17 * 60,
        partnerIds: invited.map((p) => p.id),
        public: false,
        minutes: past ? minutesText(rng, day, invited, topicsFor(rng, day)) : null,
      });
      if (!past || owners.length === 0) continue;
      for (const text of sample(rng, actionTexts, rng.int(1, 3))) {
        const owner = rng.pick(owners);
        const due = workingDayWithin(day + rng.int(14, 60), day + 7, day + 70);
        const followUpId = rng.uuid();
        const created = officeTime(day, 17 * 60 + rng.int(0, 59));
        const done = due < today - 3 && rng.chance(0.92);
        out.add('follow_ups', [
          followUpId,
          null,
          site.id,
          owner,
          isoOf(due),
          text,
          eventActionKind,
          done ? officeTime(Math.max(day + 1, due - rng.int(0, 10)), rng.int(8 * 60, 16 * 60)) : null,
          created,
        ]);
        out.add('event_actions', [rng.uuid(), event.id, text, owner, isoOf(due), followUpId, owner, created]);
      }
    }
  }
}
