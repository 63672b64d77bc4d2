import { toDay } from './calendar.js';
import { emitCommunityEvents } from './community-events.js';
import type { ContactDetails } from './contacts.js';
import type { DemoContext, GeneratorOptions, SitePlan } from './context.js';
import { EventWriter, emitCafes } from './events.js';
import type { HouseholdPlan } from './households.js';
import { mediatorNames } from './mediators.js';
import { householdLanguageWeights, type NetworkEmitter } from './network-common.js';
import {
  BookingBook,
  earlierWorkingDay,
  emitMediatorRows,
  type MediatorPlan,
  planMediators,
} from './network-mediators.js';
import { emitOffers } from './offers.js';
import { emitPartners } from './partners.js';
import type { Rng } from './random.js';
import { emitRoundTables } from './round-tables.js';
import { type ConsentingHousehold, emitVolunteerRecords } from './volunteer-records.js';
import { emitVolunteerRows, planVolunteers } from './volunteers.js';
import type { Value } from './writer.js';

/** Share of households whose consent allows contact by volunteers (volunteer_contact). */
const volunteerContactShare = { refugee: 0.35, other: 0.15 };

/**
 * The network half of the demo data (issue 9): the mediator pool and its bookings (woven into the
 * contacts and appointments as they are emitted), the volunteer-contact flag of consents, then
 * partners, offers, events, volunteers. Each part draws from its own stream, so the case data stay
 * as they were.
 */
export class NetworkModel {
  readonly pool: MediatorPlan[];
  private readonly byName: Map<string, MediatorPlan>;
  private readonly bookings: BookingBook;
  private readonly consentRng: Rng;
  private readonly bookingRng: Rng;
  private readonly consenting = new Map<string, ConsentingHousehold[]>();
  private readonly today: number;
  private readonly city: string;

  constructor(
    private readonly ctx: DemoContext,
    private readonly plans: SitePlan[],
    private readonly options: GeneratorOptions,
    private readonly root: Rng,
    private readonly out: NetworkEmitter,
  ) {
    this.today = toDay(options.today);
    this.city = ctx.sites[0]?.geography.city ?? 'Stadt';
    const districts = [...new Set(ctx.sites.flatMap((s) => s.geography.districtCodes))];
    const languages = householdLanguageWeights(plans);
    this.pool = planMediators(
      root.fork('network-mediators'),
      languages,
      districts,
      options.scale,
      this.today,
    );
    this.byName = new Map(this.pool.map((m) => [m.name, m]));
    this.bookingRng = root.fork('network-bookings');
    this.bookings = new BookingBook(this.bookingRng, this.today, out);
    this.consentRng = root.fork('network-consents');
    emitMediatorRows(root.fork('network-mediator-rows'), this.pool, this.city, out);
  }

  /** The names a site's contacts give their mediators: the pool's where it speaks the language. */
  mediatorNames(r: Rng) {
    return mediatorNames(r, this.pool);
  }

  /** Adds volunteer_contact to a consent row of the household (and remembers who may get a mentor). */
  consent(h: HouseholdPlan, row: Value[]): Value[] {
    const flag = this.consentRng.chance(volunteerContactShare[h.category]);
    const withdrawn = row[9];
    if (flag && withdrawn === null && h.status !== 'transferred') {
      const from = Math.max(toDay(String(row[2])), h.transfer?.day ?? 0);
      const list = this.consenting.get(h.siteId) ?? [];
      list.push({ id: h.id, siteId: h.siteId, languages: h.languages, from, end: h.end });
      this.consenting.set(h.siteId, list);
    }
    return [...row, flag];
  }

  /** A mediator booked for an appointment that needs a language (around today). */
  appointment(row: Value[]) {
    const [id, siteId, staffId, householdId, date, time, minutes, language] = row as [
      string,
      string,
      string | null,
      string | null,
      string,
      string,
      number,
      string | null,
    ];
    const rng = this.bookingRng;
    if (!language || !rng.chance(0.6)) return;
    const day = toDay(date);
    const from = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    const to = from + minutes;
    const free = this.pool.filter(
      (m) => m.active && m.languages.includes(language) && this.bookings.free(m, day, from, to),
    );
    if (free.length === 0) return;
    const x = rng.next();
    const status =
      day >= this.today
        ? x < 0.35
          ? 'requested'
          : 'confirmed'
        : x < 0.8
          ? 'done'
          : x < 0.9
            ? 'noShow'
            : 'cancelled';
    this.bookings.add({
      mediator: rng.pick(free),
      siteId,
      language,
      day,
      from,
      to,
      appointmentId: id,
      householdId,
      status,
      requestedBy: staffId,
    });
  }

  /**
   * The mediator of a contact, when a pool mediator was booked for it (the booking is done, with the
   * contact's length); now and then an earlier booking for the household was cancelled or not kept.
   */
  contact(
    householdId: string,
    siteId: string,
    day: number,
    d: ContactDetails,
    staffId: string | null,
  ): string | null {
    const m = d.mediatorName ? this.byName.get(d.mediatorName) : undefined;
    const rng = this.bookingRng;
    if (!m || !d.mediationLanguage || day < m.since || !rng.chance(0.6)) return null;
    const minutes = Math.min(180, Math.max(30, Math.ceil((d.durationMinutes ?? 30) / 30) * 30));
    const from = this.bookings.slot(m, day, minutes);
    if (from === null) return null;
    const base = {
      mediator: m,
      siteId,
      language: d.mediationLanguage,
      appointmentId: null,
      householdId,
      requestedBy: staffId,
    };
    this.bookings.add({ ...base, day, from, to: from + minutes, status: 'done' });
    if (rng.chance(0.1)) {
      const earlier = earlierWorkingDay(rng, day);
      const at = earlier >= m.since ? this.bookings.slot(m, earlier, minutes) : null;
      if (at !== null)
        this.bookings.add({
          ...base,
          day: earlier,
          from: at,
          to: at + minutes,
          status: rng.chance(0.75) ? 'cancelled' : 'noShow',
        });
    }
    return m.id;
  }

  /** Partners, offers, events and volunteers, after all households (assignments refer to them). */
  emitRest() {
    const { ctx, options, root, out, today } = this;
    const net = ctx.network;
    const sites = ctx.sites;
    const lifeAreas = ctx.contactCodes.lifeAreas;
    const languages = householdLanguageWeights(this.plans).map(([l]) => l);
    const partners = emitPartners(root.fork('network-partners'), sites, net, options.scale, today, out);
    const offers = emitOffers(
      root.fork('network-offers'),
      sites,
      net,
      partners,
      lifeAreas,
      languages,
      options.scale,
      today,
      out,
    );
    const volunteers = planVolunteers(
      root.fork('network-volunteers'),
      sites,
      lifeAreas,
      options.scale,
      today,
    );
    const w = new EventWriter(root.fork('network-events'), net, today, out);
    emitCafes(root.fork('network-cafes'), sites, net, partners, options.scale, today, w, out);
    emitRoundTables(root.fork('network-round-tables'), sites, net, partners, today, w, out);
    emitCommunityEvents(
      root.fork('network-community'),
      sites,
      net,
      partners,
      volunteers,
      options.scale,
      today,
      w,
      out,
    );
    emitVolunteerRows(root.fork('network-volunteer-rows'), volunteers, this.city, net.coordinators, out);
    emitVolunteerRecords(
      root.fork('network-volunteer-records'),
      volunteers,
      this.consenting,
      offers,
      w.events,
      net.coordinators,
      today,
      out,
    );
  }
}
