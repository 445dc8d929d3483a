import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { printEvaluation } from '../../src/cli/play/evaluation-text.ts';
import { cliResources } from '../../src/cli/cli-resources.ts';
import { baseTerms, type Terms } from '../../src/core/negotiation/index.ts';
import { negotiationResult } from '../../src/core/negotiation/result.ts';
import { eventOfStep } from '../../src/core/playthroughs/path.ts';
import type { Playthrough } from '../../src/core/playthroughs/format.ts';
import type { ScenarioIndex } from '../../src/core/scenario/scenario-index.ts';
import { evaluateVisit } from '../../src/core/scoring/evaluate.ts';
import { openVisit } from '../../src/core/visit/visit-session.ts';
import type { VisitContext } from '../../src/core/visit/visit-types.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import type { UiLanguage } from '../../src/i18n/languages.ts';
import { formats } from '../../src/present/format.ts';
import { describeValue } from '../../src/present/negotiation.ts';
import { visitView } from '../../src/present/visit-view.ts';
import { pack } from '../support/referentials.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';

/**
 * Acceptance of issue 12 (« endings from the deal »): every shipped playthrough is replayed, and
 * the ending it reaches — as the game's end card and as `negosim play` prints it — says the
 * terms the negotiation agreed: no placeholder left, and every duration, discount, payment term
 * or lead time the text names is the agreed one.
 */
const LANGS: UiLanguage[] = ['fr', 'en'];
const gameT = (lang: UiLanguage) => createI18n(lang, gameResources).t;
const cliT = (lang: UiLanguage) => createI18n(lang, cliResources).t;

function replay(index: ScenarioIndex, p: Playthrough): VisitContext {
  const session = openVisit(index, { seed: p.seed ?? 1, shuffle: false });
  for (const step of p.path) {
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
    if (!session.send(eventOfStep(step)).ok) break;
  }
  return session.context();
}

/** The ending lines `negosim play` prints: from « Fin : » to the mark. */
function cliEndingText(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage): string {
  const lines: string[] = [];
  const t = cliT(lang);
  printEvaluation(evaluateVisit(index, pack('ndrc'), ctx), index, ctx, pack('ndrc'), lang, (l) => lines.push(l), t);
  // A blank line, « Fin : titre — résumé », then the ending's detail (terms, next step…) when it has one.
  return lines.slice(0, 3).join('\n');
}

/** Figures of negotiated items found in a text, with the value the deal wrote for each. */
function expectAgreedFigures(text: string, index: ScenarioIndex, terms: Terms, lang: UiLanguage, t: TFunction): void {
  const spec = index.scenario.phases.closing.negotiation;
  // Compared with plain spaces: the locale writes « 24 mois » with a no-break space, an author may not.
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  const say = (kind: Parameters<typeof describeValue>[0]) => plain(describeValue(kind, terms[kind], lang, t, spec));
  const withoutVat = plain(text).replace(/(?:TVA|VAT)[^%]{0,10}%/g, '');
  for (const m of withoutVat.matchAll(/\d+\s*(?:mois|months?)\b/g)) expect(say('commitmentMonths')).toBe(m[0]);
  for (const m of withoutVat.matchAll(/\d+(?:[.,]\d+)?\s*%/g)) expect(say('discountPercent')).toContain(m[0]);
  for (const m of withoutVat.matchAll(/\d+\s*(?:jours?|days?)\b/g))
    expect(
      [say('paymentDays'), say('deliveryDays')].some((v) => v.includes(m[0])),
      m[0],
    ).toBe(true);
}

/** What each placeholder must read after this deal, computed from the negotiation's own result. */
function placeholderValues(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage, t: TFunction) {
  const spec = index.scenario.phases.closing.negotiation;
  const state = ctx.negotiation;
  if (!spec || !state) return {};
  const result = negotiationResult(spec, state);
  const terms = { ...baseTerms(spec), ...(result.finalTerms ?? {}) };
  const say = (kind: Parameters<typeof describeValue>[0]) => describeValue(kind, terms[kind], lang, t, spec);
  return {
    netPrice: formats(lang).euros(Number(result.finalNetUnitPriceHt)),
    revenue: formats(lang).euros(Number(result.revenueHt)),
    commitmentMonths: say('commitmentMonths'),
    discount: say('discountPercent'),
    services: say('services'),
    paymentTerms: say('paymentDays'),
    deliveryDays: say('deliveryDays'),
    quantity: say('quantity'),
  };
}

for (const scenario of shippedScenarios()) {
  const { index } = scenario;
  const spec = index.scenario.phases.closing.negotiation;
  describe(`ending texts of ${scenario.file}`, () => {
    for (const p of scenario.playthroughs?.playthroughs ?? []) {
      it(`${p.id}: the ending shown matches the negotiated terms`, () => {
        const ctx = replay(index, p);
        const ending = ctx.ending ? index.endings.get(ctx.ending.id)?.ending : undefined;
        if (!ending) return;
        const agreed = ctx.negotiation?.status === 'deal' ? ctx.negotiation.agreedTerms : null;
        for (const lang of LANGS) {
          const t = gameT(lang);
          const card = visitView(index, ctx, 'debrief', lang, t).ending;
          const shown = `${card?.title ?? ''}\n${card?.summary ?? ''}\n${card?.detail ?? ''}`;
          const printed = cliEndingText(index, ctx, lang);
          for (const text of [shown, printed]) {
            expect(text).not.toContain('{{');
            expect(text).toContain(card?.summary ?? '@');
            if (agreed && spec) expectAgreedFigures(text, index, agreed, lang, t);
          }
          if (agreed && spec && ctx.negotiation) {
            const expected = placeholderValues(index, ctx, lang, t);
            const used = new Set([...JSON.stringify(ending).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''));
            for (const [name, value] of Object.entries(expected))
              if (used.has(name)) for (const text of [shown, printed]) expect(text, name).toContain(value);
          }
        }
      });
    }
  });
}
