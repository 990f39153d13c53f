export interface Product {
  id: string;
  name: string;
  priceCents: number;
}

/** The product catalogue; static until the inventory service exists. */
export const products: readonly Product[] = [
  { id: 'p-100', name: 'Espresso beans, 1 kg', priceCents: 2490 },
  { id: 'p-101', name: 'Filter coffee, 500 g', priceCents: 1190 },
  { id: 'p-102', name: 'Decaf beans, 500 g', priceCents: 1290 },
  { id: 'p-103', name: 'Hand grinder', priceCents: 6900 },
  { id: 'p-104', name: 'Pour-over dripper', priceCents: 2400 },
  { id: 'p-105', name: 'Paper filters, 100 pcs', priceCents: 490 },
  { id: 'p-106', name: 'Gooseneck kettle', priceCents: 5900 },
  { id: 'p-107', name: 'Milk jug, 350 ml', priceCents: 1800 },
  { id: 'p-108', name: 'Tamper, 58 mm', priceCents: 3200 },
  { id: 'p-109', name: 'Descaler, 3 doses', priceCents: 990 },
  { id: 'p-110', name: 'Travel mug', priceCents: 2200 },
  { id: 'p-111', name: 'Espresso cups, set of 2', priceCents: 1600 },
];

export function findProduct(id: string): Product | undefined {
  return products.find((product) => product.id === id);
}
