import { describe, expect, it } from 'vitest';
import { checkScenario, type CheckReport } from '../../src/core/check/check-scenario.ts';
import { VISIT_PHASES } from '../../src/core/phases.ts';
import { pack, refs } from '../support/referentials.ts';
import { runPlaythrough } from '../../src/core/playthroughs/run-playthrough.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';
import { play } from '../support/fixtures.ts';
import { dominantMotives } from '../../src/core/scenario/persona-facts.ts';
import { motivesDebrief } from '../../src/present/debrief.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';

/**
 * The scenario library must feel like real E4 simulations and teach the method: these are the
 * rules every library scenario keeps (the example scenario, tagged "exemple", is a short model
 * and is exempt), then the rules the library as a whole keeps.
 */
const library = shippedScenarios().filter((s) => !s.isExample);
/** The library as a whole is judged whole, whatever NEGOSIM_SCENARIO selects. */
const whole = shippedScenarios('all').filter((s) => !s.isExample);
const reports = new Map<string, Record<string, CheckReport>>();
const reportsOf = (file: string) => reports.get(file) as Record<string, CheckReport>;

for (const s of library) {
  const { scenario } = s.index;
  describe(`library scenario ${s.file}`, () => {
    reports.set(
      s.file,
      Object.fromEntries(
        refs.packs.map((p) => p.id).map((id) => [id, checkScenario(s.index, pack(id), { allPacks: refs.packs })]),
      ),
    );

    it('is written in French and English and has all six phases', () => {
      expect(scenario.meta.languages).toEqual(expect.arrayContaining(['fr', 'en']));
      for (const phase of VISIT_PHASES) expect(scenario.phases[phase].nodes.length, phase).toBeGreaterThan(0);
    });

    it('has at least 25 dialogue nodes and at least three endings: a sale, an appointment, a loss', () => {
      expect(s.index.nodeList.length).toBeGreaterThanOrEqual(25);
      const kinds = new Set(scenario.endings.map((e) => e.kind));
      expect([...kinds].sort()).toEqual(['appointment', 'lost', 'sale']);
    });

    it('voices at least two objections of different kinds, each with at least three ways to handle it', () => {
      const objections = s.index.nodeList.filter((n) => n.node.objection);
      expect(new Set(objections.map((n) => n.node.objection?.kind)).size).toBeGreaterThanOrEqual(2);
      for (const { node } of objections) expect(node.choices.length, node.id).toBeGreaterThanOrEqual(3);
    });

    it('has a numeric negotiation step', () => {
      expect(scenario.phases.closing.negotiation).toBeDefined();
    });

    it('has no unreachable node, dead end or unreachable ending', () => {
      const r = reportsOf(s.file).nrc as CheckReport;
      expect({
        unreachableNodes: r.unreachableNodes,
        deadEnds: r.deadEnds,
        unreachableEndings: r.unreachableEndings,
      }).toEqual({ unreachableNodes: [], deadEnds: [], unreachableEndings: [] });
    });

    it('marks as a jury would: no phase over 40 % of the mark, every competence shown at least three times, no length tell, feedback that agrees with itself', () => {
      for (const id of refs.packs.map((p) => p.id)) {
        const r = reportsOf(s.file)[id] as CheckReport;
        const marking = r.diagnostics.filter((d) => ['NS109', 'NS110', 'NS111', 'NS112', 'NS113'].includes(d.code));
        expect(
          marking.map((d) => `${d.code} ${JSON.stringify(d.params)}`),
          id,
        ).toEqual([]);
        expect(r.tellRate, `${id} tell rate`).toBeLessThanOrEqual(0.4);
      }
    });

    it('its best path scores at least 17/20 under every referential', () => {
      for (const id of refs.packs.map((p) => p.id))
        expect(reportsOf(s.file)[id]?.bestScore, id).toBeGreaterThanOrEqual(17);
    });

    it('exercises every marked competence: the seven NDRC client-visit criteria and NRC C31–C33', () => {
      expect(reportsOf(s.file).nrc?.competencesNotExercised).toEqual([]);
    });

    it('its best path finds every dominant motive and who decides, and each argument aims at what was found first', () => {
      const warnings = reportsOf(s.file).ndrc?.diagnostics.filter((d) => ['NS119', 'NS121'].includes(d.code));
      expect(warnings?.map((d) => `${d.code} ${d.path}`)).toEqual([]);
      const best = s.playthroughs?.playthroughs.find((p) => p.kind === 'best');
      expect(best, s.file).toBeDefined();
      const ctx = play(s.index, best!.path, best!.seed ?? 1).context();
      expect(ctx.revealed).toEqual(expect.arrayContaining([...dominantMotives(scenario), 'decision-maker']));
      const { arguments: args } = motivesDebrief(s.index, ctx, 'fr', createI18n('fr', gameResources).t);
      expect(args.length).toBeGreaterThan(0);
      expect(args.filter((a) => !a.targetFound).map((a) => a.fact)).toEqual([]);
    });
  });
}

