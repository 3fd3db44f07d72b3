import { useId, useState, type ReactNode } from 'react';
import { useApp } from '../app/stores-context';
import type { Classification } from '../api-types';
import { ChipGroup, type ChipOption } from './ChipGroup';
import { NamesInput } from './NamesInput';
import { shortLabel } from './labels';
import { useComplianceCatalog } from './useCatalog';
import type { Facts, FactKey, FactsChange, Question } from './types';

/** Answers longer than this make a question a drop-down instead of a row of chips. */
const MAX_CHIP_LABEL = 24;

const TALENT_OUTPUTS = ['digital-replica', 'synthetic-voice', 'performance-alteration', 'replaces-union-work'];

/**
 * Questions that only matter once another answer makes them matter. They stay answerable, only dimmed, so the
 * questionnaire keeps one shape; this is a reading aid, the rule engine decides what counts.
 */
const MATTERS: Partial<Record<FactKey, (f: Facts) => boolean>> = {
  alteration: (f) => f.outputs.includes('performance-alteration'),
  replicaException: (f) => f.inputs.includes('talent-likeness') || f.outputs.some((o) => TALENT_OUTPUTS.slice(0, 3).includes(o)),
  talent: (f) => f.inputs.includes('talent-likeness') || f.outputs.some((o) => TALENT_OUTPUTS.includes(o)),
};

export interface QuestionnaireProps {
  facts: Facts;
  /**
   * Called with just what changed, at once: the caller saves it and the outcome follows. A promise of false
   * (the save failed, already reported) puts the saved answers back.
   */
  onChange(change: FactsChange): Promise<boolean> | void;
  /** The tool chain; omitted when the caller picks tools itself (the log dialog). */
  tools?: { chain: readonly string[]; min: number };
  /** Planned uses: an editable answer. Assets: a custom node (the re-tag action, which asks for a reason). */
  classification?: { value: Classification; editable: true } | { value: Classification; node: ReactNode };
  talentSuggestions?: readonly string[];
  disabled?: boolean;
  label?: string;
}

/**
 * Answers shown at once, replaced by what the API saved once every save has come back. While saves are under way
 * (`hold`) an earlier answer coming back must not briefly undo a later click.
 */
function useOptimistic<T>(value: T, hold: boolean): [T, (v: T) => void, () => void] {
  const key = JSON.stringify(value);
  const [seen, setSeen] = useState(key);
  const [local, setLocal] = useState(value);
  const stale = seen !== key && !hold;
  if (stale) {
    setSeen(key);
    setLocal(value);
  }
  // reset: show the saved value again (a save failed and was reported).
  return [stale ? value : local, setLocal, () => setSeen('')];
}

function chipOptions(q: Question): ChipOption[] {
  return q.choices.map((c) => ({ value: c.value, label: shortLabel(c.label), title: c.label }));
}

/** One compact row per question with its one-line help; chips for choices, Tab/arrows/Space to answer. */
export function Questionnaire({ facts, onChange, tools, classification, talentSuggestions, disabled, label = 'Questionnaire' }: QuestionnaireProps) {
  const catalog = useComplianceCatalog();
  const allTools = useApp('catalog', (s) => s.tools);
  const [saving, setSaving] = useState(0);
  const [local, setLocal, resetFacts] = useOptimistic(facts, saving > 0);
  const [chain, setChain, resetChain] = useOptimistic(tools?.chain ?? [], saving > 0);
  const [cls, setCls, resetCls] = useOptimistic(classification?.value, saving > 0);

  if (!catalog) return <div className="muted">Loading the questionnaire…</div>;

  function send(change: FactsChange) {
    const saved = onChange(change);
    if (!saved) return;
    setSaving((n) => n + 1);
    void saved.then((ok) => {
      setSaving((n) => n - 1);
      if (ok) return;
      resetFacts();
      resetChain();
      resetCls();
    });
  }

  function setFact<K extends FactKey>(key: K, value: Facts[K]) {
    setLocal({ ...local, [key]: value });
    send({ facts: { [key]: value } });
  }

  function toggle(q: Question, value: string) {
    const key = q.key as FactKey;
    if (q.answer === 'one') return setFact(key, value as Facts[typeof key]);
    const list = local[key] as string[];
    const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
    // Keep the catalog's order so the same answers always read the same.
    setFact(key, q.choices.map((c) => c.value).filter((v) => next.includes(v)) as Facts[typeof key]);
  }

  function toggleTool(name: string) {
    const next = chain.includes(name) ? chain.filter((t) => t !== name) : [...chain, name];
    setChain(next);
    send({ tools: next });
  }

  return (
    <div className="questionnaire" role="group" aria-label={label}>
      {classification ? (
        <QuestionRow q={catalog.classificationQuestion}>
          {(ids) => ('editable' in classification ? (
            <ChipGroup label={catalog.classificationQuestion.label} mode="one" describedBy={ids.help} disabled={disabled}
              options={chipOptions(catalog.classificationQuestion)} selected={cls ? [cls] : []}
              onToggle={(v) => { setCls(v as Classification); send({ classification: v as Classification }); }} />
          ) : classification.node)}
        </QuestionRow>
      ) : null}
      {catalog.questions.map((q) => (
        <QuestionRow key={q.key} q={q} moot={MATTERS[q.key as FactKey]?.(local) === false}>
          {(ids) => {
            const key = q.key as FactKey;
            const value = local[key];
            if (q.answer === 'names') {
              return <NamesInput label={q.label} names={value as string[]} describedBy={ids.help} disabled={disabled}
                suggestions={talentSuggestions} onChange={(names) => setFact(key, names as Facts[typeof key])} />;
            }
            const options = chipOptions(q);
            if (q.answer === 'one' && options.some((o) => o.label.length > MAX_CHIP_LABEL)) {
              return (
                <select className="input q-select" aria-label={q.label} aria-describedby={ids.help} value={value as string} disabled={disabled}
                  onChange={(e) => toggle(q, e.target.value)}>
                  {q.choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
                </select>
              );
            }
            return <ChipGroup label={q.label} mode={q.answer === 'one' ? 'one' : 'many'} options={options} describedBy={ids.help}
              disabled={disabled} selected={Array.isArray(value) ? value : [value]} onToggle={(v) => toggle(q, v)} />;
          }}
        </QuestionRow>
      ))}
      {tools ? (
        <QuestionRow q={{ label: 'Tools used', help: 'Every tool in the chain, in order; each must pass on its own (terms under AI tools).' }}>
          {(ids) => (
            <>
              <ChipGroup label="Tools used" mode="many" describedBy={ids.help} disabled={disabled}
                options={allTools.map((t) => ({ value: t.name, label: t.name, title: `${t.name}: ${t.hosting}, enterprise ${t.enterprise}, trains on inputs ${t.trainsOnInputs}, retains data ${t.retainsData}` }))}
                selected={chain} onToggle={toggleTool} locked={() => chain.length <= tools.min} />
              {chain.length > 1 ? <div className="q-chain muted">Chain: {chain.join(' → ')}</div> : null}
            </>
          )}
        </QuestionRow>
      ) : null}
    </div>
  );
}

function QuestionRow({ q, moot, children }: { q: { label: string; help: string }; moot?: boolean; children(ids: { help: string }): ReactNode }) {
  const id = useId();
  return (
    <div className={`q-row${moot ? ' q-moot' : ''}`}>
      <div className="q-head">
        <span className="q-label">{q.label}</span>
        <span className="q-help" id={`${id}-help`}>{q.help}</span>
      </div>
      <div className="q-control">{children({ help: `${id}-help` })}</div>
    </div>
  );
}
