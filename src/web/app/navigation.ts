import type { Permission } from '../../shared/permissions';
import { accountNav } from '../features/auth/routes';
import { caseworkNav } from '../features/casework/routes';
import { eventsNav } from '../features/events/routes';
import { mediatorsNav } from '../features/mediators/routes';
import { networkNav } from '../features/network/routes';
import { privacyNoticeNav, processingRecordNav } from '../features/privacy-notices/routes';
import { retentionNav } from '../features/retention/routes';
import { statisticsNav } from '../features/statistics/routes';
import { volunteersNav } from '../features/volunteers/routes';

export interface NavItem {
  to: string;
  labelKey: string;
  permission: Permission;
  /** match only the exact path (the start page) */
  end?: boolean;
}

export interface NavSection {
  labelKey: string;
  items: NavItem[];
}

/** What each role sees follows from the permission table alone. */
export const navigation: NavSection[] = [
  {
    labelKey: 'nav.sectionWork',
    // case staff start their day on "Mein Tag": it comes first for them
    items: [
      ...caseworkNav,
      { to: '/', labelKey: 'nav.start', permission: 'self', end: true },
      ...privacyNoticeNav,
    ],
  },
  {
    labelKey: 'nav.sectionNetwork',
    items: [...networkNav, ...eventsNav, ...volunteersNav, ...mediatorsNav],
  },
  {
    labelKey: 'nav.sectionReports',
    items: statisticsNav,
  },
  {
    labelKey: 'nav.sectionAdmin',
    items: [
      { to: '/users', labelKey: 'nav.users', permission: 'user.read' },
      { to: '/sites', labelKey: 'nav.sites', permission: 'site.read' },
      { to: '/reference', labelKey: 'nav.reference', permission: 'reference.read' },
      { to: '/audit', labelKey: 'nav.audit', permission: 'audit.read' },
      ...retentionNav,
      ...processingRecordNav,
    ],
  },
  {
    labelKey: 'nav.sectionAccount',
    items: [...accountNav, { to: '/password', labelKey: 'nav.password', permission: 'self' }],
  },
];
