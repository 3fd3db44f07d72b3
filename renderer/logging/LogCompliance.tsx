import { useState } from 'react';
import { DEFAULT_FACTS } from '../compliance/facts';
import { Questionnaire } from '../compliance/Questionnaire';
import type { Facts, FactsUpdate, PlannedUse } from '../compliance/types';
import { usePlannedUsesOf } from '../compliance/usePlannedUses';
import { useTalentNames } from '../compliance/useTalentNames';
import { Field } from '../ui/Field';

export interface LogComplianceProps {
  production: string;
  use: number | undefined;
  /** Answers given here (only those), layered over the planned use's or the default answers. */
  facts: FactsUpdate | undefined;
  onUse(use: PlannedUse | undefined): void;
  onFacts(facts: FactsUpdate | undefined): void;
}

/**
 * The compliance part of logging: a planned use whose answers the new assets inherit, and, optionally, the
 * questionnaire right away. Unanswered questions stay "not sure" and can be answered later in the Questions tab.
 */
export function LogCompliance({ production, use, facts, onUse, onFacts }: LogComplianceProps) {
  const uses = usePlannedUsesOf(production);
  const talent = useTalentNames(production);
  const [open, setOpen] = useState(Boolean(facts && Object.keys(facts).length));
  const chosen = uses.find((u) => u.id === use);
  const base: Facts = chosen?.facts ?? DEFAULT_FACTS;
  const answered = Object.keys(facts ?? {}).length;

  return (
    <>
      <Field label="Planned use" className="span-2"
        hint={chosen ? `New assets start from its answers and class (${chosen.classification}).` : 'Optional: the disclosed use these files belong to.'}>
        <select className="input" value={use ?? ''} disabled={!production}
          onChange={(e) => onUse(uses.find((u) => u.id === Number(e.target.value)))}>
          <option value="">{production ? (uses.length ? 'None' : 'None disclosed for this production') : 'Choose a production first'}</option>
          {uses.map((u) => <option key={u.id} value={u.id}>#{u.id} {u.title}{u.department ? ` · ${u.department}` : ''}</option>)}
        </select>
      </Field>
      <div className="field span-2 log-facts">
        <div className="log-facts-head">
          <span className="field-label">Questions</span>
          <span className="muted small">
            {answered ? `${answered} answered here` : chosen ? `Answers from planned use #${chosen.id}` : 'Not answered yet: everything starts as “not sure”'}
          </span>
          <span className="spacer" />
          <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide questions' : 'Answer now…'}
          </button>
        </div>
        {open ? (
          <Questionnaire
            label="Questions for the new assets"
            facts={{ ...base, ...facts } as Facts}
            talentSuggestions={talent}
            onChange={(change) => onFacts({ ...facts, ...change.facts })}
          />
        ) : null}
      </div>
    </>
  );
}
