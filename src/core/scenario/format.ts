import { z } from 'zod';
import { ConditionSchema, GaugeSchema, PersonaFactSchema } from './conditions.ts';
import { ContentLanguageSchema, LocalizedTextSchema } from './text.ts';
import { NegotiationSpecSchema } from '../negotiation/spec.ts';

/**
 * Scenario format v2 — the contract teachers write. This file is the single source of truth:
 * the TypeScript types are inferred from it and `npm run schema` generates
 * scenarios/schema/scenario.v2.schema.json from it (a test fails when the committed schema
 * is stale). Objects are strict so that a typo such as "nxt" is reported, not ignored.
 * v2 (src/core/scenario/migrations.ts): freins have ids, `needs[].hidden` is gone.
 */
export const FORMAT_VERSION = 2 as const;

const T = LocalizedTextSchema;
export const KebabIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case: lowercase letters, digits and single hyphens')
  .max(80);
/** Ids of nodes, choices, needs, variables and endings: readable in a report and a URL. */
export const LocalIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, "-", "_" and "." only')
  .max(80);
export const SkillIdSchema = z
  .string()
  .regex(/^[a-z]+\.[a-z0-9-]+$/, 'a skill id such as "discovery.open-question"')
  .meta({ id: 'SkillId', description: 'A skill of the taxonomy in scenarios/referentials/skills.json.' });

export const JOB_FAMILIES = [
  'teleprospecteur',
  'televendeur',
  'conseiller-clientele-banque',
  'attache-commercial',
  'technico-commercial-agroalimentaire',
  'agent-general-assurances',
  'representant',
  'delegue-commercial',
  'charge-affaires',
  'vendeur',
  'animateur-ventes',
  'negociateur-grande-surface',
  'responsable-secteur',
  'chef-ventes',
] as const;
export const SETTINGS = ['office', 'phone', 'shop', 'home', 'bank', 'plant', 'meeting-room'] as const;
export const EXPRESSIONS = [
  'neutral',
  'smile',
  'interested',
  'skeptical',
  'worried',
  'annoyed',
  'surprised',
  'closed',
] as const;
export const GESTURES = [
  'none',
  'nod',
  'shake-head',
  'arms-crossed',
  'lean-forward',
  'lean-back',
  'look-at-watch',
  'take-notes',
  'handle-product',
  'hand-on-chin',
  'phone-call',
] as const;

const Gauge0to100 = z.number().int().min(0).max(100);
const GaugeDelta = z.number().int().min(-100).max(100);
const Money = z.number().min(0).max(1e9).describe('Euros, HT unless the field says otherwise');

export const SkillEvidenceSchema = z
  .strictObject({
    skill: SkillIdSchema,
    strength: z.number().int().min(1).max(3).optional().describe('How clearly the choice shows it (1–3, default 1).'),
    missed: z
      .boolean()
      .optional()
      .describe(
        'True when the choice fails to show this skill where it was expected: no points, but reported in the debrief.',
      ),
  })
  .meta({ id: 'SkillEvidence' });

export const EffectsSchema = z
  .strictObject({
    trust: GaugeDelta.optional(),
    interest: GaugeDelta.optional(),
    irritation: GaugeDelta.optional(),
    discover: z
      .array(LocalIdSchema)
      .optional()
      .describe('Needs of the client the player uncovers (ids from persona.needs).'),
    set: z
      .record(LocalIdSchema, z.union([z.boolean(), z.number()]))
      .optional()
      .describe('Declared variables set to a value.'),
    add: z
      .record(LocalIdSchema, z.number())
      .optional()
      .describe('Declared numeric variables increased (or decreased) by a value.'),
    note: T.optional().describe("A line added to the player's notebook."),
    reveal: z
      .array(PersonaFactSchema)
      .optional()
      .describe(
        'What the choice makes the client say about themself: "motive.securite", "frein.<id>", "budget", "decision-maker".',
      ),
  })
  .meta({ id: 'Effects' });

