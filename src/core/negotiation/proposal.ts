import { termFavour } from './item-scales.ts';
import type { NegotiationSpec } from './spec.ts';
import type { ItemKind } from './spec-items.ts';
import type { Terms, TermValue } from './terms.ts';

export interface Change {
  kind: ItemKind;
  from: TermValue;
  to: TermValue;
}

/** What a proposal gives to the client (concessions) and takes back for the seller (gains). */
export interface ProposalAnalysis {
  concessions: Change[];
  gains: Change[];
}

/**
 * Item by item against the seller's standing terms. A set of services can do both at once:
 * adding a service is a concession, removing one is a gain.
 */
export function compareTerms(spec: NegotiationSpec, standing: Terms, proposed: Terms): ProposalAnalysis {
  const concessions: Change[] = [];
  const gains: Change[] = [];
  for (const { kind } of spec.items) {
    const from = standing[kind];
    const to = proposed[kind];
    if (from === undefined || to === undefined) continue;
    const change = { kind, from, to };
    if (kind === 'services') {
      const before = from as string[];
      const after = to as string[];
      if (after.some((id) => !before.includes(id))) concessions.push(change);
      if (before.some((id) => !after.includes(id))) gains.push(change);
      continue;
    }
    const delta = termFavour(spec, proposed, kind).minus(termFavour(spec, standing, kind));
    if (delta.gt(0)) concessions.push(change);
    if (delta.lt(0)) gains.push(change);
  }
  return { concessions, gains };
}
