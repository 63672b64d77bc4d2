import { z } from 'zod';
import { isoDate, nonEmptyPatch, paged, pageQuery, plainText, uuid } from './common.js';

/** Network work: partners (Kooperationspartner*innen), their contact history, offers (Angebote), survey. */

export const partnerKinds = [
  'welfareAssociation',
  'initiative',
  'parish',
  'mosqueCommunity',
  'sportsClub',
  'schoolDaycare',
  'landlord',
  'authority',
  'company',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const partnerContactKinds = ['meeting', 'phone', 'email', 'agreement', 'other'] as const;
export const offerTargetGroups = ['women', 'children', 'youth', 'families', 'seniors', 'all'] as const;
export const offerStatuses = ['active', 'paused', 'ended'] as const;

const refCode = z.string().min(1).max(60);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+()/ .-]{3,40}$/, 'invalidFormat');

export const contactPerson = z.object({
  name: plainText(100).min(1),
  function: plainText(100).nullable().optional(),
  phone: phone.nullable().optional(),
  email: z.email().max(200).nullable().optional(),
});
export type ContactPerson = z.infer<typeof contactPerson>;

const partnerFields = {
  name: plainText(200).min(1),
  kind: z.enum(partnerKinds),
  districtCodes: z.array(refCode).max(30),
  siteId: uuid,
  contactPersons: z.array(contactPerson).max(30),
  tags: z.array(plainText(40).min(1)).max(20),
  note: plainText(4000).nullable(),
};

export const createPartnerBody = z.object({
  ...partnerFields,
  districtCodes: partnerFields.districtCodes.optional(),
  contactPersons: partnerFields.contactPersons.optional(),
  tags: partnerFields.tags.optional(),
  note: partnerFields.note.optional(),
});
export type CreatePartnerBody = z.infer<typeof createPartnerBody>;
export const updatePartnerBody = nonEmptyPatch(z.object(partnerFields).partial());
export type UpdatePartnerBody = z.infer<typeof updatePartnerBody>;