describe('the scenario library as a whole', () => {
  it('holds at least 8 scenarios with distinct ids', () => {
    expect(whole.length).toBeGreaterThanOrEqual(8);
    expect(new Set(whole.map((s) => s.index.scenario.meta.id)).size).toBe(whole.length);
  });

  it('spreads difficulty over 1, 2 and 3', () => {
    expect(new Set(whole.map((s) => s.index.scenario.meta.difficulty))).toEqual(new Set([1, 2, 3]));
  });

  it('covers the job families of the BTS NRC description', () => {
    const families = new Set(whole.map((s) => s.index.scenario.meta.jobFamily));
    for (const family of [
      'teleprospecteur',
      'attache-commercial',
      'technico-commercial-agroalimentaire',
      'conseiller-clientele-banque',
      'agent-general-assurances',
      'negociateur-grande-surface',
    ] as const)
      expect(families, family).toContain(family);
  });

  it('includes a prospecting phone call that gets past a gatekeeper', () => {
    const phone = whole.filter((s) => s.index.scenario.meta.jobFamily === 'teleprospecteur');
    expect(
      phone.some(
        (s) => s.index.scenario.phases.prospection.setting === 'phone' || s.index.scenario.meta.setting === 'phone',
      ),
    ).toBe(true);
    expect(phone.some((s) => (s.index.scenario.cast ?? []).length > 0)).toBe(true);
  });

  it('includes a sale at the client’s home whose best path states the 14-day withdrawal right and takes no payment on the spot', () => {
    const home = whole.filter((s) => s.index.scenario.meta.setting === 'home');
    expect(home.length).toBeGreaterThan(0);
    for (const s of home) {
      const best = s.playthroughs?.playthroughs.find((p) => p.kind === 'best');
      expect(best, s.file).toBeDefined();
      const run = runPlaythrough(s.index, best!, refs.packs);
      expect(run.shown.has('ethics.withdrawal-right-stated')).toBe(true);
      expect(run.shown.has('ethics.payment-on-the-spot')).toBe(false);
    }
  });

  it('includes a follow-up visit to an unhappy client whose best path handles the complaint and wins the account back', () => {
    const winBack = whole.filter((s) => s.index.scenario.meta.tags.includes('reconquête'));
    expect(winBack.length).toBeGreaterThan(0);
    for (const s of winBack) {
      const best = s.playthroughs?.playthroughs.find((p) => p.kind === 'best');
      expect(runPlaythrough(s.index, best!, refs.packs).shown.has('followup.complaint-handled'), s.file).toBe(true);
    }
  });

  it('includes a bank adviser’s visit whose best path fulfils the duty to advise', () => {
    const bank = whole.filter((s) => s.index.scenario.meta.jobFamily === 'conseiller-clientele-banque');
    for (const s of bank)
      expect(
        runPlaythrough(
          s.index,
          s.playthroughs!.playthroughs.find((p) => p.kind === 'best')!,
          refs.packs,
        ).shown.has('ethics.duty-to-advise'),
        s.file,
      ).toBe(true);
  });
});
