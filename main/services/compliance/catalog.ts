import {
  CLASSIFICATION_QUESTION,
  CONSENT_KINDS,
  DECISIONS,
  FACT_QUESTIONS,
  OUTCOMES,
  PRESETS,
  PRINCIPLES,
  RULES,
  TOOL_QUESTIONS,
  type Facts,
  type Question,
} from '../../compliance';

export interface CatalogRule {
  id: string;
  kind: 'written-approval' | 'principle';
  /** Rule category (output, data use, ...) or "principle". */
  category: string;
  /** For a principle: what holds when it is answered yes. */
  statement: string | null;
  /** One line: why it needs written approval (principles: when answered no / unsure). */
  explanation: string;
  explanationUnsure: string | null;
  howToClear: string;
}

export interface ComplianceCatalog {
  questions: readonly Question[];
  classificationQuestion: Question;
  toolQuestions: readonly Question[];
  presets: { id: string; title: string; description: string; classification: string; facts: Partial<Facts> }[];
  rules: CatalogRule[];
  consentKinds: readonly string[];
  outcomes: readonly string[];
  decisions: readonly string[];
}

/** Everything the UI needs to render the questionnaire, presets and findings, as plain data. */
export function complianceCatalog(): ComplianceCatalog {
  return {
    questions: FACT_QUESTIONS,
    classificationQuestion: CLASSIFICATION_QUESTION,
    toolQuestions: TOOL_QUESTIONS,
    presets: PRESETS.map((p) => ({ id: p.id, title: p.title, description: p.description, classification: p.classification, facts: p.facts })),
    rules: [
      ...RULES.map((r): CatalogRule => ({
        id: r.id, kind: 'written-approval', category: r.category, statement: null, explanation: r.explanation, explanationUnsure: null, howToClear: r.howToClear,
      })),
      ...PRINCIPLES.map((p): CatalogRule => ({
        id: p.id, kind: 'principle', category: 'principle', statement: p.statement, explanation: p.explanation.no,
        explanationUnsure: p.explanation.unsure, howToClear: p.howToClear,
      })),
    ],
    consentKinds: CONSENT_KINDS,
    outcomes: OUTCOMES,
    decisions: DECISIONS,
  };
}