/**
 * A variant of a line or of a choice's text: shown instead of the base text when its condition
 * holds (the first variant whose condition holds wins). What a line says can then depend on
 * what was said or revealed before, so that no line is shown on a branch it was not written for.
 */
export const TextVariantSchema = z
  .strictObject({
    when: ConditionSchema,
    text: T,
    presumes: z
      .array(LocalIdSchema)
      .optional()
      .describe('Needs this variant takes as known; `negosim check` warns when a path reaches it without them.'),
  })
  .meta({ id: 'TextVariant' });

const PresumesSchema = z
  .array(LocalIdSchema)
  .optional()
  .describe(
    'Needs of the client this text takes as known (ids from persona.needs): `negosim check` warns (NS114) ' +
      'when some path reaches it before they are discovered.',
  );

export const ChoiceConditionSchema = z.strictObject({
  when: ConditionSchema,
  unmet: z
    .enum(['hide', 'disable'])
    .optional()
    .describe('What happens when the condition does not hold (default: hide).'),
  reason: T.optional().describe('Shown next to a disabled choice.'),
});

/** The techniques of the objection-response grid (domain reference §c.4); objection-techniques.ts says which suit which kind. */
export const OBJECTION_TECHNIQUES = [
  'questioning',
  'yes-but',
  'boomerang',
  'compensation',
  'testimony',
  'proof',
  'postpone',
  'anticipation',
] as const;

const choiceFields = {
  id: LocalIdSchema,
  text: T.describe('What the seller says or does.'),
  skills: z.array(SkillEvidenceSchema).optional(),
  effects: EffectsSchema.optional(),
  feedback: T.describe('Why this choice is good or poor, shown after it.'),
  better: T.optional().describe('For a poor choice: what a better seller would have done.'),
  betterChoice: LocalIdSchema.optional().describe(
    'For a poor choice: the id of the better choice, if it is one of the options.',
  ),
  condition: ChoiceConditionSchema.optional(),
  variants: z
    .array(TextVariantSchema)
    .optional()
    .describe('Other wordings of `text`, each with a condition; the first that holds is shown.'),
  presumes: PresumesSchema,
  targets: PersonaFactSchema.optional().describe(
    'The motive, frein, budget or decision-maker this argument speaks to; the debrief says whether it was found first.',
  ),
  technique: z
    .enum(OBJECTION_TECHNIQUES)
    .optional()
    .describe("For an answer to an objection: the technique it uses, checked against the objection's kind."),
};

export const ChoiceSchema = z
  .strictObject({
    ...choiceFields,
    next: LocalIdSchema.describe('Id of the next node, of the negotiation step or of an ending.'),
  })
  .meta({ id: 'Choice' });
export const PreparationChoiceSchema = z
  .strictObject({
    ...choiceFields,
    next: LocalIdSchema.optional().describe('Next preparation step; absent when the preparation is complete.'),
  })
  .meta({ id: 'PreparationChoice' });

export const CueSchema = z.strictObject({
  expression: z.enum(EXPRESSIONS).optional(),
  gesture: z.enum(GESTURES).optional(),
});

/** The classroom typology of objections (domain reference §c.4); the debrief names the kind. */
export const OBJECTION_KINDS = ['sincere-founded', 'sincere-unfounded', 'pretext', 'tacit', 'principle'] as const;

export const NodeSchema = z
  .strictObject({
    id: LocalIdSchema,
    speaker: LocalIdSchema.describe('"client", "narrator", "seller" or the id of a cast member.'),
    text: T,
    variants: z
      .array(TextVariantSchema)
      .optional()
      .describe('Other wordings of `text`, each with a condition; the first that holds is shown, else `text`.'),
    presumes: PresumesSchema,
    cue: CueSchema.optional().describe('Non-verbal signs the client shows — the jury reads them too.'),
    objection: z
      .strictObject({ kind: z.enum(OBJECTION_KINDS) })
      .optional()
      .describe(
        'This line is an objection: sincère et fondée, sincère mais non fondée, prétexte, tacite (non dite), de principe.',
      ),
    choices: z.array(ChoiceSchema),
  })
  .meta({ id: 'Node' });

