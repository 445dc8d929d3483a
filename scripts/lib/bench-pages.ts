import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The baselines of `npm run bench:game`, built and served exactly like the game. Each marks
 * `negosim:interactive` and sets `body[data-ready]` as the game does, so one measuring code
 * reads all three.
 */

/** Phaser 4 alone, as published (the whole bundle): one scene drawing two shapes. */
export function writePhaserAlonePage(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Phaser alone</title></head><body style="margin:0"><div id="stage"></div><script type="module" src="./main.js"></script></body></html>`,
  );
  writeFileSync(
    join(dir, 'main.js'),
    `import Phaser from 'phaser';
class S extends Phaser.Scene {
  create() {
    this.add.rectangle(640, 360, 400, 200, 0x1d3557);
    this.add.circle(900, 300, 80, 0xf4d35e);
    performance.mark('negosim:interactive');
    document.body.dataset.ready = 'true';
  }
}
new Phaser.Game({ type: Phaser.AUTO, parent: 'stage', width: 1280, height: 720, banner: false, audio: { noAudio: true }, scene: S });
`,
  );
}

/**
 * The same answer, rendered by plain DOM: the visit screen's markup and the game's own
 * stylesheet, but no game behind it — no visit rules, no save, no drawn stage, no sound. A click
 * on a choice rewrites, in the click's own task, what an answer changes on the game's screen:
 * the feedback, "you said", the client's line and cue, the gauges and three new choices. The
 * game's own markers (`[data-testid="choices"]` and its `data-turn`) let the same code measure
 * both. What the game takes beyond this page is what its machinery adds to an answer.
 */
export function writePlainDomPage(dir: string, css: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.css'), css);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="fr" data-text-size="normal"><head><meta charset="utf-8"><title>Plain DOM</title>
<link rel="stylesheet" href="./main.css"></head><body><div id="stage" aria-hidden="true"></div><main id="ui"></main>
<script type="module" src="./main.js"></script></body></html>`,
  );
  writeFileSync(
    join(dir, 'main.js'),
    `const h = (tag, cls, ...children) => {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  for (const c of children) el.append(c);
  return el;
};
const phases = ['Prise de contact', 'Découverte', 'Argumentation', 'Objections', 'Conclusion', 'Suivi'];
const track = h('ol', 'track', ...phases.map((p, i) => h('li', 'track__step track__step--' + (i ? 'todo' : 'current'), h('span', 'track__num', String(i + 1)), h('span', 'track__label', p))));
const notebook = h('section', 'panel notebook', h('h2', '', 'Carnet'), h('h3', '', 'Besoins découverts (1)'), h('ul', 'notebook__needs', h('li', '', 'Imprime surtout des plans en A3 couleur.')));
const gauges = h('section', 'panel gauges');
const feedback = h('div', 'feedback-slot');
const you = h('p', 'dialogue__you');
const speaker = h('p', 'dialogue__speaker', 'Nadia Benali');
const line = h('p', 'dialogue__line');
line.setAttribute('aria-live', 'polite');
const cue = h('p', 'dialogue__cue');
const choices = h('div', 'choices');
choices.dataset.testid = 'choices';
choices.setAttribute('role', 'group');
const meter = (label, value) => {
  const fill = h('div', 'gauge__fill gauge__fill--trust');
  fill.style.width = value + '%';
  return h('div', 'gauge', h('span', 'gauge__label', label), h('div', 'gauge__bar', fill), h('span', 'gauge__value', String(value)));
};
let turn = 0;
function render() {
  const n = turn;
  feedback.replaceChildren(n ? h('aside', 'feedback feedback--good', h('p', 'feedback__verdict', h('span', 'feedback__icon', '✓'), 'Bon choix'), h('p', '', 'Vous rebondissez sur ses mots et faites chiffrer le problème : c’est votre meilleur argument à venir (' + n + ').')) : '');
  you.textContent = n ? 'Vous : La veille des rendus… qu’est-ce que cela vous coûte, concrètement, quand elle tombe en panne ? (' + n + ')' : '';
  line.textContent = 'Réplique ' + n + ' : nous avons déjà un fournisseur, et pour être honnête il nous convient plutôt bien.';
  cue.textContent = '(neutre, croise les bras)';
  gauges.replaceChildren(h('h2', '', 'Le client'), meter('Confiance', 30 + (n % 40)), meter('Intérêt', 40 + (n % 30)), h('p', 'gauges__mood', 'Humeur : neutre'));
  choices.replaceChildren(...[1, 2, 3].map((k) => {
    const b = h('button', 'choice', h('span', 'choice__key', String(k)), h('span', 'choice__text', 'Réponse ' + k + ' au tour ' + n + ' : pour vous proposer quelque chose de réaliste, combien payez-vous aujourd’hui ?'));
    b.type = 'button';
    b.addEventListener('click', () => { turn++; render(); choices.querySelector('button')?.focus(); });
    return b;
  }));
  choices.dataset.turn = String(n);
}
render();
document.getElementById('ui').append(h('section', 'screen screen--visit',
  h('header', 'visit__top', h('div', 'visit__track', track)),
  h('div', 'visit__body', h('div', 'visit__side', notebook, gauges),
    h('div', 'dialogue', feedback, you, h('div', 'dialogue__bubble', speaker, line, cue), h('div', 'dialogue__extra'), choices))));
performance.mark('negosim:interactive');
document.body.dataset.ready = 'true';
`,
  );
}
