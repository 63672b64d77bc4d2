import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../app/guards';

const AccessReportPage = lazyPage(() => import('./AccessReportPage'), 'AccessReportPage');
const EmergencyPage = lazyPage(() => import('./EmergencyPage'), 'EmergencyPage');

/** Subject access and break-the-glass: the access report (site lead, DPO) and the emergency form. */
export const privacyRoutes: RouteObject[] = [
  guarded('households/:id/accesses', 'person.export', AccessReportPage),
  guarded('emergency-access', 'household.emergency', EmergencyPage),
];