export const partner = z.object({
  id: uuid,
  name: z.string(),
  kind: z.enum(partnerKinds),
  districtCodes: z.array(z.string()),
  siteId: uuid,
  contactPersons: z.array(
    z.object({
      name: z.string(),
      function: z.string().nullable().optional(),
      phone: z.string().nullable().optional(),
      email: z.string().nullable().optional(),
    }),
  ),
  tags: z.array(z.string()),
  note: z.string().nullable(),
  /** date of the latest entry in the contact history */
  lastContactOn: isoDate.nullable(),
  /** number of offers of this partner (all statuses) */
  offerCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Partner = z.infer<typeof partner>;

export const partnerSortFields = ['name', 'kind', 'lastContactOn', 'updatedAt'] as const;
export const partnerListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(partnerKinds).optional(),
  districtCode: refCode.optional(),
  siteId: uuid.optional(),
  /** partners without an entry in the contact history since this date (start page) */
  noContactSince: isoDate.optional(),
  sort: z.enum(partnerSortFields).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type PartnerListQuery = z.infer<typeof partnerListQuery>;
export const partnerList = paged(partner);

export const createPartnerContactBody = z.object({
  date: isoDate,
  kind: z.enum(partnerContactKinds),
  note: plainText(4000).nullable().optional(),
});
export type CreatePartnerContactBody = z.infer<typeof createPartnerContactBody>;
export const partnerContact = z.object({
  id: uuid,
  partnerId: uuid,
  date: isoDate,
  kind: z.enum(partnerContactKinds),
  note: z.string().nullable(),
  staffUserId: uuid.nullable(),
  staffName: z.string().nullable(),
  createdAt: z.string(),
});
export type PartnerContact = z.infer<typeof partnerContact>;
export const partnerContactList = z.array(partnerContact);

const offerFields = {
  title: plainText(200).min(1),
  partnerId: uuid,
  description: plainText(4000).nullable(),
  lifeAreas: z.array(refCode).min(1).max(20),
  targetGroups: z.array(z.enum(offerTargetGroups)).min(1).max(offerTargetGroups.length),
  languages: z.array(z.string().min(2).max(8)).max(30),
  districtCode: refCode,
  address: plainText(300).nullable(),
  /** opening hours as text ("Di 10–12 Uhr") — or else `appointmentOnly` */
  openingHours: plainText(500).nullable(),
  appointmentOnly: z.boolean(),
  free: z.boolean(),
  accessible: z.boolean(),
  status: z.enum(offerStatuses),
  lastCheckedOn: isoDate,
};

export const createOfferBody = z.object({
  ...offerFields,
  description: offerFields.description.optional(),
  languages: offerFields.languages.optional(),
  address: offerFields.address.optional(),
  openingHours: offerFields.openingHours.optional(),
  appointmentOnly: offerFields.appointmentOnly.optional(),
  free: offerFields.free.optional(),
  accessible: offerFields.accessible.optional(),
  status: offerFields.status.optional(),
  /** omitted: today */
  lastCheckedOn: offerFields.lastCheckedOn.optional(),
});
export type CreateOfferBody = z.infer<typeof createOfferBody>;
export const updateOfferBody = nonEmptyPatch(z.object(offerFields).partial());
export type UpdateOfferBody = z.infer<typeof updateOfferBody>;

export const offer = z.object({
  id: uuid,
  title: z.string(),
  partnerId: uuid,
  partnerName: z.string(),
  /** the partner's responsible site (writes follow it) */
  siteId: uuid,
  description: z.string().nullable(),
  lifeAreas: z.array(z.string()),
  targetGroups: z.array(z.enum(offerTargetGroups)),
  languages: z.array(z.string()),
  districtCode: z.string(),
  address: z.string().nullable(),
  openingHours: z.string().nullable(),
  appointmentOnly: z.boolean(),
  free: z.boolean(),
  accessible: z.boolean(),
  status: z.enum(offerStatuses),
  lastCheckedOn: isoDate,
  /** not checked for QUARTIER_OFFER_REVIEW_MONTHS months */
  stale: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Offer = z.infer<typeof offer>;
export const offerDetail = offer.extend({
  /** referrals (case work) to this offer: a count, never names */
  referralCount: z.number().int(),
});
export type OfferDetail = z.infer<typeof offerDetail>;

export const offerSortFields = ['title', 'lastCheckedOn', 'districtCode', 'status', 'updatedAt'] as const;
export const offerListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  districtCode: refCode.optional(),
  lifeArea: refCode.optional(),
  language: z.string().min(2).max(8).optional(),
  targetGroup: z.enum(offerTargetGroups).optional(),
  status: z.enum(offerStatuses).optional(),
  partnerId: uuid.optional(),
  stale: z.enum(['true', 'false']).optional(),
  sort: z.enum(offerSortFields).default('title'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type OfferListQuery = z.infer<typeof offerListQuery>;
export const offerList = paged(offer);

export const idParams = z.object({ id: uuid });

// Network survey (Bestandserhebung)
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const surveyQuery = z.object({
  siteIds: z
    .string()
    .max(4000)
    .refine((s) => s.split(',').every((id) => uuidPattern.test(id.trim())), 'siteIdList')
    .optional()
    .describe('comma-separated site ids; omitted: your own sites (central: all)'),
});
export type SurveyQuery = z.infer<typeof surveyQuery>;

export const gapItem = z.object({
  districtCode: z.string(),
  lifeArea: z.string(),
  /**
   * households of the district with an open need (latest assessment level ≥ 2) in the life area;
   * null when small-count protection withholds 1 or 2 (then `openNeedsBand` is '1-2')
   */
  openNeeds: z.number().int().nullable(),
  openNeedsBand: z.literal('1-2').optional(),
  activeOffers: z.number().int(),
  /** open needs but no active offer */
  gap: z.boolean(),
});
export type GapItem = z.infer<typeof gapItem>;
export const gapList = z.array(gapItem);

export const surveyDistrict = z.object({
  districtCode: z.string(),
  partners: z.number().int(),
  partnersByKind: z.record(z.string(), z.number().int()),
  activeOffers: z.number().int(),
  offersByLifeArea: z.record(z.string(), z.number().int()),
});
export const surveyResponse = z.array(surveyDistrict);
export type SurveyDistrict = z.infer<typeof surveyDistrict>;
