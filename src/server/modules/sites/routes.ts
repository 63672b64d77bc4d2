import * as s from '../../../shared/schemas/sites.js';
import { resourceRoutes } from '../../platform/http.js';
import { createSite, listSites, updateSite } from './service.js';

/** Sites (Standorte): every signed-in role reads them; the administration keeps them. */
export const siteRoutes = resourceRoutes({
  tags: ['sites'],
  path: '/api/sites',
  read: 'site.read',
  manage: 'site.manage',
  list: { response: s.siteList, handler: listSites },
  create: { body: s.createSiteBody, response: s.site, handler: createSite },
  update: { params: s.siteIdParams, body: s.updateSiteBody, response: s.site, handler: updateSite },
});
