import { createServer, type Server } from 'node:http';
import { Router } from './http/router';
import { orderRoutes } from './routes/orders';
import { productRoutes } from './routes/products';
import { userRoutes } from './routes/users';

/** The API as a node:http server; main.ts makes it listen, tests use a random port. */
export function createApp(): Server {
  const router = new Router([...userRoutes, ...productRoutes, ...orderRoutes]);
  return createServer((req, res) => void router.handle(req, res));
}
