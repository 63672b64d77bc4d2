import * as s from '../../../shared/schemas/users.js';
import { resourceRoutes } from '../../platform/http.js';
import { createUser, listUsers, updateUser } from './service.js';

/** Accounts: the administration lists, creates and changes them (roles, sites, passwords). */
export const userRoutes = resourceRoutes({
  tags: ['users'],
  path: '/api/users',
  read: 'user.read',
  manage: 'user.manage',
  list: { querystring: s.listUsersQuery, response: s.userList, handler: listUsers },
  create: { body: s.createUserBody, response: s.user, handler: createUser },
  update: { params: s.userIdParams, body: s.updateUserBody, response: s.user, handler: updateUser },
});
