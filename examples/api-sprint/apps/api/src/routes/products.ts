import { findProduct, products } from '../catalogue';
import { notFound } from '../http/errors';
import { sendJson } from '../http/json';
import type { Route } from '../http/router';

export const productRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/products',
    handler({ res }) {
      sendJson(res, 200, products);
    },
  },
  {
    method: 'GET',
    path: '/api/products/:id',
    handler({ res, params }) {
      const product = findProduct(params.id);
      if (!product) throw notFound(`product ${params.id} does not exist`);
      sendJson(res, 200, product);
    },
  },
];
