/**
 * Payments, kept in memory until the provider integration lands. Amounts are integer cents so
 * no rounding ever happens here; callers get copies, never the stored records.
 */
export type PaymentMethod = 'card' | 'invoice';
export type PaymentStatus = 'captured' | 'refunded';

export interface Payment {
  id: string;
  orderId: string;
  amountCents: number;
  currency: string;
  method: PaymentMethod;
  status: PaymentStatus;
  createdAt: string;
  refundedAt?: string;
}

export interface PaymentRequest {
  orderId: string;
  amountCents: number;
  method: PaymentMethod;
  /** ISO 4217 code; EUR when omitted. */
  currency?: string;
}

export type PaymentErrorCode = 'invalid_amount' | 'payment_not_found' | 'already_refunded';

export class PaymentError extends Error {
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PaymentError';
  }
}

const payments = new Map<string, Payment>();
let lastId = 0;

/** Captures a payment for an order. */
export function processPayment(request: PaymentRequest): Payment {
  if (!Number.isInteger(request.amountCents) || request.amountCents <= 0) {
    throw new PaymentError('invalid_amount', `amount must be a positive number of cents, got ${request.amountCents}`);
  }
  const payment: Payment = {
    id: `pay_${++lastId}`,
    orderId: request.orderId,
    amountCents: request.amountCents,
    currency: request.currency ?? 'EUR',
    method: request.method,
    status: 'captured',
    createdAt: new Date().toISOString(),
  };
  payments.set(payment.id, payment);
  return { ...payment };
}

/** Refunds a captured payment in full. A payment can be refunded once. */
export function refundPayment(paymentId: string): Payment {
  const payment = payments.get(paymentId);
  if (!payment) throw new PaymentError('payment_not_found', `payment ${paymentId} does not exist`);
  if (payment.status === 'refunded') throw new PaymentError('already_refunded', `payment ${paymentId} is already refunded`);
  payment.status = 'refunded';
  payment.refundedAt = new Date().toISOString();
  return { ...payment };
}

/** Every payment, oldest first; only those of one order when `orderId` is given. */
export function getPaymentHistory(orderId?: string): Payment[] {
  return [...payments.values()]
    .filter((payment) => orderId === undefined || payment.orderId === orderId)
    .map((payment) => ({ ...payment }));
}
