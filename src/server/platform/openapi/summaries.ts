/**
 * One English summary per API operation, keyed "METHOD /path" as the route file writes the path.
 * Parameter names do not matter for the lookup (`:id` and `:householdId` match alike), so a route
 * factory that renames them keeps its summary. A route missing here gets one derived from its path
 * (`derivedSummary`); add a line when the derived one reads badly.
 */
export const summaries: Record<string, string> = {
  'GET /api/health': 'Check that the server and its database answer',
  'GET /api/meta': 'Get the name, version and languages of this installation',

  'POST /api/auth/login': 'Sign in with user name and password',
  'GET /api/auth/me': 'Get the signed-in user',
  'POST /api/auth/logout': 'Sign out',
  'POST /api/auth/password': 'Change the own password',

  'GET /api/users': 'List user accounts',
  'POST /api/users': 'Create a user account',
  'PATCH /api/users/:id': 'Update a user account',

  'GET /api/sites': 'List sites',
  'POST /api/sites': 'Create a site',
  'PATCH /api/sites/:id': 'Update a site',

  'GET /api/reference/:list': 'List the values of a reference list',
  'POST /api/reference/:list': 'Add a value to a reference list',
  'PUT /api/reference/:list/order': 'Reorder a reference list',
  'PATCH /api/reference/:list/:code': 'Update or deactivate a reference value',

  'GET /api/audit': 'Search the audit log',

  'GET /api/households': 'List households in scope',
  'POST /api/households': 'Register a household',
  'GET /api/households/:id': 'Get a household with its members',
  'PATCH /api/households/:id': 'Update a household',
  'POST /api/households/:id/members': 'Add a member to a household',
  'PATCH /api/households/:id/members/:personId': 'Update a household member',
  'POST /api/households/:id/members/:personId/move': 'Move a member to another household',
  'GET /api/persons/search': 'Search persons by name and birth date',
  'GET /api/persons/duplicates': 'Check for possible duplicate persons',

  'POST /api/households/:id/contacts': 'Record a contact with a household',
  'GET /api/households/:id/contacts': 'List the contacts of a household',
  'POST /api/contacts/anonymous': 'Record a contact with an anonymous advice seeker',

  'POST /api/households/:id/needs': 'Record a needs assessment',
  'GET /api/households/:id/needs': 'List the needs assessments of a household',

  'POST /api/households/:id/consents': 'Record a consent',
  'GET /api/households/:id/consents': 'List the consents of a household',
  'POST /api/households/:id/consents/:subId/withdraw': 'Withdraw a consent',

  'POST /api/households/:id/referrals': 'Record a referral',
  'GET /api/households/:id/referrals': 'List the referrals of a household',
  'PATCH /api/households/:id/referrals/:subId': 'Update a referral',

  'POST /api/households/:id/followups': 'Create a follow-up',
  'GET /api/households/:id/followups': 'List the follow-ups of a household',
  'GET /api/followups': 'List follow-ups in scope',
  'PATCH /api/followups/:id': 'Update or complete a follow-up',

  'POST /api/households/:id/appointments': 'Create an appointment',
  'GET /api/households/:id/appointments': 'List the appointments of a household',
  'GET /api/appointments': 'List appointments in scope',
  'PATCH /api/appointments/:id': 'Update an appointment',

  'POST /api/households/:id/transfers': 'Transfer a household to another site',
  'GET /api/households/:id/transfers': 'List the transfers of a household',

  'POST /api/households/:id/caseplans': 'Create a case plan',
  'GET /api/households/:id/caseplans': 'List the case plans of a household',
  'PATCH /api/households/:id/caseplans/:subId': 'Update a case plan',

  'GET /api/my-day': "Get the signed-in user's appointments and follow-ups due",

  'GET /api/statistics/report': 'Get the statistics report for a period',
  'GET /api/statistics/sites': 'List the sites the statistics may cover',
  'GET /api/statistics/households-per-month': 'Count households registered per month',
  'GET /api/statistics/households-per-district': 'Count households per district',
  'GET /api/statistics/contact-types': 'Count contacts per contact type',
  'GET /api/statistics/reasons-by-life-area': 'Count reasons per life area',
  'GET /api/statistics/reasons-by-support-kind': 'Count reasons per support kind',
  'GET /api/statistics/reasons-matrix': 'Count reasons per life area and support kind',
  'GET /api/statistics/reasons-per-month': 'Count reasons per month',
  'GET /api/statistics/export.xlsx': 'Export the statistics report as XLSX',
  'GET /api/statistics/export.csv': 'Export the statistics report as CSV (for Excel or plain)',
  'GET /api/statistics/export.zip': 'Export the statistics report as a ZIP of CSV files',

  'GET /api/geo/districts': 'Get the district boundaries as GeoJSON',
  'PUT /api/geo/districts': 'Upload district boundaries as GeoJSON',
  'DELETE /api/geo/districts': 'Remove the uploaded district boundaries',

  'GET /api/mediators': 'List the pool of language mediators',
  'POST /api/mediators': 'Add a language mediator to the pool',
  'GET /api/mediators/available': 'Find the language mediators free at a time for a language',
  'GET /api/mediators/figures': 'Get the figures of language mediation (demand, not served, hours, cost)',
  'GET /api/mediators/:id': 'Get a language mediator',
  'PATCH /api/mediators/:id': 'Update a language mediator',
  'GET /api/mediator-bookings': 'List bookings of language mediators',
  'POST /api/mediator-bookings': 'Book a language mediator',
  'PATCH /api/mediator-bookings/:id': 'Change the status of a mediator booking',
};
