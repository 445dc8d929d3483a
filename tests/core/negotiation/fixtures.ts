import {
  type NegotiationSpec,
  type NegotiationSpecInput,
  NegotiationSpecSchema,
} from '../../../src/core/negotiation/index.ts';

/**
 * A copier rental negotiated with an office manager: two copiers at 200 € HT a month each,
 * costing the seller 120 € a month. Mandate 10 %; minimum taux de marque 30 %, so the floor is
 * 171,43 € (14,29 % off). The client opens with « 10 % puis 5 % » (14,5 %), 60 days' payment,
 * free training and a 12-month commitment.
 */
export const copierInput: NegotiationSpecInput = {
  id: 'copier-rental',
  items: [
    { kind: 'discountPercent', max: 25 },
    { kind: 'commitmentMonths', min: 12, max: 48, base: 12 },
    { kind: 'paymentDays', maxDays: 90, base: { days: 30, endOfMonth: false } },
    {
      kind: 'services',
      options: [
        {
          id: 'training',
          label: { fr: 'Formation de deux utilisateurs', en: 'Training for two users' },
          costHt: 300,
          valueForClientHt: 600,
        },
        {
          id: 'extended-warranty',
          label: { fr: 'Garantie étendue', en: 'Extended warranty' },
          costHt: 400,
          valueForClientHt: 500,
        },
      ],
    },
    { kind: 'deliveryDays', min: 2, max: 30, base: 10 },
    { kind: 'quantity', min: 1, max: 5 },
  ],
  seller: {
    listPriceHt: 200,
    unitCostHt: 120,
    vatPercent: 20,
    quantity: 2,
    billing: 'monthly',
    maxDiscountPercent: 10,
    minTauxDeMarquePercent: 30,
    objectiveTauxDeMarquePercent: 35,
  },
  client: {
    patience: 6,
    concessionStyle: 'steady',
    targets: {
      discountPercent: { opening: [10, 5], reservation: 6, weight: 3 },
      commitmentMonths: { opening: 12, reservation: 36, weight: 1 },
      paymentDays: {
        opening: { days: 60, endOfMonth: false },
        reservation: { days: 30, endOfMonth: false },
        weight: 1,
      },
      services: { opening: ['training'], reservation: [], weight: 1 },
      deliveryDays: { opening: 5, reservation: 15, weight: 0.5 },
    },
    lines: {
      opening: [
        {
          fr: 'Il me faudrait 10 % puis 5 % de remise, et un paiement à 60 jours.',
          en: 'I would need 10% then 5% off, and 60 days to pay.',
        },
      ],
      accept: [
        { fr: 'Marché conclu.', en: 'Deal.' },
        { fr: 'Très bien, on signe.', en: 'Fine, let us sign.' },
      ],
    },
  },
  outcomes: { deal: 'closing-deal', noDeal: 'closing-no-deal', walkAway: 'client-walks-away' },
};

/** A B2C car sale negotiated on the price itself: list 18 900 € HT, cost 15 500 €, floor at 8 % de marque. */
export const carInput: NegotiationSpecInput = {
  id: 'car-sale',
  items: [
    { kind: 'unitPrice', min: 15000 },
    { kind: 'deliveryDays', min: 7, max: 60, base: 30 },
    {
      kind: 'services',
      options: [
        { id: 'floor-mats', label: { fr: 'Tapis de sol' }, costHt: 40, valueForClientHt: 120 },
        { id: 'first-service', label: { fr: 'Première révision offerte' }, costHt: 150, valueForClientHt: 250 },
        { id: 'full-tank', label: { fr: 'Plein d’essence' }, costHt: 70, valueForClientHt: 80 },
      ],
    },
  ],
  seller: {
    listPriceHt: 18900,
    unitCostHt: 15500,
    vatPercent: 20,
    quantity: 1,
    maxDiscountPercent: 5,
    minTauxDeMarquePercent: 8,
  },
  client: {
    patience: 4,
    concessionStyle: 'firm',
    targets: {
      unitPrice: { opening: 16900, reservation: 18200, weight: 4 },
      services: { opening: ['floor-mats', 'first-service', 'full-tank'], reservation: ['floor-mats'], weight: 1 },
      deliveryDays: { opening: 7, reservation: 30, weight: 1 },
    },
  },
  outcomes: { deal: 'car-deal', noDeal: 'car-no-deal', walkAway: 'car-walk-away' },
};

export const copier: NegotiationSpec = NegotiationSpecSchema.parse(copierInput);
export const car: NegotiationSpec = NegotiationSpecSchema.parse(carInput);

export const warmClient = { trust: 70, interest: 80, valueEstablished: true };
export const coldClient = { trust: 10, interest: 20, valueEstablished: false };
