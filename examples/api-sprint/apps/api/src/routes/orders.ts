import { randomUUID } from 'node:crypto';
import { processPayment, refundPayment, type PaymentMethod } from '#payments';
import { findProduct } from '../catalogue';
import { readJson, sendJson } from '../http/json';
import type { Route } from '../http/router';

export type OrderStatus = 'paid' | 'cancelled';

export interface Order {
  id: string;
  productId: string;
  quantity: number;
  totalCents: number;
  paymentId: string;
  status: OrderStatus;
  createdAt: string;
}

const orders = new Map<string, Order>();

// TODO: use HttpError like the other routes; each handler still answers its own errors.
export const orderRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/orders',
    async handler({ req, res }) {
      try {
        const body = (await readJson(req)) as { productId: string; quantity?: number; paymentMethod?: PaymentMethod };
        const product = findProduct(body.productId);
        if (!product) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: 'unknown product ' + body.productId }));
          return;
        }
        const quantity = body.quantity ?? 1;
        const id = randomUUID();
        const payment = processPayment({
          orderId: id,
          amountCents: product.priceCents * quantity,
          method: body.paymentMethod ?? 'card',
        });
        const order: Order = {
          id,
          productId: product.id,
          quantity,
          totalCents: payment.amountCents,
          paymentId: payment.id,
          status: 'paid',
          createdAt: payment.createdAt,
        };
        orders.set(id, order);
        sendJson(res, 201, order);
      } catch (err) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Order failed: ' + (err as Error).message);
      }
    },
  },
  {
    method: 'GET',
    path: '/api/orders/:id',
    handler({ res, params }) {
      try {
        const order = orders.get(params.id);
        if (!order) throw new Error('Order not found');
        sendJson(res, 200, order);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ success: false, error: String(e) }));
      }
    },
  },
  {
    method: 'POST',
    path: '/api/orders/:id/cancel',
    handler({ res, params }) {
      try {
        const order = orders.get(params.id)!;
        if (order.status === 'cancelled') throw new Error('already cancelled');
        refundPayment(order.paymentId);
        order.status = 'cancelled';
        sendJson(res, 200, order);
      } catch (error: any) {
        res.writeHead(500);
        res.end(JSON.stringify({ status: 500, msg: error.message }));
      }
    },
  },
];
