import { STANDARD_SHOCK_SIZES } from '../../engine';
import { describeCellError } from '../../workbook';
import { el } from './dom';
import { errorLines } from './error-list';
import { Language, MESSAGES, MessageKey, inLanguage } from './i18n';
import { outcomeMessage } from './pane-actions';
import type { Outcome, PaneActions, Stage } from './pane-actions';
import { resultCard } from './summary-card';

export interface TaskPaneOptions {
  actions: PaneActions;
  language: Language;
  /** Outside Excel: the pane runs on an in-memory workbook and says so. */
  preview: boolean;
  /** Workshop cases offered, by key, with their Japanese and English labels. */
  scenarios: { key: string; ja: string; en: string; lesson?: { ja: string; en: string } }[];
}

/**
 * Builds the task pane inside `root` and wires it to the actions. Every text is bound to a
 * message key, so the language toggle rewrites texts without rebuilding the form.
 */
export function mountTaskPane(root: HTMLElement, options: TaskPaneOptions): void {
  const { actions } = options;
  let language = options.language;
  // Everything that shows text re-renders itself when the language changes.
  const updaters: (() => void)[] = [];
  const t = (key: MessageKey) => {
    const node = document.createTextNode('');
    const update = () => (node.textContent = MESSAGES[language][key]);
    update();
    updaters.push(update);
    return node;
  };
  const applyLanguage = () => {
    document.documentElement.lang = language;
    updaters.forEach((update) => update());
    renderOutcome();
  };

  const button = (key: MessageKey, id: string, onClick: () => Promise<void>) => {
    const b = el('button', { type: 'button', id }, [t(key)]);
    b.addEventListener('click', () => void guarded(onClick));
    return b;
  };
  const checkbox = (id: string, checked: boolean, value = '') => {
    const c = el('input', { type: 'checkbox', id, value });
    c.checked = checked;
    return c;
  };

  // ── Input: template and workshop cases ──
  const scenarioSelect = el(
    'select',
    { id: 'scenario' },
    options.scenarios.map((s) => el('option', { value: s.key }, [s.ja])),
  );
  updaters.push(() =>
    options.scenarios.forEach((s, i) => {
      scenarioSelect.options[i].textContent = language === 'ja' ? s.ja : s.en;
    }),
  );

  // ── Shocks: the standard set ticked, more typed ──
  const shockBoxes = STANDARD_SHOCK_SIZES.map((size) => {
    const percent = Math.round(size * 1e4) / 100;
    return { percent, box: checkbox(`shock-${percent}`, true, String(percent)) };
  });
  const customShocks = el('input', { type: 'text', id: 'custom-shocks', inputmode: 'decimal' });
  updaters.push(() => (customShocks.placeholder = MESSAGES[language].customShocksPlaceholder));

  // ── Strategies: read from the workbook; the first (status quo) always runs ──
  const strategyList = el('div', { id: 'strategies', class: 'choices' });
  const strategyBoxes: HTMLInputElement[] = [];
  const showStrategies = (list: { id: string; name: string }[]) => {
    strategyList.replaceChildren();
    strategyBoxes.length = 0;
    if (list.length === 0) strategyList.append(el('p', { class: 'hint' }, [t('noStrategies')]));
    list.forEach((s, i) => {
      const box = checkbox(`strategy-${s.id}`, true, s.id);
      box.disabled = i === 0;
      strategyBoxes.push(box);
      const name = document.createTextNode('');
      const update = () => (name.textContent = ` ${inLanguage(s.name, language)}`);
      update();
      updaters.push(update);
      strategyList.append(el('label', {}, [box, name]));
    });
  };
  const refreshStrategies = async () => showStrategies(await actions.strategies());

  // ── Next step for a workbook without input sheets ──
  const nextStep = el('p', { class: 'next-step', id: 'next-step', role: 'note' }, [
    t('startWithTemplate'),
  ]);
  nextStep.hidden = true;
  const refreshNextStep = async () => {
    nextStep.hidden = await actions.hasInputSheets();
  };

  // ── Monte Carlo ──
  const mcEnabled = checkbox('mc-enabled', false);
  const mcPaths = el('input', {
    type: 'text',
    id: 'mc-paths',
    value: '1000',
    inputmode: 'numeric',
  });
  const mcSeed = el('input', { type: 'text', id: 'mc-seed', value: '1', inputmode: 'numeric' });

  // ── Status: progress, message, errors, summary ──
  const progress = el('progress', { id: 'progress', max: '1', value: '0' });
  progress.hidden = true;
  const status = el('p', { id: 'status', role: 'status', 'aria-live': 'polite' });
  const results = el('div', { id: 'results' });
  let outcome: Outcome | null = null;
  let stage: Stage | null = null;

  function renderOutcome() {
    const m = MESSAGES[language];
    status.textContent = stage ? m[stage] : outcome ? messageText(outcome) : '';
    status.className = outcome && !outcome.ok && !stage ? 'error' : '';
    // Switching the language re-renders the card: an unfolded detailed table stays unfolded.
    const unfolded = results.querySelector<HTMLDetailsElement>('details.detail')?.open ?? false;
    results.replaceChildren();
    if (!outcome || stage) return;
    if (outcome.errors && outcome.errors.length > 0) {
      const list = el('ul', { class: 'errors', 'data-testid': 'errors' });
      const present = new Set(outcome.sheetNames ?? []);
      for (const e of outcome.errors) {
        const { address, message } = errorLines(e, language);
        const text = [
          el('span', { class: 'error-address' }, [address]),
          el('span', { class: 'error-message' }, [message]),
        ];
        // An error on a sheet that is not there has no cell to select: plain text.
        if (outcome.sheetNames && !present.has(e.sheet)) {
          list.append(el('li', { class: 'error-text' }, text));
          continue;
        }
        const item = el('button', { type: 'button', class: 'error-link' }, text);
        item.title = describeCellError(e);
        item.addEventListener('click', () => void guarded(() => actions.select(e)));
        list.append(el('li', {}, [item]));
      }
      results.append(
        el('p', { class: 'errors-heading', 'data-testid': 'errors-heading' }, [
          m.errorsHeading.replace('{n}', String(outcome.errors.length)),
        ]),
        list,
      );
    }
    if (outcome.detail) {
      // Excel's and the engine's own words are English: folded, under a label in the pane's language.
      results.append(
        el('details', { class: 'technical' }, [
          el('summary', {}, [m.technicalDetail]),
          el('pre', {}, [outcome.detail]),
        ]),
      );
    }
    if (outcome.summary) {
      const card = resultCard(outcome.summary, m, language);
      const detail = card.querySelector<HTMLDetailsElement>('details.detail');
      if (detail && unfolded) detail.open = true;
      results.append(card);
    }
  }
  const messageText = (o: Outcome) => outcomeMessage(o, MESSAGES[language]);

  const controls: HTMLButtonElement[] = [];
  async function guarded(action: () => Promise<void>) {
    controls.forEach((c) => (c.disabled = true));
    try {
      await action();
    } catch (error) {
      outcome = {
        ok: false,
        message: 'failed',
        detail: String((error as Error)?.message ?? error),
      };
    } finally {
      stage = null;
      progress.hidden = true;
      controls.forEach((c) => (c.disabled = false));
      renderOutcome();
      // The error list or the result card sits below the form: bring its top into view (the run
      // bar stays at the bottom), so the user sees what the run produced without scrolling.
      results.firstElementChild?.scrollIntoView({ block: 'start' });
      await refreshNextStep().catch(() => undefined);
    }
  }

  const runButton = button('run', 'run', async () => {
    // No list (the sheets did not read as a case): every strategy, and the run names the errors.
    const chosen =
      strategyBoxes.length > 0 ? strategyBoxes.filter((b) => b.checked).map((b) => b.value) : null;
    progress.hidden = false;
    outcome = await actions.run(
      {
        shockPercents: shockBoxes.filter((s) => s.box.checked).map((s) => s.percent),
        customShocks: customShocks.value,
        strategyIds: chosen,
        monteCarlo: { enabled: mcEnabled.checked, paths: mcPaths.value, seed: mcSeed.value },
      },
      (s, share) => {
        stage = s;
        // Reading 0–10 %, computing 10–70 %, writing 70–100 %.
        const base = { reading: 0, computing: 0.1, writing: 0.7 }[s];
        const span = { reading: 0.1, computing: 0.6, writing: 0.3 }[s];
        progress.value = base + span * share;
        renderOutcome();
      },
    );
  });
  const templateButton = button('createTemplate', 'create-template', async () => {
    outcome = await actions.createTemplate();
    await refreshStrategies();
  });
  const lesson = el('p', { class: 'hint', id: 'lesson' });
  // A lesson runs to ten lines: folded, so the shocks and Run stay near the top.
  const lessonFold = el('details', { class: 'lesson', id: 'lesson-fold' }, [
    el('summary', {}, [t('lessonFold')]),
    lesson,
  ]);
  let loaded: TaskPaneOptions['scenarios'][number] | undefined;
  const showLesson = () => {
    lesson.textContent = loaded?.lesson?.[language] ?? '';
    lessonFold.hidden = !lesson.textContent;
  };
  updaters.push(showLesson);
  const loadButton = button('loadScenario', 'load-scenario', async () => {
    const o = await actions.loadScenario(scenarioSelect.value);
    outcome = o;
    loaded = o.ok ? options.scenarios.find((s) => s.key === scenarioSelect.value) : undefined;
    showLesson();
    await refreshStrategies();
  });
  const clearButton = button('clear', 'clear', async () => {
    outcome = await actions.clear();
  });
  const reloadButton = button('reloadStrategies', 'reload-strategies', refreshStrategies);
  controls.push(runButton, templateButton, loadButton, clearButton, reloadButton);

  const toggle = el('button', { type: 'button', id: 'language', class: 'link' }, [
    t('toggleLanguage'),
  ]);
  toggle.addEventListener('click', () => {
    language = language === 'ja' ? 'en' : 'ja';
    applyLanguage();
  });

  const section = (heading: MessageKey, ...children: (Node | string)[]) =>
    el('section', {}, [el('h2', {}, [t(heading)]), ...children]);
  root.replaceChildren(
    el('header', {}, [
      el('h1', {}, [t('title')]),
      toggle,
      el('p', { class: 'hint' }, [t('subtitle')]),
    ]),
    ...(options.preview ? [el('p', { class: 'preview', id: 'preview' }, [t('previewMode')])] : []),
    nextStep,
    section(
      'inputHeading',
      templateButton,
      el('label', { for: 'scenario' }, [t('scenarioLabel')]),
      scenarioSelect,
      loadButton,
      lessonFold,
    ),
    section(
      'shocksHeading',
      el(
        'div',
        { class: 'choices shocks' },
        shockBoxes.map((s) => el('label', {}, [s.box, ` +${s.percent.toFixed(2)}%pt`])),
      ),
      el('label', { for: 'custom-shocks' }, [t('customShocks')]),
      customShocks,
    ),
    section('strategiesHeading', strategyList, reloadButton),
    el('details', { class: 'advanced', id: 'advanced' }, [
      el('summary', {}, [t('advancedHeading')]),
      el('h2', {}, [t('monteCarloHeading')]),
      el('label', {}, [mcEnabled, ' ', t('monteCarloEnabled')]),
      el('label', { for: 'mc-paths' }, [t('paths')]),
      mcPaths,
      el('label', { for: 'mc-seed' }, [t('seed')]),
      mcSeed,
    ]),
    results,
    // Always in view at the bottom of the pane: Run, Clear, progress and the status line.
    el('footer', { class: 'run-bar' }, [
      el('div', { class: 'actions' }, [runButton, clearButton]),
      progress,
      status,
    ]),
  );
  applyLanguage();
  void guarded(refreshStrategies);
}
