import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type ApiClient } from './testing/api-client';

describe('api', () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('creates and lists users without exposing password hashes', async () => {
    const created = await api.request('POST', '/api/users', { email: 'ada@example.com', password: 'correct horse' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), email: 'ada@example.com', createdAt: expect.any(String) });

    const listed = await api.request('GET', '/api/users');
    expect(listed.body).toContainEqual(created.body);
  });

  it('returns one product by id', async () => {
    const response = await api.request('GET', '/api/products/p-103');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 'p-103', name: 'Hand grinder' });
  });

  it('places, reads and cancels an order', async () => {
    const placed = await api.request('POST', '/api/orders', { productId: 'p-101', quantity: 2 });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ productId: 'p-101', quantity: 2, totalCents: 2380, status: 'paid' });

    const read = await api.request('GET', `/api/orders/${placed.body.id}`);
    expect(read.body).toEqual(placed.body);

    const cancelled = await api.request('POST', `/api/orders/${placed.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await api.request('GET', '/api/nope');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: 'no route for GET /api/nope' } });
  });
});