export const PreparationNodeSchema = z
  .strictObject({ id: LocalIdSchema, text: T, choices: z.array(PreparationChoiceSchema).min(1) })
  .meta({ id: 'PreparationNode' });

const phaseFields = {
  setting: z.enum(SETTINGS).optional().describe('Where this phase takes place (default: meta.setting).'),
  nodes: z.array(NodeSchema),
};
const phase = () => z.strictObject(phaseFields);

export const PhasesSchema = z.strictObject({
  prospection: phase(),
  discovery: phase(),
  argument: phase(),
  objection: phase(),
  closing: z.strictObject({
    ...phaseFields,
    negotiation: NegotiationSpecSchema.optional().describe('The numeric price negotiation step.'),
  }),
  followup: phase(),
});

/**
 * Ending texts may hold placeholders filled from the negotiated terms, such as {{commitmentMonths}}
 * or {{netPrice}} (see ENDING_PLACEHOLDERS in ending-template.ts and docs/authoring.md).
 */
const endingBase = { id: LocalIdSchema, title: T, summary: T };
export const EndingSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      ...endingBase,
      kind: z.literal('sale'),
      terms: z.strictObject({ description: T, revenueHT: Money.optional(), costHT: Money.optional() }),
    }),
    z.strictObject({ ...endingBase, kind: z.literal('appointment'), nextStep: T }),
    z.strictObject({ ...endingBase, kind: z.literal('lost'), reason: T }),
    z
      .strictObject({ ...endingBase, kind: z.literal('kept'), followUp: T })
      .describe(
        'The appointment was kept and the relationship too, but no order today: `followUp` says the dated next step.',
      ),
  ])
  .meta({ id: 'Ending' });

export const LookSchema = z.strictObject({
  skin: z.enum(['light', 'medium', 'tan', 'dark']).optional(),
  hair: z.enum(['short', 'long', 'bun', 'curly', 'bald']).optional(),
  hairColor: z.enum(['black', 'brown', 'blond', 'red', 'grey']).optional(),
  outfit: z.enum(['suit', 'shirt', 'casual', 'workwear', 'blouse']).optional(),
  glasses: z.boolean().optional(),
});

