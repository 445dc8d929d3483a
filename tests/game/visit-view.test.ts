import { describe, expect, it } from 'vitest';
import { openVisit } from '../../src/core/visit/visit-session.ts';
import { evaluateVisit } from '../../src/core/scoring/evaluate.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { visitView } from '../../src/present/visit-view.ts';
import { competenceRows, timelineRows } from '../../src/present/debrief.ts';
import { replayAttempt } from '../../src/game/visit/visit-controller.ts';
import { miniVisit, play } from '../support/fixtures.ts';
import { pack } from '../support/referentials.ts';
import { libraryScenario } from '../support/played-attempts.ts';
import { shipped } from '../server/support/visits.ts';
import { eventOfStep } from '../../src/core/playthroughs/path.ts';

/** What the visit and debrief screens show, read from the view models the DOM renders. */
const index = miniVisit();
const prep = () => [...index.preparation.values()].flatMap((p) => p.node.choices.slice(0, 1).map((c) => c.id));

describe('the visit screen', () => {
  it('starts at the briefing with the preparation question and its choices', () => {
    const s = openVisit(index, { seed: 3 });
    const v = visitView(index, s.context(), s.stage(), 'fr');
    expect(v.stage).toBe('briefing');
    expect(v.line).not.toBe('');
    expect(v.choices.length).toBeGreaterThan(0);
    expect(v.track.every((p) => p.state === 'todo')).toBe(true);
  });

  it("shows the client's skeptical face and crossed arms where the scenario says so", () => {
    const s = play(index, [...prep(), 'p1-agenda', 'd1-open', 'd2-budget', 'a1-generic']);
    const v = visitView(index, s.context(), s.stage(), 'fr');
    expect(v.stage).toBe('objection');
    expect(v.expression).toBe('skeptical');
    expect(v.gesture).toBe('arms-crossed');
  });

  it('without a cue, the face follows the mood', () => {
    const s = play(index, [...prep(), 'p1-agenda']);
    const v = visitView(index, s.context(), s.stage(), 'fr');
    const byMood = {
      annoyed: 'annoyed',
      distrustful: 'skeptical',
      neutral: 'neutral',
      interested: 'interested',
      convinced: 'smile',
    } as const;
    expect(v.expression).toBe(byMood[v.mood]);
  });

  it('marks the phases already played as done and the current one as current', () => {
    const s = play(index, [...prep(), 'p1-agenda', 'd1-open']);
    const v = visitView(index, s.context(), s.stage(), 'fr');
    expect(v.track.map((p) => p.state)).toEqual(['done', 'current', 'todo', 'todo', 'todo', 'todo']);
  });

  it('writes the needs the player discovers in the notebook, in the chosen language', () => {
    const s = play(index, [...prep(), 'p1-agenda', 'd1-open', 'd2-budget']);
    const fr = visitView(index, s.context(), s.stage(), 'fr');
    const en = visitView(index, s.context(), s.stage(), 'en');
    expect(fr.needs.length).toBeGreaterThan(0);
    expect(en.needs).not.toEqual(fr.needs);
  });

  it('shows a choice whose condition fails as disabled, with its reason, and shows the ending when over', () => {
    const s = play(index, [...prep(), 'p1-pitch']);
    const v = visitView(index, s.context(), s.stage(), 'fr');
    const cap = v.choices.find((c) => c.id === 'a1-cap');
    expect(cap?.disabled).toBe(true);
    const ended = play(index, [
      ...prep(),
      'p1-agenda',
      'd1-open',
      'd2-budget',
      'a1-generic',
      'o1-question',
      'c1-force',
    ]);
    const e = visitView(index, ended.context(), ended.stage(), 'fr');
    expect(e.ending?.kind).toBe('lost');
    expect(e.choices).toEqual([]);
  });
});

describe('the debrief', () => {
  const path = [...prep(), 'p1-agenda', 'd1-closed', 'd2-budget', 'a1-generic', 'o1-discount', 'c1-later', 'f2-next'];
  const s = play(index, path, 5);

  it('replays an attempt from its log to the same evaluation', () => {
    const context = replayAttempt(index, 5, s.context().log);
    expect(evaluateVisit(index, pack('nrc'), context)).toEqual(evaluateVisit(index, pack('nrc'), s.context()));
  });

  it('writes every competence level in words, not by colour alone', () => {
    const rows = competenceRows(evaluateVisit(index, pack('ndrc'), s.context()), pack('ndrc'), 'fr');
    const assessed = rows.filter((r) => r.ratio !== null);
    expect(assessed.length).toBeGreaterThan(0);
    for (const r of assessed) expect(r.levelLabel).toMatch(/acquis|cours|maîtris/i);
  });

  it('lists every choice in the timeline, with the better alternative after a poor one', () => {
    const rows = timelineRows(index, s.context(), 'fr', createI18n('fr', gameResources).t);
    expect(rows).toHaveLength(s.context().steps.length);
    const poor = rows.filter((r) => r.quality === 'poor');
    expect(poor.length).toBeGreaterThan(0);
    for (const r of poor) expect(r.better || r.betterChoice).not.toBe('');
  });
});

describe('who the client is, and where', () => {
  const phone = libraryScenario('teleprospection-fontaines-eau');
  const fr = createI18n('fr', gameResources);
  /** The views along the scenario's best path, client lines only. */
  const clientViews = () => {
    const best = shipped('teleprospection-fontaines-eau').paths.get('best') ?? [];
    const session = openVisit(phone.index, { seed: 1 });
    const views = [];
    for (const step of best) {
      if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
      if (!session.send(eventOfStep(step)).ok) break;
      const v = visitView(phone.index, session.context(), session.stage(), 'fr');
      if (v.speaker.kind === 'client') views.push(v);
    }
    return views;
  };

  it('on the phone, no gesture is ever shown, whatever the scenario cues', () => {
    const views = clientViews();
    expect(views.length).toBeGreaterThan(5);
    expect(views.map((v) => v.gesture).filter((g) => g !== 'none')).toEqual([]);
  });

  it('a woman client gets feminine mood words and stage directions in French', () => {
    const v = clientViews()[0];
    expect(v?.gender).toBe('female');
    expect(fr.t('game:mood.interested', { context: v?.gender })).toBe('intéressée');
    expect(fr.t('game:expression.worried', { context: v?.gender })).toBe("a l'air inquiète");
    // A man keeps the masculine forms, and English has one form for both.
    expect(fr.t('game:mood.interested', { context: 'male' })).toBe('intéressé');
    expect(createI18n('en', gameResources).t('game:mood.convinced', { context: 'female' })).toBe(
      createI18n('en', gameResources).t('game:mood.convinced'),
    );
  });
});
