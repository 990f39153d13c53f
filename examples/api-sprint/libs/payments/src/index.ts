export * from './payment-service';
