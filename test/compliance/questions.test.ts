import { describe, expect, it } from 'vitest';
import {
  ALTERATION,
  CLASSIFICATION,
  FACT_KEYS,
  HOSTING,
  INPUTS,
  ON_SCREEN,
  OUTPUTS,
  REPLICA_EXCEPTION,
  UNOWNED_MATERIAL,
  YES_NO,
  YES_NO_UNSURE,
} from '../../main/compliance/facts';
import { CLASSIFICATION_QUESTION, FACT_QUESTIONS, TOOL_QUESTIONS, choiceLabel, type Question } from '../../main/compliance/questions';

const valuesByKey: Record<string, readonly string[]> = {
  onScreen: ON_SCREEN,
  inputs: INPUTS,
  outputs: OUTPUTS,
  alteration: ALTERATION,
  replicaException: REPLICA_EXCEPTION,
  talent: [],
  unownedMaterial: UNOWNED_MATERIAL,
  classification: CLASSIFICATION,
  hosting: HOSTING,
  enterprise: YES_NO,
  trainsOnInputs: YES_NO_UNSURE,
  retainsData: YES_NO_UNSURE,
};

const allQuestions: Question[] = [...FACT_QUESTIONS, CLASSIFICATION_QUESTION, ...TOOL_QUESTIONS];

describe('questionnaire', () => {
  it('asks exactly one question per fact, in fact order', () => {
    expect(FACT_QUESTIONS.map((q) => q.key)).toEqual(FACT_KEYS);
  });

  it.each(allQuestions.map((q) => [q.key, q] as const))('%s: label, one-line help, a label for every allowed value', (key, q) => {
    expect(q.label.length).toBeGreaterThan(2);
    expect(q.help.length).toBeGreaterThan(10);
    expect(q.help).not.toContain('\n');
    expect(q.choices.map((c) => c.value)).toEqual(valuesByKey[key]);
    const labels = q.choices.map((c) => c.label);
    expect(labels.every((l) => l.trim().length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('list facts are multiple choice, talent is free names, the rest single choice', () => {
    const answers = Object.fromEntries(FACT_QUESTIONS.map((q) => [q.key, q.answer]));
    expect(answers).toEqual({
      onScreen: 'one',
      inputs: 'many',
      outputs: 'many',
      alteration: 'one',
      replicaException: 'one',
      talent: 'names',
      unownedMaterial: 'one',
    });
  });

  it('choiceLabel finds the label of a value and rejects a value the fact does not have', () => {
    expect(choiceLabel('inputs', 'personal-data')).toBe('Personal data of cast or crew');
    expect(choiceLabel('onScreen', 'unsure')).toBe('Not sure yet');
    expect(() => choiceLabel('inputs', 'prominent')).toThrow('"prominent" is not a value of inputs');
  });
});
