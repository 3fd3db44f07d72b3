import type { AssetDetail, InputOf, ValueOf } from '../api-types';

/* Compliance types, read off the API like every other renderer type (see api-types.ts). */

export type Assessment = AssetDetail['assessment'];
export type Finding = Assessment['findings'][number];
export type Outcome = Assessment['outcome'];
export type Severity = Finding['severity'];
export type PrincipleId = keyof Assessment['principles'];
export type Answer = Assessment['principles'][PrincipleId];
export type Facts = AssetDetail['facts'];
export type FactKey = keyof Facts;
export type FactsUpdate = NonNullable<InputOf<'setFacts'>['facts']>;

export type ComplianceCatalog = ValueOf<'getComplianceCatalog'>;
export type Question = ComplianceCatalog['questions'][number];
export type Preset = ComplianceCatalog['presets'][number];
export type CatalogRule = ComplianceCatalog['rules'][number];

export type Approval = ValueOf<'listApprovals'>[number];
export type ApprovalInput = InputOf<'addApproval'>;
export type Decision = ApprovalInput['decision'];
export type EmlPrefill = ValueOf<'previewEmlApproval'>;

export type Consent = ValueOf<'listConsents'>[number];
export type ConsentInput = InputOf<'addConsent'>;

export type PlannedUse = ValueOf<'listPlannedUses'>[number];
export type PlannedUseDetail = ValueOf<'getPlannedUse'>;
export type PlannedUseInput = InputOf<'addPlannedUse'>;

export type Dashboard = ValueOf<'getDashboard'>;
export type InboxItem = ValueOf<'listApprovalInbox'>['items'][number];

/** What a questionnaire change sends: any facts, the tool chain, and (planned uses only) the classification. */
export interface FactsChange {
  facts?: FactsUpdate;
  tools?: string[];
  classification?: PlannedUse['classification'];
}

/** What an approval is about: assets or planned uses (one kind, one production). */
export interface ApprovalSubject {
  kind: 'asset' | 'use';
  ids: number[];
  production: string;
  /** How the dialog names it: "asset #12 plate.png", "3 assets". */
  label: string;
}
