import { floorPriceOf } from '../negotiation/economics.ts';
import { VISIT_PHASES, type VisitPhase } from '../phases.ts';
import type { Scenario } from '../scenario/format.ts';
import { pickText, type ContentLanguage } from '../scenario/text.ts';

/** The simulation of the NDRC E4 lasts up to 20 minutes; the fiche-sujet says so. */
export const EXAM_SIMULATION_MINUTES = 20;
/** The preparation « en loge » before the oral. */
export const EXAM_PREPARATION_MINUTES = 40;

export interface FicheActor {
  name: string;
  role: string;
  company: string;
  /** Who plays whom at the exam: the candidate plays the seller; a jury member plays the others. */
  playedBy: 'candidate' | 'jury';
}

/**
 * The candidate side of an E4 fiche-sujet (session 2024 template, domain reference §a.2), built
 * from the fields every scenario already has. Only what the candidate may read: the client's
 * motives, freins and objections (the jury side) are never in it.
 */
export interface FicheSujet {
  /** Scenarios are sales visits: the « négociation-vente et accompagnement de la relation client » activity. */
  activity: 'negotiation';
  object: string;
  /** Length of the simulation, in minutes. */
  minutes: number;
  place: { setting: Scenario['meta']['setting']; company: string };
  /** The phases of the method this scenario plays, in order (délimitation de la séquence). */
  sequence: VisitPhase[];
  actors: FicheActor[];
  history: string;
  objectives: { high: string; realistic: string; fallback: string };
  /** Informations à exploiter: what is known of the client, and the offer's tariff (HT). */
  information: string[];
  tariff: { label: string; listPriceHT: number; unit: string }[];
  vatRate: number;
  constraints: string[];
  /** The seller's mandate in the negotiation, when the scenario has one. */
  mandate: { maxDiscountPercent: number; floorPriceHT: number; minTauxDeMarquePercent: number } | null;
}

/** The fiche-sujet of a scenario in one language. Pure: the same scenario gives the same fiche. */
export function ficheSujet(scenario: Scenario, lang: ContentLanguage): FicheSujet {
  const { brief, persona, phases, meta } = scenario;
  const tx = (x: Parameters<typeof pickText>[0]) => pickText(x, lang);
  const spec = phases.closing.negotiation;
  const sequence = VISIT_PHASES.filter((p) => phases[p].nodes.length > 0 || (p === 'closing' && spec !== undefined));
  const floor = spec ? floorPriceOf(spec).toNumber() : null;
  return {
    activity: 'negotiation',
    object: tx(brief.offer.description),
    minutes: EXAM_SIMULATION_MINUTES,
    place: { setting: meta.setting, company: persona.company },
    sequence,
    actors: [
      { name: '', role: tx(brief.seller.role), company: brief.seller.company, playedBy: 'candidate' },
      { name: persona.name, role: tx(persona.role), company: persona.company, playedBy: 'jury' },
      ...(scenario.cast ?? []).map((c) => ({
        name: c.name,
        role: tx(c.role),
        company: persona.company,
        playedBy: 'jury' as const,
      })),
    ],
    history: tx(brief.context),
    objectives: {
      high: tx(brief.objectives.high),
      realistic: tx(brief.objectives.realistic),
      fallback: tx(brief.objectives.fallback),
    },
    information: brief.knownAboutClient.map(tx),
    tariff: brief.offer.items.map((i) => ({ label: tx(i.label), listPriceHT: i.listPriceHT, unit: tx(i.unit) })),
    vatRate: brief.offer.vatRate,
    constraints: brief.constraints.map(tx),
    mandate:
      spec && floor !== null && Number.isFinite(floor)
        ? {
            maxDiscountPercent: spec.seller.maxDiscountPercent,
            floorPriceHT: floor,
            minTauxDeMarquePercent: spec.seller.minTauxDeMarquePercent,
          }
        : null,
  };
}