export const PersonaSchema = z.strictObject({
  name: z.string().min(1),
  gender: z
    .enum(['female', 'male'])
    .optional()
    .describe(
      'How mood words and stage directions agree in French (« méfiante », « a l’air inquiète »); absent: masculine.',
    ),
  role: T,
  company: z.string().min(1),
  personality: T.describe('Shown in the debrief beside the motives the player found.'),
  motives: z
    .strictObject({
      securite: z.number().min(0).max(5),
      orgueil: z.number().min(0).max(5),
      nouveaute: z.number().min(0).max(5),
      confort: z.number().min(0).max(5),
      argent: z.number().min(0).max(5),
      sympathie: z.number().min(0).max(5),
      environnement: z.number().min(0).max(5).optional(),
    })
    .describe('SONCAS(E) buying motives, 0–5. Hidden from the player; shown in the debrief.'),
  freins: z
    .array(z.strictObject({ id: LocalIdSchema, label: T }))
    .describe('Reasons not to buy; `effects.reveal` "frein.<id>" uncovers one.'),
  budget: z.strictObject({ amountHT: Money.optional(), note: T }),
  decisionMaker: z.strictObject({ isDecisionMaker: z.boolean(), note: T }),
  needs: z
    .array(z.strictObject({ id: LocalIdSchema, label: T }))
    .describe('What the player can uncover; effects.discover adds them to the notebook.'),
  initial: z.strictObject({ trust: Gauge0to100, interest: Gauge0to100, irritation: Gauge0to100 }),
  patience: z
    .strictObject({ irritationLimit: z.number().int().min(1).max(100), ending: LocalIdSchema })
    .optional()
    .describe('When irritation reaches the limit the client ends the meeting: the visit goes to this ending.'),
  look: LookSchema.optional(),
});

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(FORMAT_VERSION),
    meta: z.strictObject({
      id: KebabIdSchema,
      version: z
        .string()
        .regex(/^\d+\.\d+\.\d+$/)
        .optional()
        .describe("Version of this scenario's content (semver)."),
      title: T,
      summary: T,
      sector: T,
      jobFamily: z.enum(JOB_FAMILIES),
      difficulty: z.number().int().min(1).max(3).describe('1 = first-year student, 3 = exam level and beyond.'),
      estimatedMinutes: z.number().int().min(1).max(180),
      languages: z.array(ContentLanguageSchema).min(1).describe('Every text must exist in each of these languages.'),
      tags: z.array(z.string().min(1).max(40)),
      setting: z.enum(SETTINGS),
      skills: z
        .array(SkillIdSchema)
        .optional()
        .describe('Skills this scenario sets out to exercise; `negosim check` reports those no choice evidences.'),
      authors: z.array(z.string()).optional(),
      license: z.string().optional(),
    }),
    brief: z.strictObject({
      seller: z.strictObject({ company: z.string().min(1), role: T, description: T }),
      context: T.describe('The history of the relationship: where the visit comes in.'),
      offer: z.strictObject({
        description: T,
        vatRate: z.number().min(0).max(30).describe('VAT rate in percent (20, 10, 5.5, 2.1…).'),
        items: z
          .array(
            z.strictObject({
              id: LocalIdSchema,
              label: T,
              unit: T.optional(),
              listPriceHT: Money,
              costHT: Money.optional(),
            }),
          )
          .min(1),
      }),
      objectives: z
        .strictObject({ high: T, realistic: T, fallback: T })
        .describe('Objectives at three levels: haut, réaliste, de repli.'),
      constraints: z.array(T),
      knownAboutClient: z.array(T),
    }),
    persona: PersonaSchema,
    cast: z
      .array(z.strictObject({ id: LocalIdSchema, name: z.string().min(1), role: T, look: LookSchema.optional() }))
      .optional()
      .describe('Other people in the scene (a switchboard operator, an assistant…).'),
    variables: z
      .array(
        z.strictObject({
          id: LocalIdSchema,
          type: z.enum(['flag', 'number']),
          initial: z.union([z.boolean(), z.number()]).optional(),
          description: T.optional(),
        }),
      )
      .optional()
      .describe('Flags and counters that effects change and conditions read. Declare them so typos are caught.'),
    preparation: z
      .strictObject({ intro: T.optional(), nodes: z.array(PreparationNodeSchema).min(1) })
      .optional()
      .describe('Choices made before the visit (objectives, questions, arguments to prepare).'),
    start: LocalIdSchema.optional().describe('First node of the visit (default: the first node of prospection).'),
    phases: PhasesSchema,
    endings: z.array(EndingSchema).min(1),
  })
  .meta({ id: 'Scenario', title: `NegoSim scenario, format v${FORMAT_VERSION}` });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioNode = z.infer<typeof NodeSchema>;
export type Choice = z.infer<typeof ChoiceSchema>;
export type PreparationNode = z.infer<typeof PreparationNodeSchema>;
export type PreparationChoice = z.infer<typeof PreparationChoiceSchema>;
export type Ending = z.infer<typeof EndingSchema>;
export type TextVariant = z.infer<typeof TextVariantSchema>;
export type Effects = z.infer<typeof EffectsSchema>;
export type SkillEvidence = z.infer<typeof SkillEvidenceSchema>;
export type Setting = (typeof SETTINGS)[number];
export type Expression = (typeof EXPRESSIONS)[number];
export type Gesture = (typeof GESTURES)[number];
export type ObjectionKind = (typeof OBJECTION_KINDS)[number];
export type ObjectionTechnique = (typeof OBJECTION_TECHNIQUES)[number];
export type JobFamily = (typeof JOB_FAMILIES)[number];
export { GaugeSchema };
