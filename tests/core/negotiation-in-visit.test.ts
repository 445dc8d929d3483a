import { describe, expect, it } from 'vitest';
import { evaluateVisit } from '../../src/core/scoring/evaluate.ts';
import {
  evaluateTerms,
  type NegotiationMove,
  type NegotiationResult,
  type NegotiationState,
} from '../../src/core/negotiation/index.ts';
import { pack, skills } from '../support/referentials.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { openVisit, replayVisit } from '../../src/core/visit/visit-session.ts';
import { loadFixture } from '../support/fixtures.ts';
import { bestDialogueToTable } from '../support/dialogue-to-table.ts';

/** The example scenario's negotiation step, played inside a whole visit. */
const index = indexScenario(loadFixture('scenarios/premiere-visite-imprimante.json'), skills);
const TO_NEGOTIATION = bestDialogueToTable('premiere-visite-imprimante');
const AFTER_DEAL = ['c-written', 'f-next-step', 'f-crm'];

function visitWith(moves: NegotiationMove[]) {
  const s = openVisit(index, { seed: 1, shuffle: false });
  for (const id of TO_NEGOTIATION) {
    if (s.context().cursor.kind === 'ready') s.send({ type: 'player.start' });
    expect(s.send({ type: 'player.choose', choiceId: id }).ok, id).toBe(true);
  }
  expect(s.place()).toBe('closing.negotiating');
  for (const move of moves) {
    if (s.context().cursor.kind !== 'negotiation') break;
    const r = s.send({ type: 'nego.move', move });
    expect(r.ok, JSON.stringify(move)).toBe(true);
  }
  return s;
}
const cp7 = (s: ReturnType<typeof visitWith>) =>
  evaluateVisit(index, pack('ndrc'), s.context()).competences.find((c) => c.code === 'CP7');

describe('the numeric negotiation inside a visit', () => {
  it('opens with the client’s demand, fed by the dialogue: trust, interest, and value established before the price', () => {
    const s = visitWith([]);
    const state = s.context().negotiation as NegotiationState;
    expect(state.status).toBe('open');
    expect(state.influence).toEqual({
      trust: s.context().gauges.trust,
      interest: s.context().gauges.interest,
      valueEstablished: true,
    });
    expect(state.lastResponse?.kind).toBe('counter-offer');
  });

  it('a discount granted without a counterpart lowers the negotiation competence; the same discount traded for a longer commitment raises it', () => {
    const free = visitWith([
      { type: 'present-price', technique: 'fractioning' },
      { type: 'concede', item: 'discountPercent', value: 4 },
    ]);
    const traded = visitWith([
      { type: 'present-price', technique: 'fractioning' },
      { type: 'concede', item: 'discountPercent', value: 4, counterpart: { item: 'commitmentMonths', value: 36 } },
    ]);
    expect(cp7(traded)?.points).toBeGreaterThan(cp7(free)?.points ?? Infinity);
    const freeEvidence = free
      .context()
      .steps.flatMap((st) => (st.kind === 'negotiation' ? st.evidence.map((e) => e.skill) : []));
    expect(freeEvidence).toContain('negotiation.concession-without-counterpart');
  });

  it('conceding the whole 10 % at once scores lower than trading 4 % for a 36-month commitment', () => {
    const atOnce = visitWith([{ type: 'concede', item: 'discountPercent', value: 10 }]);
    const traded = visitWith([
      { type: 'concede', item: 'discountPercent', value: 4, counterpart: { item: 'commitmentMonths', value: 36 } },
    ]);
    expect(cp7(atOnce)?.points).toBeLessThan(cp7(traded)?.points ?? -Infinity);
    expect(evaluateVisit(index, pack('ndrc'), atOnce.context()).exactMark).toBeLessThan(
      evaluateVisit(index, pack('ndrc'), traded.context()).exactMark,
    );
  });

  it('a deal below the floor price is flagged with its computed margin, and the visit goes on to the agreed ending', () => {
    // Floor: cost 52 € / (1 − 35 %) = 80 € a month, i.e. 10,11 % off the 89 € tariff; 12 % is below it.
    const s = visitWith([
      { type: 'offer', terms: { discountPercent: 12, commitmentMonths: 24, services: ['installation'] } },
    ]);
    expect(s.context().cursor).toEqual({ kind: 'node', id: 'c-confirm' });
    for (const id of AFTER_DEAL) expect(s.send({ type: 'player.choose', choiceId: id }).ok).toBe(true);
    const ev = evaluateVisit(index, pack('ndrc'), s.context());
    const nego = ev.outcome.negotiation as NegotiationResult;
    expect(nego.status).toBe('deal');
    expect(nego.belowFloor).toBe(true);
    expect(nego.floorPriceHt).toBe('80.00');
    // 89 × 0,88 = 78,32 € a month over 24 months = 1 879,68 € HT; cost 52 × 24 + installation 60 = 1 308 € → marge 571,68 €.
    expect(nego.revenueHt).toBe('1879.68');
    expect(nego.marginHt).toBe('571.68');
    expect(ev.outcome).toMatchObject({ deal: true, revenueHT: 1879.68, marge: 571.68 });
    expect(
      s
        .context()
        .steps.some(
          (st) => st.kind === 'negotiation' && st.evidence.some((e) => e.skill === 'negotiation.below-floor'),
        ),
    ).toBe(true);
  });

  it('the client’s « 10 % puis 5 % » is understood as 14,5 %, not 15 %', () => {
    const spec = index.scenario.phases.closing.negotiation!;
    const cascade = evaluateTerms(spec, { discountPercent: [10, 5] });
    const single = evaluateTerms(spec, { discountPercent: 15 });
    expect(cascade.ok && cascade.value.discountEquivalentPercent).toBe('14.50');
    // 89 € × 0,90 × 0,95 = 76,095 → 76,10 € a month, where a single 15 % would give 75,65 €.
    expect(cascade.ok && cascade.value.netUnitPriceHt).toBe('76.10');
    expect(single.ok && single.value.netUnitPriceHt).toBe('75.65');
  });

  it('a refused move leaves the visit untouched and says why', () => {
    const s = visitWith([]);
    const before = s.context();
    const r = s.send({ type: 'nego.move', move: { type: 'offer', terms: { discountPercent: 99 } } });
    expect(r).toMatchObject({ ok: false, reason: 'move-refused', detail: 'invalid-terms' });
    expect(s.context()).toBe(before);
    // A move read from outside (a save, a request) is checked at run time whatever its static type.
    const dance = { type: 'dance' } as unknown as NegotiationMove;
    expect(s.send({ type: 'nego.move', move: dance })).toMatchObject({ ok: false, detail: 'invalid-move' });
  });

  it('a visit with a negotiation replays from its log to the same evaluation', () => {
    const s = visitWith([
      { type: 'present-price', technique: 'sandwich' },
      { type: 'refuse', argument: 'value' },
      { type: 'concede', item: 'discountPercent', value: 3, counterpart: { item: 'commitmentMonths', value: 36 } },
    ]);
    const replayed = replayVisit(index, { seed: 1, shuffle: false }, s.context().log);
    expect(replayed.refused).toEqual([]);
    expect(replayed.session.context()).toEqual(s.context());
  });
});
