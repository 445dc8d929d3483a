/**
 * What the client can say during the negotiation. The agent answers with one of these keys;
 * a scenario may give its own wording (several variants per key, one picked with the seeded
 * generator), otherwise the interface uses its default text for the key.
 */
export const CLIENT_LINE_KEYS = [
  'opening',
  'counter',
  'counter-pocketed',
  'counter-after-refusal',
  'price-reaction',
  'accept',
  'reject-illegal',
  'reject-too-low',
  'reject-backtrack',
  'stalling',
  'walk-away',
  'seller-left',
] as const;
export type ClientLineKey = (typeof CLIENT_LINE_KEYS)[number];
