import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

// network work loads on demand: roles without it never fetch it
const PartnersPage = lazyPage(() => import('./PartnersPage'), 'PartnersPage');
const PartnerPage = lazyPage(() => import('./PartnerPage'), 'PartnerPage');
const PartnerFormPage = lazyPage(() => import('./PartnerFormPage'), 'PartnerFormPage');
const OffersPage = lazyPage(() => import('./OffersPage'), 'OffersPage');
const OfferPage = lazyPage(() => import('./OfferPage'), 'OfferPage');
const OfferFormPage = lazyPage(() => import('./OfferFormPage'), 'OfferFormPage');
const SurveyPage = lazyPage(() => import('./SurveyPage'), 'SurveyPage');

/** Partners, the offers directory and the network survey. */
export const networkRoutes: RouteObject[] = [
  guarded('network/partners', 'network.read', PartnersPage),
  guarded('network/partners/new', 'network.write', PartnerFormPage),
  guarded('network/partners/:id', 'network.read', PartnerPage),
  guarded('network/partners/:id/edit', 'network.write', PartnerFormPage),
  guarded('network/offers', 'network.read', OffersPage),
  guarded('network/offers/new', 'network.write', OfferFormPage),
  guarded('network/offers/:id', 'network.read', OfferPage),
  guarded('network/offers/:id/edit', 'network.write', OfferFormPage),
  guarded('network/survey', 'network.survey', SurveyPage),
];

export const networkNav: NavItem[] = [
  { to: '/network/partners', labelKey: 'network.nav.partners', permission: 'network.read' },
  { to: '/network/offers', labelKey: 'network.nav.offers', permission: 'network.read' },
  { to: '/network/survey', labelKey: 'network.nav.survey', permission: 'network.survey' },
];
