import type { FastifyInstance } from 'fastify';
import {
  createUserBody,
  listUsersQuery,
  updateUserBody,
  user,
  userIdParams,
  userList,
} from '../../../shared/schemas/users.js';
import { actorContext } from '../../platform/audit.js';
import { type ModuleDeps, responses, typed } from '../../platform/http.js';
import { createUser, listUsers, updateUser } from './service.js';

export function userRoutes(app: FastifyInstance, { database }: ModuleDeps) {
  const r = typed(app);
  const { db } = database;

  r.get(
    '/api/users',
    {
      config: { permission: 'user.read' },
      schema: { tags: ['users'], querystring: listUsersQuery, response: responses({ 200: userList }) },
    },
    async (request) => listUsers(db, request.query),
  );

  r.post(
    '/api/users',
    {
      config: { permission: 'user.manage' },
      schema: { tags: ['users'], body: createUserBody, response: responses({ 201: user }) },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(db, actorContext(request), request.body)),
  );

  r.patch(
    '/api/users/:id',
    {
      config: { permission: 'user.manage' },
      schema: {
        tags: ['users'],
        params: userIdParams,
        body: updateUserBody,
        response: responses({ 200: user }),
      },
    },
    async (request) => updateUser(db, actorContext(request), request.params.id, request.body),
  );
}
