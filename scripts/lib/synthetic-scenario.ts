import { VISIT_PHASES } from '../../src/core/phases.ts';
import { nextInt, seedRng, type RngState } from '../../src/core/random.ts';
import type { SkillBook } from '../../src/core/referentials/skill-book.ts';

/**
 * A large, valid scenario for benchmarks and scale tests: `layers` layers of `width` nodes,
 * phases spread over the layers in order, each node with `fanOut` choices to the next layer.
 * With 200 layers of 10 nodes and 3 choices there are about 3^200 ≈ 10^95 paths.
 */
export function syntheticScenario(options: {
  skills: SkillBook;
  nodes: number;
  width?: number;
  fanOut?: number;
  seed?: number;
  /**
   * Needs to declare (default none): the first choice of every 7th layer discovers one, and the
   * line of every 5th layer has a variant that presumes one — what the conditional-dialogue check reads.
   */
  needs?: number;
}): Record<string, unknown> {
  const needCount = options.needs ?? 0;
  const need = (n: number) => `need-${n % Math.max(1, needCount)}`;
  const width = options.width ?? 10;
  const fanOut = options.fanOut ?? 3;
  const layers = Math.max(VISIT_PHASES.length, Math.ceil(options.nodes / width));
  let rng: RngState = seedRng(options.seed ?? 7);
  const pick = (n: number) => {
    let i: number;
    [i, rng] = nextInt(rng, n);
    return i;
  };
  const text = (s: string) => ({ fr: s, en: s });
  const good = options.skills.all.filter((s) => s.polarity === 'positive').map((s) => s.id);
  const poor = options.skills.all.filter((s) => s.polarity === 'negative').map((s) => s.id);
  const phases = Object.fromEntries(VISIT_PHASES.map((p) => [p, { nodes: [] as unknown[] }]));
  const id = (layer: number, i: number) => `n${layer}-${i}`;
  const endings = ['end-sale', 'end-appointment', 'end-lost'];
  for (let layer = 0; layer < layers; layer++) {
    const phase = VISIT_PHASES[
      Math.min(VISIT_PHASES.length - 1, Math.floor((layer * VISIT_PHASES.length) / layers))
    ] as string;
    const count = layer === 0 ? 1 : width;
    for (let i = 0; i < count; i++) {
      const choices = Array.from({ length: fanOut }, (_, c) => {
        const isPoor = c === fanOut - 1;
        const next = layer === layers - 1 ? endings[(i + c) % endings.length] : id(layer + 1, pick(width));
        return {
          id: `${id(layer, i)}-c${c}`,
          text: text(`Choix ${c}`),
          skills: [{ skill: isPoor ? poor[pick(poor.length)] : good[pick(good.length)], strength: 1 + pick(3) }],
          feedback: text('Retour.'),
          ...(isPoor ? { better: text('Mieux.') } : {}),
          ...(needCount && c === 0 && layer % 7 === 0 ? { effects: { discover: [need(layer + i)] } } : {}),
          next,
        };
      });
      (phases[phase] as { nodes: unknown[] }).nodes.push({
        id: id(layer, i),
        speaker: 'client',
        text: text(`Réplique ${layer}-${i}`),
        ...(needCount && layer % 5 === 0
          ? { variants: [{ when: { visited: id(0, 0) }, text: text('Variante'), presumes: [need(layer * width + i)] }] }
          : {}),
        choices,
      });
    }
  }
  return {
    formatVersion: 1,
    meta: {
      id: `synthetic-${options.nodes}`,
      title: text('Synthétique'),
      summary: text('Scénario généré.'),
      sector: text('Test'),
      jobFamily: 'attache-commercial',
      difficulty: 2,
      estimatedMinutes: 60,
      languages: ['fr', 'en'],
      tags: [],
      setting: 'office',
    },
    brief: {
      seller: { company: 'Test', role: text('Vendeur'), description: text('Test.') },
      context: text('Test.'),
      offer: {
        description: text('Test.'),
        vatRate: 20,
        items: [{ id: 'item', label: text('Article'), listPriceHT: 100, costHT: 60 }],
      },
      objectives: { high: text('Haut.'), realistic: text('Réaliste.'), fallback: text('Repli.') },
      constraints: [],
      knownAboutClient: [],
    },
    persona: {
      name: 'Client Test',
      role: text('Acheteur'),
      company: 'Test',
      personality: text('Neutre.'),
      motives: { securite: 1, orgueil: 1, nouveaute: 1, confort: 1, argent: 1, sympathie: 1 },
      freins: [],
      budget: { note: text('Inconnu.') },
      decisionMaker: { isDecisionMaker: true, note: text('Oui.') },
      needs: Array.from({ length: needCount }, (_, n) => ({ id: `need-${n}`, label: text(`Besoin ${n}`) })),
      initial: { trust: 50, interest: 50, irritation: 0 },
    },
    phases,
    endings: [
      {
        id: 'end-sale',
        kind: 'sale',
        title: text('Vente'),
        summary: text('Vente.'),
        terms: { description: text('Conditions.') },
      },
      {
        id: 'end-appointment',
        kind: 'appointment',
        title: text('RDV'),
        summary: text('RDV.'),
        nextStep: text('Suite.'),
      },
      { id: 'end-lost', kind: 'lost', title: text('Perdu'), summary: text('Perdu.'), reason: text('Raison.') },
    ],
  };
}
