import {
  ALTERATION,
  CLASSIFICATION,
  HOSTING,
  INPUTS,
  ON_SCREEN,
  OUTPUTS,
  REPLICA_EXCEPTION,
  UNOWNED_MATERIAL,
  YES_NO,
  YES_NO_UNSURE,
  type Alteration,
  type Classification,
  type FactKey,
  type Hosting,
  type Input,
  type OnScreen,
  type Output,
  type ReplicaException,
  type ToolTerms,
  type UnownedMaterial,
  type YesNo,
  type YesNoUnsure,
} from './facts';

/*
 * The questionnaire: one label and one line of help per question, a short label per allowed value. Used by the UI
 * and by CLI --help. Label maps are typed by the value lists, so a new value cannot ship without its label.
 */

export interface Choice {
  value: string;
  label: string;
}

export interface Question<K extends string = string> {
  key: K;
  label: string;
  help: string;
  /** one: pick one value; many: any of the values; names: free-text names. */
  answer: 'one' | 'many' | 'names';
  choices: Choice[];
}

function choices<V extends string>(values: readonly V[], labels: Record<V, string>): Choice[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

const ON_SCREEN_LABELS: Record<OnScreen, string> = {
  none: 'Not on screen',
  incidental: 'Incidental (glimpsed, never referenced)',
  prominent: 'Prominent (story-relevant, read aloud, drives the plot)',
  unsure: 'Not sure yet',
};

const INPUT_LABELS: Record<Input, string> = {
  'netflix-material': 'Netflix material (unreleased assets, scripts, production images)',
  'personal-data': 'Personal data of cast or crew',
  'talent-likeness': "A performer's face, body or voice",
  'third-party-ip': 'Copyrighted material we do not own',
  'public-figure': 'A public figure',
  'deceased-person': 'A deceased person',
  'rights-holder-training': "Training on an artist's or rights holder's work",
};

const OUTPUT_LABELS: Record<Output, string> = {
  'key-creative': 'Main character, key visual or central setting',
  'digital-replica': 'Digital replica of a performer',
  'synthetic-voice': "Synthetic voice of a performer",
  'performance-alteration': 'Altered recorded performance',
  'mistakable-for-real': 'Could be mistaken for real events or archives',
  'replaces-union-work': 'Replaces union-covered work',
};

const ALTERATION_LABELS: Record<Alteration, string> = {
  customary: 'Customary (cosmetics, wardrobe, cleanup, timing, pitch, permitted dubbing)',
  significant: 'Significant (changes what was performed, e.g. visual ADR)',
};

const REPLICA_EXCEPTION_LABELS: Record<ReplicaException, string> = {
  none: 'None applies',
  'as-performed': 'Stays substantially as scripted, performed or recorded',
  'unsafe-action': 'Shows an action a human could not safely perform',
  unrecognizable: 'Leaves the performer unrecognisable',
};

const UNOWNED_LABELS: Record<UnownedMaterial, string> = {
  no: 'No',
  yes: 'Yes',
  unsure: 'Not sure',
};

const CLASSIFICATION_LABELS: Record<Classification, string> = {
  temporary: 'Temporary (never in a final deliverable)',
  deliverable: 'Deliverable (seen or heard in the final product)',
};

const HOSTING_LABELS: Record<Hosting, string> = {
  local: 'Runs locally',
  'enterprise-cloud': 'Enterprise cloud',
  'public-cloud': 'Public cloud',
  unsure: 'Not sure',
};

const YES_NO_LABELS: Record<YesNo, string> = { yes: 'Yes', no: 'No' };
const YES_NO_UNSURE_LABELS: Record<YesNoUnsure, string> = { yes: 'Yes', no: 'No', unsure: 'Not sure' };

export const FACT_QUESTIONS: readonly Question<FactKey>[] = [
  {
    key: 'onScreen',
    label: 'On screen?',
    help: 'Is the generated element seen or heard in the show, and does the story rely on it?',
    answer: 'one',
    choices: choices(ON_SCREEN, ON_SCREEN_LABELS),
  },
  {
    key: 'inputs',
    label: 'What goes in',
    help: 'Tick everything fed to the tools: uploads, references, prompts and training material.',
    answer: 'many',
    choices: choices(INPUTS, INPUT_LABELS),
  },
  {
    key: 'outputs',
    label: 'What comes out',
    help: 'Tick everything the result is or does.',
    answer: 'many',
    choices: choices(OUTPUTS, OUTPUT_LABELS),
  },
  {
    key: 'alteration',
    label: 'How much is a performance altered?',
    help: 'Only matters when a recorded performance is altered.',
    answer: 'one',
    choices: choices(ALTERATION, ALTERATION_LABELS),
  },
  {
    key: 'replicaException',
    label: 'Replica exception',
    help: 'When a performer is replicated or altered, does one of these exceptions apply?',
    answer: 'one',
    choices: choices(REPLICA_EXCEPTION, REPLICA_EXCEPTION_LABELS),
  },
  {
    key: 'talent',
    label: 'Talent concerned',
    help: 'Names of the performers whose likeness, voice or performance is used, as on their consent forms.',
    answer: 'names',
    choices: [],
  },
  {
    key: 'unownedMaterial',
    label: 'Recreates unowned material?',
    help: 'Does the result recreate identifiable characteristics of material we do not own or copyrighted work?',
    answer: 'one',
    choices: choices(UNOWNED_MATERIAL, UNOWNED_LABELS),
  },
];

export const CLASSIFICATION_QUESTION: Question<'classification'> = {
  key: 'classification',
  label: 'Temporary or deliverable?',
  help: 'Will this material, or anything made from it, be part of the final deliverables?',
  answer: 'one',
  choices: choices(CLASSIFICATION, CLASSIFICATION_LABELS),
};

export const TOOL_QUESTIONS: readonly Question<Exclude<keyof ToolTerms, 'name'>>[] = [
  {
    key: 'hosting',
    label: 'Where does it run?',
    help: 'On our own machines, in an enterprise cloud, or in a public cloud service.',
    answer: 'one',
    choices: choices(HOSTING, HOSTING_LABELS),
  },
  {
    key: 'enterprise',
    label: 'Netflix enterprise agreement?',
    help: 'Is the tool used under an enterprise agreement that Netflix has approved?',
    answer: 'one',
    choices: choices(YES_NO, YES_NO_LABELS),
  },
  {
    key: 'trainsOnInputs',
    label: 'Trains on inputs?',
    help: 'Do its terms let the vendor train or improve models on what we feed it or get back?',
    answer: 'one',
    choices: choices(YES_NO_UNSURE, YES_NO_UNSURE_LABELS),
  },
  {
    key: 'retainsData',
    label: 'Keeps our data?',
    help: 'Does the vendor store or reuse inputs or outputs beyond the session?',
    answer: 'one',
    choices: choices(YES_NO_UNSURE, YES_NO_UNSURE_LABELS),
  },
];

export function factQuestion(key: FactKey): Question<FactKey> {
  const q = FACT_QUESTIONS.find((x) => x.key === key);
  if (!q) throw new Error(`No question for fact ${JSON.stringify(key)}`);
  return q;
}

/** The short label of one value of a fact, e.g. choiceLabel('inputs', 'personal-data'). */
export function choiceLabel(key: FactKey, value: string): string {
  const choice = factQuestion(key).choices.find((c) => c.value === value);
  if (!choice) throw new Error(`${JSON.stringify(value)} is not a value of ${key}`);
  return choice.label;
}
