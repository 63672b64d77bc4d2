import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../app/guards';
import type { NavItem } from '../../app/navigation';

const PrivacyNoticesPage = lazyPage(() => import('./PrivacyNoticesPage'), 'PrivacyNoticesPage');
const ProcessingRecordPage = lazyPage(() => import('./ProcessingRecordPage'), 'ProcessingRecordPage');

/** Privacy notices (all staff, the DPO edits) and the record of processing activities (DPO, admin). */
export const privacyNoticeRoutes: RouteObject[] = [
  guarded('privacy-notices', 'privacyNotice.read', PrivacyNoticesPage),
  guarded('processing-record', 'processingRecord.read', ProcessingRecordPage),
];

/** in the work section: staff print the notice for a household */
export const privacyNoticeNav: NavItem[] = [
  { to: '/privacy-notices', labelKey: 'dpo.notices.nav', permission: 'privacyNotice.read' },
];

/** in the administration section, beside the audit log */
export const processingRecordNav: NavItem[] = [
  { to: '/processing-record', labelKey: 'dpo.record.nav', permission: 'processingRecord.read' },
];
