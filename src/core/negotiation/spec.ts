import { z } from 'zod';
import { CLIENT_LINE_KEYS } from './client-lines.ts';
import { LocalizedTextSchema } from './localizedText.ts';
import { checkSpec } from './spec-checks.ts';
import { ClientTargetsSchema, KebabIdSchema, MoneySchema, NegotiableItemSchema, PercentSchema } from './spec-items.ts';

const OutcomeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, "-", "_" and "." only')
  .max(80);

export const SellerRoomSchema = z
  .strictObject({
    listPriceHt: MoneySchema.positive().describe('Tariff per unit (per unit and month when billing is "monthly").'),
    unitCostHt: MoneySchema.describe('Cost per unit (per unit and month when billing is "monthly").'),
    vatPercent: z.number().min(0).max(100).describe('VAT rate in percent (20, 10, 5.5, 2.1…).'),
    quantity: z.number().int().min(1).describe('Units in the quote before negotiation.'),
    billing: z
      .enum(['once', 'monthly'])
      .default('once')
      .describe(
        '"monthly": the price is per month and revenue runs over the commitment (a commitmentMonths item is then required).',
      ),
    maxDiscountPercent: PercentSchema.describe(
      'The discount the seller may grant alone; beyond it the seller is outside the mandate.',
    ),
    minTauxDeMarquePercent: PercentSchema.describe('Minimum taux de marque: sets the prix plancher = cost / (1 − m).'),
    priceDisplay: z
      .enum(['ht', 'ttc'])
      .optional()
      .describe(
        'How prices are shown to the player: "ht" (default, B2B) or "ttc" (a private buyer thinks TTC). Every figure is still computed HT; the table, the briefing and the terminal show TTC prices (with HT beside them), margins stay HT.',
      ),
    objectiveTauxDeMarquePercent: PercentSchema.optional().describe(
      'The margin the seller aims for; default: the taux de marque at list price.',
    ),
  })
  .describe("The seller's room to manoeuvre, shown to the player in the preparation.");
export type SellerRoom = z.infer<typeof SellerRoomSchema>;

export const ClientAgentSchema = z
  .strictObject({
    patience: z
      .number()
      .int()
      .min(1)
      .max(20)
      .describe('Irritation the client bears before walking away (stalling, lowballs…).'),
    concessionStyle: z
      .enum(['firm', 'steady', 'flexible'])
      .describe(
        'How the client concedes: "firm" holds long then gives at the end, "flexible" gives early, "steady" in even steps.',
      ),
    targets: ClientTargetsSchema,
    lines: z
      .partialRecord(z.enum(CLIENT_LINE_KEYS), z.array(LocalizedTextSchema).min(1))
      .optional()
      .describe('What the client says, per situation; several variants are picked at random (seeded).'),
  })
  .describe('The client agent: hidden from the player.');

/** The kinds of move a scenario can script: each move type, and a concession given for nothing. */
export const SCRIPTED_MOVES = [
  'present-price',
  'offer',
  'concede',
  'concede-free',
  'conditional-close',
  'refuse',
  'leave',
] as const;
export type ScriptedMove = (typeof SCRIPTED_MOVES)[number];

export const SellerTurnSchema = z
  .strictObject({
    line: LocalizedTextSchema.optional().describe('What the seller says when playing this kind of move.'),
    feedback: LocalizedTextSchema.optional().describe('What the jury says about it, in assisted mode.'),
  })
  .describe('A scripted seller turn: its words and the feedback on it, shown in assisted mode.');
export type SellerTurn = z.infer<typeof SellerTurnSchema>;

const NegotiationSpecObjectSchema = z.strictObject({
  id: KebabIdSchema.describe('Id of the negotiation step; dialogue choices lead to it with "next".'),
  items: z
    .array(NegotiableItemSchema)
    .min(1)
    .describe('What can be negotiated; exactly one price item (discountPercent or unitPrice).'),
  seller: SellerRoomSchema,
  client: ClientAgentSchema,
  sellerTurns: z
    .partialRecord(z.enum(SCRIPTED_MOVES), SellerTurnSchema)
    .optional()
    .describe(
      'Scripted seller turns per kind of move ("concede-free": a concession without counterpart, else "concede"): the seller\'s line and a feedback, shown in assisted mode.',
    ),
  outcomes: z
    .strictObject({
      deal: OutcomeIdSchema.describe('Node or ending reached when the client accepts.'),
      noDeal: OutcomeIdSchema.describe('Node or ending reached when the seller ends the negotiation.'),
      walkAway: OutcomeIdSchema.describe('Node or ending reached when the client walks away.'),
    })
    .describe('Where the dialogue goes after the negotiation.'),
});

export type NegotiationSpec = z.infer<typeof NegotiationSpecObjectSchema>;
/** What authors write: defaults (such as billing) may be left out. */
export type NegotiationSpecInput = z.input<typeof NegotiationSpecObjectSchema>;

/** What a scenario declares for the numeric negotiation of its closing phase. */
export const NegotiationSpecSchema = NegotiationSpecObjectSchema.superRefine(checkSpec).describe(
  "The numeric negotiation of the closing phase: items, the seller's room, the client agent.",
);
