import { describe, expect, it } from 'vitest';
import { openVisit } from '../../src/core/visit/visit-session.ts';
import { createVisitMachine } from '../../src/core/visit/visit-machine.ts';
import { makeRules } from '../../src/core/visit/visit-rules.ts';
import type { VisitEmitted } from '../../src/core/visit/visit-types.ts';
import { choose, miniVisit, play, MINI_BEST } from '../support/fixtures.ts';

describe('a visit, step by step', () => {
  it('starts in the briefing with the preparation choices, then the visit opens on the first prospection line', () => {
    const s = openVisit(miniVisit(), { seed: 1 });
    expect(s.stage()).toBe('briefing');
    expect(s.context().cursor).toEqual({ kind: 'preparation', id: 'prep-1' });
    expect(s.send({ type: 'player.start' })).toEqual({ ok: false, reason: 'preparation-incomplete' });
    expect(s.send(choose('prep-plan')).ok).toBe(true);
    expect(s.context().cursor).toEqual({ kind: 'ready' });
    const started = s.send({ type: 'player.start' });
    expect(started.ok && started.emitted).toEqual(
      expect.arrayContaining([
        { type: 'visit.stage-changed', from: 'briefing', to: 'prospection' },
        { type: 'cue.sound', sound: 'door' },
        { type: 'client.line', nodeId: 'p1' },
      ]),
    );
    expect(s.stage()).toBe('prospection');
  });

  it('walks the six phases in order on the best path and ends in the debrief with a sale', () => {
    const stages: string[] = [];
    const s = openVisit(miniVisit(), { seed: 1 });
    s.actor.on('visit.stage-changed', (e) => stages.push(e.to));
    for (const id of MINI_BEST) {
      if (s.context().cursor.kind === 'ready') s.send({ type: 'player.start' });
      expect(s.send(choose(id)).ok, id).toBe(true);
    }
    expect(stages).toEqual(['prospection', 'discovery', 'argument', 'objection', 'closing', 'followup', 'debrief']);
    expect(s.done()).toBe(true);
    expect(s.context().ending).toEqual({ id: 'end-sale', by: 'choice' });
  });

  it('refuses, with a reason, a choice from another node, an unknown one, and anything once the visit is over', () => {
    const s = play(miniVisit(), ['prep-plan']);
    s.send({ type: 'player.start' });
    const before = s.context();
    expect(s.send(choose('d1-open'))).toEqual({ ok: false, reason: 'choice-not-offered' });
    expect(s.send(choose('nope'))).toEqual({ ok: false, reason: 'unknown-choice' });
    expect(s.send({ type: 'player.note', text: '' })).toEqual({ ok: false, reason: 'note-invalid' });
    expect(s.send({ type: 'nego.move', move: { type: 'leave' } })).toEqual({ ok: false, reason: 'not-negotiating' });
    expect(s.context()).toBe(before);
    const done = play(miniVisit(), MINI_BEST);
    expect(done.send(choose('p1-agenda'))).toEqual({ ok: false, reason: 'visit-over' });
  });

  it('a locked choice is shown disabled with its reason, a hidden one is not shown at all', () => {
    // Without preparation the prepared answer to the objection is hidden; without discovering the volume the personalised argument is locked.
    const s = play(miniVisit(), ['prep-none', 'p1-pitch']);
    expect(s.context().order).toContain('a1-cap');
    expect(s.send(choose('a1-cap'))).toEqual({ ok: false, reason: 'choice-disabled' });
    s.send(choose('a1-generic'));
    expect(s.context().order).not.toContain('o1-grid');
    expect(s.send(choose('o1-grid'))).toEqual({ ok: false, reason: 'choice-hidden' });
  });

  it('the client walks out when irritation reaches their patience, whatever the choice pointed to', () => {
    const s = play(miniVisit(), ['prep-none', 'p1-pitch', 'a1-generic']);
    const r = s.send(choose('o1-contradict'));
    expect(r.ok && r.emitted).toEqual(
      expect.arrayContaining([
        { type: 'cue.sound', sound: 'walk-out' },
        { type: 'visit.ended', endingId: 'lost-irritated', by: 'patience' },
      ]),
    );
    expect(s.context().ending).toEqual({ id: 'lost-irritated', by: 'patience' });
  });

  it('tells the view what changed: a discovered need for the notebook, feedback quality, a mood change', () => {
    const s = play(miniVisit(), ['prep-plan', 'p1-agenda']);
    const r = s.send(choose('d1-open'));
    expect(r.ok && r.emitted).toEqual(
      expect.arrayContaining([
        { type: 'notebook.added', needId: 'volume' },
        { type: 'choice.feedback', choiceId: 'd1-open', quality: 'good' },
      ]),
    );
    expect(s.context().notebook).toEqual(['need:volume']);
    const moods: VisitEmitted[] = [];
    s.actor.on('client.mood-changed', (e) => moods.push(e));
    s.send(choose('d2-budget'));
    s.send(choose('a1-cap'));
    expect(moods).toEqual([{ type: 'client.mood-changed', from: 'neutral', to: 'interested' }]);
  });

  it('the player may leave at any time: the visit ends and goes to the debrief', () => {
    const s = play(miniVisit(), ['prep-plan']);
    expect(s.send({ type: 'player.leave' }).ok).toBe(true);
    expect(s.done()).toBe(true);
    expect(s.context().ending).toEqual({ id: '@left', by: 'leave' });
  });

  it('the machine itself shows the method: from the discovery, no edge leads back to the opening', () => {
    const machine = createVisitMachine(makeRules(miniVisit()));
    const discovery = machine.root.states.discovery;
    // Moves are eventless: the machine follows the rules' context along the edges the method draws.
    const targets = (discovery?.always ?? []).flatMap((t) => t.target ?? []).map((n) => n.id);
    expect(targets).not.toContain('visit.prospection');
    expect(targets).toEqual(
      expect.arrayContaining(['visit.argument', 'visit.objection', 'visit.closing.dialogue', 'visit.debrief']),
    );
  });
});
