import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { readJson, sendJson } from '../http/json';
import type { Route } from '../http/router';

export interface User {
  id: string;
  email: string;
  createdAt: string;
}

interface StoredUser extends User {
  passwordHash: string;
}

const users = new Map<string, StoredUser>();

export const userRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/users',
    async handler({ req, res }) {
      const body = (await readJson(req)) as { email: string; password: string };
      const user: StoredUser = {
        id: randomUUID(),
        email: body.email,
        passwordHash: hashPassword(body.password),
        createdAt: new Date().toISOString(),
      };
      users.set(user.id, user);
      sendJson(res, 201, toPublicUser(user));
    },
  },
  {
    method: 'GET',
    path: '/api/users',
    handler({ res }) {
      sendJson(res, 200, [...users.values()].map(toPublicUser));
    },
  },
];

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}

function toPublicUser({ id, email, createdAt }: StoredUser): User {
  return { id, email, createdAt };
}
